#include "app/model/TlsSetting.h"

namespace Playground {

namespace {

    const QLatin1String Behavior("protocolProfileBehavior");
    const QLatin1String StrictSsl("strictSSL");

} // namespace

bool TlsSetting::verifies(const CollectionItem &item)
{
    const QJsonValue strict = item.extra.value(Behavior).toObject().value(StrictSsl);
    return !(strict.isBool() && !strict.toBool());
}

QJsonObject TlsSetting::withVerification(const QJsonObject &extra, bool verify)
{
    QJsonObject out = extra;
    QJsonObject behavior = out.value(Behavior).toObject();
    if (verify)
        behavior.remove(StrictSsl);
    else
        behavior.insert(StrictSsl, false);
    if (behavior.isEmpty())
        out.remove(Behavior);
    else
        out.insert(Behavior, behavior);
    return out;
}

} // namespace Playground
