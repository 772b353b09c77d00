// Fuzz target: variable substitution and URL building on hostile templates and values.
#include "app/send/SendSession.h"
#include "app/template/RequestResolver.h"
#include "app/template/TemplateText.h"
#include "app/template/UrlBuilder.h"

#include <cstddef>
#include <cstdint>

using namespace Playground;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Input: "template\0value1\0value2\0...": values bound to v0, v1, ... and to ":p" path
    // variables.
    const QByteArrayList parts
        = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    VariableScopes scopes;
    for (qsizetype i = 1; i < parts.size(); ++i)
        scopes.set(QStringLiteral("v%1").arg(i - 1), QString::fromUtf8(parts.at(i)));
    const QString templ = QString::fromUtf8(parts.value(0));

    TemplateText text(scopes);
    const QString resolved = text.resolve(templ, SecretPosition::Body);
    if (resolved.size() > TemplateText::MaxOutput + 16)
        __builtin_trap();

    UrlSpec url = UrlSpec::fromRaw(templ);
    url.pathVariables.append({ QStringLiteral("p"), QString::fromUtf8(parts.value(1)) });
    TemplateText urlText(scopes);
    UrlBuilder builder(urlText);
    const Result<QUrl> built = builder.build(url);
    if (built.ok()) {
        // Whatever the values, the host comes from the template or the leading base variable.
        if (built->host().isEmpty())
            __builtin_trap();
    }

    RequestSpec request;
    request.url = url;
    request.headers.append({ QStringLiteral("X-Fuzz"), templ });
    request.body.mode = RequestBody::Mode::Raw;
    request.body.raw = templ;
    AuthSpec auth;
    auth.type = QStringLiteral("noauth");
    const auto r = SendSession::prepare(request, auth, scopes);
    if (r.ok()) {
        for (const HeaderPair &h : r->headers) {
            if (h.second.contains('\r') || h.second.contains('\n') || h.second.contains('\0'))
                __builtin_trap(); // a line break must never reach the wire
        }
    }
    return 0;
}
