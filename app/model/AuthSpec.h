#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Playground {

/** One parameter of an auth block (Postman v2.1 writes them as key/value/type rows). */
struct AuthParam {
    QString key;
    QJsonValue value;
    QString type = QStringLiteral("string");
};

/** Auth of a request, folder or collection: Postman's auth object, kept whole. */
struct AuthSpec {
    /** noauth, inherit, bearer, basic, apikey, oauth2, or any other Postman type (kept). */
    QString type = QStringLiteral("inherit");
    QList<AuthParam> params;
    QJsonObject extra;

    bool inherits() const { return type == QLatin1String("inherit"); }
    QString param(const QString &key) const;
    void setParam(const QString &key, const QJsonValue &value);
};

} // namespace Playground
