#include "tests/support/RecordedRequest.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace Playground::Test {

QList<QByteArray> RecordedRequest::headerValues(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value);
    }
    return values;
}

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    return headerValues(name).join(QByteArrayLiteral(", "));
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString RecordedRequest::queryValue(const QString &name) const
{
    return QUrlQuery(QString::fromLatin1(query)).queryItemValue(name, QUrl::FullyDecoded);
}

QJsonObject RecordedRequest::toJson() const
{
    QJsonObject headerObject;
    QList<QByteArray> seen;
    for (const auto &[key, value] : headers) {
        const QByteArray lower = key.toLower();
        if (seen.contains(lower))
            continue;
        seen.append(lower);
        const QList<QByteArray> values = headerValues(key);
        if (values.size() == 1) {
            headerObject.insert(QString::fromLatin1(key), QString::fromUtf8(value));
        } else {
            QJsonArray array;
            for (const QByteArray &each : values)
                array.append(QString::fromUtf8(each));
            headerObject.insert(QString::fromLatin1(key), array);
        }
    }
    return QJsonObject {
        { QStringLiteral("method"), QString::fromLatin1(method) },
        { QStringLiteral("path"), QString::fromLatin1(path) },
        { QStringLiteral("query"), QString::fromLatin1(query) },
        { QStringLiteral("headers"), headerObject },
        { QStringLiteral("body"), QString::fromUtf8(body) },
        { QStringLiteral("bodyBase64"), QString::fromLatin1(body.toBase64()) },
    };
}

} // namespace Playground::Test
