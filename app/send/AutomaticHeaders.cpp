#include "app/send/AutomaticHeaders.h"

#include "app/auth/AuthApplier.h"
#include "app/http/HttpExecutor.h"
#include "app/template/RequestResolver.h"

namespace Playground {

namespace {

    bool typed(const RequestSpec &request, const QString &name)
    {
        return std::any_of(request.headers.begin(), request.headers.end(), [&](const KeyValue &h) {
            return h.enabled && h.key.trimmed().compare(name, Qt::CaseInsensitive) == 0;
        });
    }

} // namespace

QList<AutomaticHeader> AutomaticHeaders::of(
    const RequestSpec &request, const AuthSpec &effectiveAuth)
{
    QList<AutomaticHeader> out;
    const QString redacted = QStringLiteral("<redacted, from Auth>");
    const QString type = effectiveAuth.type;
    const bool authorization = type == QLatin1String("bearer") || type == QLatin1String("basic")
        || type == QLatin1String("oauth2");
    if (authorization && !typed(request, QStringLiteral("Authorization")))
        out.append({ QStringLiteral("Authorization"), redacted });
    if (type == QLatin1String("apikey")
        && effectiveAuth.param(QStringLiteral("in")) != QLatin1String("query")) {
        const QString name = effectiveAuth.param(QStringLiteral("key"));
        if (!name.isEmpty()) // added even beside a typed one, as AuthApplier does
            out.append({ name, redacted });
    }

    const RequestBody::Mode mode = RequestResolver::sentBodyMode(request, request.method.toUtf8());
    const bool body = mode != RequestBody::Mode::None && mode != RequestBody::Mode::Other;
    if (body) {
        RequestBody sent = request.body;
        sent.mode = mode;
        if (mode == RequestBody::Mode::FormData) // the boundary replaces a typed Content-Type
            out.append({ QStringLiteral("Content-Type"),
                QStringLiteral("multipart/form-data; boundary=<made when sent>") });
        else if (!typed(request, QStringLiteral("Content-Type"))
            && !(mode == RequestBody::Mode::Raw && sent.raw.isEmpty()))
            out.append({ QStringLiteral("Content-Type"), sent.impliedContentType() });
        out.append({ QStringLiteral("Content-Length"), QStringLiteral("<counted when sent>") });
    }
    if (!typed(request, QStringLiteral("User-Agent")))
        out.append({ QStringLiteral("User-Agent"), QString::fromUtf8(HttpExecutor::userAgent()) });
    return out;
}

} // namespace Playground
