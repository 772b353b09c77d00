#include "app/model/RequestSettings.h"

#include "app/model/TlsSetting.h"

#include <algorithm>

namespace Playground {

namespace {

    const QLatin1String Behavior("protocolProfileBehavior");
    const QLatin1String FollowRedirects("followRedirects");
    const QLatin1String MaxRedirects("maxRedirects");
    const QLatin1String Ours("apiPlayground");
    const QLatin1String Timeout("timeout");
    const QLatin1String CaFile("caCertificateFile");
    const QLatin1String Proxy("proxy");

    /** object with key set to value, or without key when value is the default. */
    void put(QJsonObject &object, QLatin1String key, const QJsonValue &value, bool isDefault)
    {
        if (isDefault)
            object.remove(key);
        else
            object.insert(key, value);
    }

    void putObject(QJsonObject &out, QLatin1String key, const QJsonObject &object)
    {
        if (object.isEmpty())
            out.remove(key);
        else
            out.insert(key, object);
    }

} // namespace

RequestSettings RequestSettings::of(const CollectionItem &item)
{
    RequestSettings s;
    const QJsonObject behavior = item.extra.value(Behavior).toObject();
    const QJsonValue follow = behavior.value(FollowRedirects);
    s.followRedirects = !(follow.isBool() && !follow.toBool());
    const int hops = behavior.value(MaxRedirects).toInt(-1);
    if (hops >= 0)
        s.maxRedirects = hops;
    s.verifyTls = TlsSetting::verifies(item);
    const QJsonObject ours = item.extra.value(Ours).toObject();
    s.timeoutMs = std::clamp(ours.value(Timeout).toInt(0), 0, MaxTimeoutMs);
    s.caCertificateFile = ours.value(CaFile).toString();
    s.proxy = ours.value(Proxy).toString();
    return s;
}

QJsonObject RequestSettings::writtenTo(const QJsonObject &extra) const
{
    QJsonObject out = TlsSetting::withVerification(extra, verifyTls);
    QJsonObject behavior = out.value(Behavior).toObject();
    put(behavior, FollowRedirects, false, followRedirects);
    put(behavior, MaxRedirects, maxRedirects, maxRedirects == DefaultMaxRedirects);
    putObject(out, Behavior, behavior);
    QJsonObject ours = out.value(Ours).toObject();
    put(ours, Timeout, timeoutMs, timeoutMs <= 0);
    put(ours, CaFile, caCertificateFile, caCertificateFile.isEmpty());
    put(ours, Proxy, proxy, proxy.trimmed().isEmpty());
    putObject(out, Ours, ours);
    return out;
}

} // namespace Playground
