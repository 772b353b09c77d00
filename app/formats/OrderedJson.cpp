#include "app/formats/OrderedJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Playground::OrderedJson {

namespace {

    /** Qt's own escaping and number format, as the rest of the file is written with them. */
    QByteArray qtScalar(const QJsonValue &value)
    {
        const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    }

    QByteArray scalar(const QJsonValue &value)
    {
        if (const QString digits = exactIntegerDigits(value); !digits.isEmpty())
            return digits.toLatin1();
        return qtScalar(value);
    }

    void write(const QJsonValue &value, int depth, bool compact, QByteArray &out)
    {
        const QByteArray indent = compact ? QByteArray() : QByteArray((depth + 1) * 4, ' ');
        const QByteArray closing = compact ? QByteArray() : QByteArray(depth * 4, ' ');
        const QByteArray open = compact ? "" : "\n";
        const QByteArray next = compact ? "," : ",\n";
        const QByteArray colon = compact ? ":" : ": ";
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            const QStringList names = keys(object);
            out += '{' + open;
            for (qsizetype i = 0; i < names.size(); ++i) {
                out += indent + qtScalar(names.at(i)) + colon; // a key is always a string
                write(object.value(names.at(i)), depth + 1, compact, out);
                out += i + 1 < names.size() ? next : open;
            }
            out += closing + '}';
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            out += '[' + open;
            for (qsizetype i = 0; i < array.size(); ++i) {
                out += indent;
                write(array.at(i), depth + 1, compact, out);
                out += i + 1 < array.size() ? next : open;
            }
            out += closing + ']';
        } else {
            out += scalar(value);
        }
    }

} // namespace

const QString &orderKey()
{
    static const QString key = QString(QChar(0)) + QStringLiteral("order");
    return key;
}

QStringList keys(const QJsonObject &object)
{
    const QJsonValue order = object.value(orderKey());
    QStringList out;
    QSet<QString> seen;
    if (order.isArray()) {
        for (const QJsonValue &key : order.toArray()) {
            const QString name = key.toString();
            if (object.contains(name) && !seen.contains(name)) {
                out.append(name);
                seen.insert(name);
            }
        }
        if (out.size() == object.size() - 1)
            return out;
    }
    // No order recorded (or members added since): the rest sorted, after those in order.
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != orderKey() && !seen.contains(it.key()))
            out.append(it.key());
    }
    return out;
}

QString firstKey(const QJsonObject &object)
{
    const QStringList names = keys(object);
    return names.isEmpty() ? QString() : names.first();
}

QJsonValue exactInteger(const QString &digits)
{
    return QString(QChar(0)) + (digits.startsWith(QLatin1Char('+')) ? digits.mid(1) : digits);
}

QString exactIntegerDigits(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QString text = value.toString();
    if (text.size() < 2 || text.at(0) != QChar(0))
        return {};
    for (qsizetype i = 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!(c.isDigit() && c.unicode() < 0x80) && !(i == 1 && c == QLatin1Char('-')))
            return {};
    }
    return text.mid(1);
}

void setOrder(QJsonObject &object, const QStringList &keys)
{
    object.insert(orderKey(), QJsonArray::fromStringList(keys));
}

QByteArray toJson(const QJsonValue &value, QJsonDocument::JsonFormat format)
{
    QByteArray out;
    write(value, 0, format == QJsonDocument::Compact, out);
    return out;
}

} // namespace Playground::OrderedJson
