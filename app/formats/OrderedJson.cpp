#include "app/formats/OrderedJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Playground::OrderedJson {

namespace {

    QByteArray scalar(const QJsonValue &value)
    {
        // Qt's own escaping and number format, as the rest of the file is written with them.
        const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
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
                out += indent + scalar(names.at(i)) + colon;
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
