#include "app/response/ResponseFormatter.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace Playground {

namespace {

    const QString Separator = QStringLiteral(" · ");

    QByteArray mediaType(const QByteArray &contentType)
    {
        const qsizetype semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
    }

    QByteArray charset(const QByteArray &contentType)
    {
        for (const QByteArray &part : contentType.split(';')) {
            const QByteArray p = part.trimmed();
            if (p.toLower().startsWith("charset="))
                return p.mid(8).trimmed().replace('"', QByteArray());
        }
        return {};
    }

    bool isBinaryType(const QByteArray &type)
    {
        static const char *const prefixes[] = { "image/", "audio/", "video/", "font/",
            "application/octet-stream", "application/pdf", "application/zip", "application/gzip",
            "application/x-", "application/vnd.ms-", "application/wasm" };
        if (type == "image/svg+xml" || type.startsWith("application/x-www-form-urlencoded"))
            return false;
        for (const char *prefix : prefixes) {
            if (type.startsWith(prefix))
                return true;
        }
        return false;
    }

    char firstNonSpace(const QByteArray &bytes)
    {
        for (char c : bytes) {
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return c;
        }
        return 0;
    }

    QString hexDump(const QByteArray &bytes)
    {
        QString out;
        out.reserve(bytes.size() * 5);
        for (qsizetype offset = 0; offset < bytes.size(); offset += 16) {
            const QByteArray row = bytes.mid(offset, 16);
            QString hex;
            QString ascii;
            for (qsizetype i = 0; i < 16; ++i) {
                if (i < row.size()) {
                    const auto byte = static_cast<unsigned char>(row.at(i));
                    hex += QStringLiteral("%1 ").arg(byte, 2, 16, QLatin1Char('0'));
                    ascii += (byte >= 0x20 && byte < 0x7f)
                        ? QChar(QLatin1Char(static_cast<char>(byte)))
                        : QChar(QLatin1Char('.'));
                } else {
                    hex += QLatin1String("   ");
                }
                if (i == 7)
                    hex += QLatin1Char(' ');
            }
            out += QStringLiteral("%1  %2 |%3|\n")
                       .arg(offset, 8, 16, QLatin1Char('0'))
                       .arg(hex, ascii);
        }
        return out;
    }

    QString breakLongLines(const QString &text, qsizetype maxChars, bool *broken)
    {
        *broken = false;
        qsizetype lineStart = 0;
        bool any = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('\n'))
                lineStart = i + 1;
            else if (i - lineStart >= maxChars) {
                any = true;
                break;
            }
        }
        if (!any)
            return text;
        QString out;
        out.reserve(text.size() + text.size() / maxChars + 1);
        qsizetype column = 0;
        for (const QChar c : text) {
            if (c == QLatin1Char('\n')) {
                column = 0;
            } else if (column >= maxChars) {
                out += QLatin1Char('\n');
                column = 0;
            }
            out += c;
            ++column;
        }
        *broken = true;
        return out;
    }

    QString decode(const QByteArray &bytes, const QByteArray &contentType)
    {
        const QByteArray name = charset(contentType);
        if (!name.isEmpty()) {
            QStringDecoder decoder(name.constData());
            if (decoder.isValid())
                return decoder.decode(bytes);
        }
        return QString::fromUtf8(bytes);
    }

} // namespace

QString ResponseFormatter::sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024LL * 1024)
        return QStringLiteral("%1 KiB").arg(bytes / 1024.0, 0, 'f', 1);
    if (bytes < 1024LL * 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(bytes / (1024.0 * 1024), 0, 'f', 1);
    return QStringLiteral("%1 GiB").arg(bytes / (1024.0 * 1024 * 1024), 0, 'f', 2);
}

QString ResponseFormatter::durationText(double ms)
{
    if (ms < 0)
        return QStringLiteral("–");
    if (ms < 10)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
    if (ms < 10'000)
        return QStringLiteral("%1 ms").arg(qRound(ms));
    return QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 2);
}

QString ResponseFormatter::reasonText(int status, const QByteArray &sent)
{
    if (!sent.trimmed().isEmpty())
        return QString::fromUtf8(sent.trimmed());
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 202:
        return QStringLiteral("Accepted");
    case 204:
        return QStringLiteral("No Content");
    case 301:
        return QStringLiteral("Moved Permanently");
    case 302:
        return QStringLiteral("Found");
    case 304:
        return QStringLiteral("Not Modified");
    case 307:
        return QStringLiteral("Temporary Redirect");
    case 308:
        return QStringLiteral("Permanent Redirect");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 409:
        return QStringLiteral("Conflict");
    case 415:
        return QStringLiteral("Unsupported Media Type");
    case 422:
        return QStringLiteral("Unprocessable Content");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        return {};
    }
}

bool ResponseFormatter::hasWireSize(const Exchange &exchange)
{
    return exchange.bodyWireSize >= 0 && exchange.bodyWireSize != exchange.bodySize;
}

QString ResponseFormatter::bodySizeText(const Exchange &exchange)
{
    if (!hasWireSize(exchange))
        return sizeText(exchange.bodySize);
    return QStringLiteral("%1 (%2 on the wire)")
        .arg(sizeText(exchange.bodySize), sizeText(exchange.bodyWireSize));
}

QString ResponseFormatter::statusLine(const Exchange &exchange)
{
    QStringList parts;
    if (exchange.failure != FailureKind::None) {
        parts << (exchange.failure == FailureKind::Cancelled
                ? QStringLiteral("Cancelled")
                : QStringLiteral("Failed: %1").arg(failureTitle(exchange.failure)));
        if (exchange.status > 0)
            parts << QStringLiteral("HTTP %1").arg(exchange.status);
    } else {
        const QString reason = reasonText(exchange.status, exchange.reason);
        parts << (reason.isEmpty() ? QString::number(exchange.status)
                                   : QStringLiteral("%1 %2").arg(exchange.status).arg(reason));
    }
    if (exchange.timings.total >= 0)
        parts << durationText(exchange.timings.total);
    if (exchange.status > 0)
        parts << bodySizeText(exchange);
    if (!exchange.hops.isEmpty())
        parts << (exchange.hops.size() == 1
                ? QStringLiteral("1 redirect")
                : QStringLiteral("%1 redirects").arg(exchange.hops.size()));
    return parts.join(Separator);
}

ResponseFormatter::StatusClass ResponseFormatter::statusClass(const Exchange &exchange)
{
    if (exchange.failure != FailureKind::None)
        return StatusClass::Failed;
    const int s = exchange.status;
    if (s >= 100 && s < 200)
        return StatusClass::Informational;
    if (s >= 200 && s < 300)
        return StatusClass::Success;
    if (s >= 300 && s < 400)
        return StatusClass::Redirect;
    if (s >= 400 && s < 500)
        return StatusClass::ClientError;
    if (s >= 500)
        return StatusClass::ServerError;
    return StatusClass::None;
}

QString ResponseFormatter::timingsText(const Timings &t)
{
    QStringList parts;
    if (t.connectStart >= 0)
        parts << QStringLiteral("Connect %1").arg(durationText(t.connectStart));
    else if (t.requestSent >= 0)
        parts << QStringLiteral("Connection reused");
    if (t.tlsDone >= 0)
        parts << QStringLiteral("TLS %1").arg(durationText(t.tlsDone));
    if (t.requestSent >= 0)
        parts << QStringLiteral("Sent %1").arg(durationText(t.requestSent));
    if (t.firstByte >= 0)
        parts << QStringLiteral("First byte %1").arg(durationText(t.firstByte));
    if (t.total >= 0)
        parts << QStringLiteral("Total %1").arg(durationText(t.total));
    return parts.join(Separator);
}

QString ResponseFormatter::failureTitle(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return {};
    case FailureKind::Refused:
        return QStringLiteral("Not sent");
    case FailureKind::Transport:
        return QStringLiteral("Connection failed");
    case FailureKind::Tls:
        return QStringLiteral("TLS problem");
    case FailureKind::Cancelled:
        return QStringLiteral("Cancelled");
    case FailureKind::IdleTimeout:
        return QStringLiteral("Timed out (no data)");
    case FailureKind::Deadline:
        return QStringLiteral("Timed out");
    case FailureKind::SizeCap:
        return QStringLiteral("Response too large");
    case FailureKind::Decompression:
        return QStringLiteral("Compressed body refused");
    case FailureKind::TooManyRedirects:
        return QStringLiteral("Too many redirects");
    case FailureKind::Disk:
        return QStringLiteral("Could not store the response");
    case FailureKind::Unresolved:
        return QStringLiteral("Not sent: variables without a value");
    case FailureKind::Invalid:
        return QStringLiteral("Not sent: the request is not valid");
    case FailureKind::NoToken:
        return QStringLiteral("Not sent: no OAuth token");
    }
    return {};
}

QString ResponseFormatter::failureText(const Exchange &exchange)
{
    if (exchange.failure == FailureKind::None)
        return {};
    const QString title = failureTitle(exchange.failure);
    if (exchange.error.isEmpty())
        return title;
    // The engine writes whole sentences for most failures; raw transport errors get a title.
    QString text = exchange.failure == FailureKind::Transport
        ? QStringLiteral("%1: %2").arg(title, exchange.error)
        : exchange.error;
    if (exchange.failure == FailureKind::Tls) {
        if (!exchange.tls.isEmpty() && !text.contains(QLatin1String("issuer")))
            text += QStringLiteral(" (certificate subject: %1; issuer: %2)")
                        .arg(exchange.tls.subject, exchange.tls.issuer);
        if (text.contains(QLatin1String("wrong version number")))
            text += QStringLiteral(". The server may speak plain HTTP on this port: try http://");
    }
    return text;
}

QString ResponseFormatter::headersText(const HeaderList &headers)
{
    QString out;
    for (const HeaderPair &h : headers)
        out += QStringLiteral("%1: %2\n")
                   .arg(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    return out;
}

QString ResponseFormatter::redirectsText(const Exchange &exchange)
{
    QString hops;
    for (const RedirectHop &hop : exchange.hops) {
        hops += QStringLiteral("%1  %2\n    → %3%4\n")
                    .arg(hop.status)
                    .arg(hop.url, hop.location,
                        hop.credentialsDropped
                            ? QStringLiteral("  (credentials dropped: different origin)")
                            : QString());
    }
    return hops;
}

QString ResponseFormatter::requestText(const Exchange &exchange)
{
    if (exchange.method.isEmpty())
        return {};
    QString out = QStringLiteral("%1 %2\n").arg(QString::fromLatin1(exchange.method), exchange.url);
    out += headersText(exchange.requestHeaders);
    if (exchange.requestBodySize > 0) {
        out += QLatin1Char('\n');
        out += QString::fromUtf8(exchange.requestBody);
        if (exchange.requestBody.size() < exchange.requestBodySize)
            out += QStringLiteral("\n… (%1 in all)").arg(sizeText(exchange.requestBodySize));
    }
    return out;
}

QByteArray ResponseFormatter::mediaTypeOf(const QByteArray &contentType)
{
    return mediaType(contentType);
}

QByteArray ResponseFormatter::charsetOf(const QByteArray &contentType)
{
    return charset(contentType);
}

bool ResponseFormatter::looksBinary(
    const QByteArray &contentType, QByteArrayView firstBytes, bool undecoded)
{
    return undecoded || isBinaryType(mediaType(contentType))
        || firstBytes.first(qMin<qsizetype>(firstBytes.size(), 8192)).contains('\0');
}

bool ResponseFormatter::isJsonContentType(const QByteArray &contentType)
{
    const QByteArray type = mediaType(contentType);
    return type == "application/json" || type.endsWith("+json") || type == "text/json"
        || type == "application/x-ndjson" || type.endsWith("/json");
}

QByteArray ResponseFormatter::indentJson(
    const QByteArray &json, int indent, qsizetype maxOutput, qsizetype *consumed)
{
    QByteArray out;
    out.reserve(
        maxOutput >= 0 ? qMin(maxOutput + 1024, json.size() * 2) : json.size() + json.size() / 2);
    if (consumed)
        *consumed = json.size();
    int depth = 0;
    const auto newline = [&] {
        out += '\n';
        out.append(qMax(depth, 0) * indent, ' ');
    };
    const qsizetype n = json.size();
    bool boundary = false;
    for (qsizetype i = 0; i < n; ++i) {
        // Stop only between values (after a comma or an opening bracket), never inside a number.
        if (maxOutput >= 0 && boundary && out.size() > maxOutput) {
            if (consumed)
                *consumed = i;
            break;
        }
        const char c = json.at(i);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            boundary = c == ',' || c == '{' || c == '[';
        switch (c) {
        case '"': {
            const qsizetype start = i++;
            while (i < n && json.at(i) != '"') {
                if (json.at(i) == '\\')
                    ++i;
                ++i;
            }
            out.append(json.constData() + start, qMin(i, n - 1) - start + 1);
            break;
        }
        case '{':
        case '[': {
            qsizetype j = i + 1;
            while (j < n
                && (json.at(j) == ' ' || json.at(j) == '\n' || json.at(j) == '\r'
                    || json.at(j) == '\t'))
                ++j;
            if (j < n && (json.at(j) == (c == '{' ? '}' : ']'))) {
                out += c;
                out += json.at(j);
                i = j;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            break;
        default:
            out += c;
        }
    }
    return out;
}

FormattedBody ResponseFormatter::formatBody(const Exchange &exchange)
{
    const QByteArray bytes = exchange.bodyBytes(DisplayLimitBytes);
    return formatBytes(bytes, qMax<qint64>(exchange.bodySize, bytes.size()),
        exchange.responseHeader("Content-Type"), exchange.bodyUndecoded);
}

FormattedBody ResponseFormatter::formatBytes(
    const QByteArray &all, qint64 totalBytes, const QByteArray &contentType, bool undecoded)
{
    FormattedBody result;
    result.totalBytes = totalBytes;
    const QByteArray bytes = all.left(DisplayLimitBytes);
    result.truncated = bytes.size() < totalBytes;
    QStringList notes;
    if (bytes.isEmpty()) {
        result.note = QStringLiteral("Empty body");
        return result;
    }
    const QByteArray type = mediaType(contentType);
    const bool binary = undecoded || isBinaryType(type) || bytes.left(8192).contains('\0');
    if (binary) {
        const QByteArray shown = bytes.left(HexDumpBytes);
        result.binary = true;
        result.text = hexDump(shown);
        result.shownBytes = shown.size();
        result.truncated = shown.size() < totalBytes;
        notes << (undecoded ? QStringLiteral("Still compressed (Content-Encoding kept because "
                                             "Accept-Encoding was set by hand)")
                            : QStringLiteral("Binary (%1)")
                                  .arg(type.isEmpty() ? QStringLiteral("no content type")
                                                      : QString::fromLatin1(type)));
        notes << QStringLiteral("hex dump");
    } else {
        result.shownBytes = bytes.size();
        const char first = firstNonSpace(bytes);
        bool json = false;
        if (first == '{' || first == '[') {
            if (result.truncated) {
                json = true; // cannot validate a cut document; indenting what is there is harmless
            } else {
                QJsonParseError error;
                QJsonDocument::fromJson(bytes, &error);
                json = error.error == QJsonParseError::NoError;
            }
        }
        if (json) {
            qsizetype consumed = 0;
            result.text = decode(indentJson(bytes, 2, DisplayLimitBytes, &consumed), contentType);
            if (consumed < bytes.size()) {
                result.shownBytes = consumed;
                result.truncated = true;
            }
            result.pretty = true;
            notes << QStringLiteral("JSON, formatted");
        } else {
            result.text = decode(bytes, contentType);
            if (isJsonContentType(contentType))
                notes << QStringLiteral("Not valid JSON, shown as sent");
            else if (!type.isEmpty())
                notes << QString::fromLatin1(type);
        }
        bool broken = false;
        result.text = breakLongLines(result.text, MaxLineChars, &broken);
        result.linesBroken = broken;
        if (broken)
            notes << QStringLiteral("long lines wrapped for display");
    }
    if (result.truncated && !result.binary)
        result.text += QStringLiteral("\n… (cut here for display)");
    if (result.truncated)
        notes << QStringLiteral("showing the first %1 of %2")
                     .arg(sizeText(result.shownBytes), sizeText(totalBytes));
    else
        notes << sizeText(totalBytes);
    result.note = notes.join(Separator);
    return result;
}

} // namespace Playground
