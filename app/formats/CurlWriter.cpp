#include "app/formats/CurlWriter.h"

#include "app/formats/ShellWords.h"

namespace Playground {

namespace {

    /** printf '%b' argument: every byte that is not plain printable ASCII as \0NNN. */
    QByteArray printfEscaped(const QByteArray &bytes)
    {
        QByteArray out;
        for (const char c : bytes) {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x20 && u < 0x7f && c != '\\' && c != '\'') {
                out += c;
            } else {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\0%03o", unsigned(u));
                out += buf;
            }
        }
        return out;
    }

    bool sameName(const QByteArray &a, const char *b)
    {
        return a.compare(QByteArrayView(b), Qt::CaseInsensitive) == 0;
    }

    /**
     * "user:password" of a Basic Authorization value, when --user gives curl the same header:
     * readable in the command (a redacted one shows its <placeholder>, not Base64 of it).
     */
    QByteArray basicUser(const HeaderPair &h)
    {
        static const QByteArray scheme = "basic ";
        if (!sameName(h.first, "Authorization")
            || !h.second.left(scheme.size()).toLower().startsWith(scheme))
            return {};
        const QByteArray encoded = h.second.mid(scheme.size()).trimmed();
        const QByteArray pair
            = QByteArray::fromBase64(encoded, QByteArray::AbortOnBase64DecodingErrors);
        const bool printable = std::none_of(pair.begin(), pair.end(),
            [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
        const bool exact = pair.toBase64() == encoded && QString::fromUtf8(pair).toUtf8() == pair;
        return pair.contains(':') && printable && exact ? pair : QByteArray();
    }

} // namespace

QByteArray CurlWriter::command(const QByteArray &method, const QByteArray &url,
    const HeaderList &headers, const QByteArray &body, bool hasBody)
{
    const bool viaStdin = hasBody && body.contains('\0');
    QByteArray out;
    if (viaStdin)
        out += "printf '%b' '" + printfEscaped(body) + "' | \\\n  ";
    out += "curl --globoff";
    const QByteArray upper = method.toUpper();
    if (upper == "HEAD" && !hasBody)
        out += " --head";
    else if (method != (hasBody ? "POST" : "GET"))
        out += " --request " + ShellWords::quote(method);
    out += " \\\n  " + ShellWords::quote(url);
    bool hasContentType = false;
    for (const HeaderPair &h : headers) {
        if (sameName(h.first, "Content-Length") || sameName(h.first, "Host"))
            continue; // curl computes them (a wrong one would break the request)
        hasContentType = hasContentType || sameName(h.first, "Content-Type");
        if (const QByteArray user = basicUser(h); !user.isEmpty()) {
            out += " \\\n  --user " + ShellWords::quote(user);
            continue;
        }
        // curl: "Name;" sends an empty header; "Name:" would remove it instead.
        const QByteArray line = h.second.isEmpty() ? h.first + ';' : h.first + ": " + h.second;
        out += " \\\n  --header " + ShellWords::quote(line);
    }
    // curl adds Content-Type: application/x-www-form-urlencoded to a body; the playground adds
    // none when the request has none, so remove curl's.
    if (hasBody && !hasContentType)
        out += " \\\n  --header 'Content-Type:'";
    if (hasBody) {
        if (viaStdin)
            out += " \\\n  --data-binary @-";
        else
            out += " \\\n  --data-raw " + ShellWords::quote(body);
    }
    return out + '\n';
}

QByteArray CurlWriter::fromResolved(const ResolvedRequest &request)
{
    return command(request.method, request.url.toEncoded(QUrl::FullyEncoded), request.headers,
        request.body, request.hasBody || !request.body.isEmpty());
}

QByteArray CurlWriter::fromExchange(const Exchange &exchange)
{
    // Headers Qt chose for itself (Accept-Encoding, Accept-Language, User-Agent) are part of what
    // was sent; curl sends them the same way when given.
    return command(exchange.method, exchange.url.toUtf8(), exchange.requestHeaders,
        exchange.requestBody, exchange.requestBodySize > 0 || !exchange.requestBody.isEmpty());
}

} // namespace Playground
