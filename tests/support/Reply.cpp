#include "tests/support/Reply.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Playground::Test {

Reply Reply::json(int status, const QJsonObject &object)
{
    return text(status, QJsonDocument(object).toJson(QJsonDocument::Compact),
        QByteArrayLiteral("application/json"));
}

Reply Reply::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    return Reply { status, { { QByteArrayLiteral("Content-Type"), contentType } }, body };
}

} // namespace Playground::Test
