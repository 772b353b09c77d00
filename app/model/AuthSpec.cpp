#include "app/model/AuthSpec.h"

namespace Playground {

QString AuthSpec::param(const QString &key) const
{
    for (const AuthParam &p : params) {
        if (p.key == key)
            return p.value.isString() ? p.value.toString() : p.value.toVariant().toString();
    }
    return {};
}

void AuthSpec::setParam(const QString &key, const QJsonValue &value)
{
    for (AuthParam &p : params) {
        if (p.key == key) {
            p.value = value;
            return;
        }
    }
    params.append({ key, value, QStringLiteral("string") });
}

} // namespace Playground
