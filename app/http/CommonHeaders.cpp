#include "app/http/CommonHeaders.h"

namespace Playground::CommonHeaders {

namespace {

    struct Known {
        QString name;
        QStringList values;
    };

    const QList<Known> &known()
    {
        static const QList<Known> all {
            { QStringLiteral("Accept"),
                { QStringLiteral("application/json"), QStringLiteral("*/*"),
                    QStringLiteral("application/xml"), QStringLiteral("text/html"),
                    QStringLiteral("text/plain"), QStringLiteral("application/problem+json") } },
            { QStringLiteral("Accept-Charset"), { QStringLiteral("utf-8") } },
            { QStringLiteral("Accept-Encoding"),
                { QStringLiteral("gzip, deflate, br"), QStringLiteral("gzip"),
                    QStringLiteral("identity") } },
            { QStringLiteral("Accept-Language"),
                { QStringLiteral("en-US,en;q=0.9"), QStringLiteral("fr-FR,fr;q=0.9"),
                    QStringLiteral("ar-MA,ar;q=0.9") } },
            { QStringLiteral("Authorization"),
                { QStringLiteral("Bearer {{token}}"), QStringLiteral("Basic {{credentials}}") } },
            { QStringLiteral("Cache-Control"),
                { QStringLiteral("no-cache"), QStringLiteral("no-store"),
                    QStringLiteral("max-age=0") } },
            { QStringLiteral("Connection"),
                { QStringLiteral("keep-alive"), QStringLiteral("close") } },
            { QStringLiteral("Content-Encoding"),
                { QStringLiteral("gzip"), QStringLiteral("deflate"), QStringLiteral("br") } },
            { QStringLiteral("Content-Type"),
                { QStringLiteral("application/json"),
                    QStringLiteral("application/x-www-form-urlencoded"),
                    QStringLiteral("multipart/form-data"), QStringLiteral("text/plain"),
                    QStringLiteral("application/xml"), QStringLiteral("text/html"),
                    QStringLiteral("application/octet-stream"),
                    QStringLiteral("application/merge-patch+json") } },
            { QStringLiteral("Cookie"), {} },
            { QStringLiteral("Date"), {} },
            { QStringLiteral("Expect"), { QStringLiteral("100-continue") } },
            { QStringLiteral("Forwarded"), {} },
            { QStringLiteral("From"), {} },
            { QStringLiteral("Idempotency-Key"), { QStringLiteral("{{$guid}}") } },
            { QStringLiteral("If-Match"), { QStringLiteral("*") } },
            { QStringLiteral("If-Modified-Since"), {} },
            { QStringLiteral("If-None-Match"), { QStringLiteral("*") } },
            { QStringLiteral("If-Unmodified-Since"), {} },
            { QStringLiteral("Origin"), {} },
            { QStringLiteral("Pragma"), { QStringLiteral("no-cache") } },
            { QStringLiteral("Prefer"),
                { QStringLiteral("return=representation"), QStringLiteral("return=minimal"),
                    QStringLiteral("respond-async") } },
            { QStringLiteral("Range"), { QStringLiteral("bytes=0-1023") } },
            { QStringLiteral("Referer"), {} },
            { QStringLiteral("TE"), { QStringLiteral("trailers") } },
            { QStringLiteral("User-Agent"), {} },
            { QStringLiteral("X-API-Key"), { QStringLiteral("{{apiKey}}") } },
            { QStringLiteral("X-Correlation-ID"), {} },
            { QStringLiteral("X-Forwarded-For"), {} },
            { QStringLiteral("X-HTTP-Method-Override"),
                { QStringLiteral("PATCH"), QStringLiteral("PUT"), QStringLiteral("DELETE") } },
            { QStringLiteral("X-Request-ID"), {} },
            { QStringLiteral("X-Requested-With"), { QStringLiteral("XMLHttpRequest") } },
        };
        return all;
    }

} // namespace

QStringList names()
{
    QStringList out;
    for (const Known &k : known())
        out << k.name;
    return out;
}

QStringList valuesOf(const QString &name)
{
    for (const Known &k : known())
        if (k.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return k.values;
    return {};
}

} // namespace Playground::CommonHeaders
