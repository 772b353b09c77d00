#pragma once

#include "app/model/Exchange.h"
#include "app/response/FormattedBody.h"

namespace Playground {

/**
 * Turns an Exchange into the words and text a response viewer shows: status line, timings,
 * header lists, failure explanations and a display-ready body. No widgets; formatBody() may be
 * called from a worker thread.
 */
class ResponseFormatter {
public:
    /** Bytes of a body read for display; the rest is left on disk or in memory, not shown. */
    static constexpr qint64 DisplayLimitBytes = 2LL * 1024 * 1024;
    /** Lines longer than this are broken for display (a text view freezes on megabyte lines). */
    static constexpr qsizetype MaxLineChars = 4096;
    /** Binary bodies: bytes shown as a hex dump. */
    static constexpr qint64 HexDumpBytes = 64 * 1024;

    enum class StatusClass {
        None,
        Informational,
        Success,
        Redirect,
        ClientError,
        ServerError,
        Failed
    };

    /** "512 B", "4.2 KiB", "3.0 MiB". */
    static QString sizeText(qint64 bytes);
    /** "123 ms", "4.5 ms", "2.31 s". */
    static QString durationText(double ms);
    /** The reason phrase sent, else the standard one for the code. */
    static QString reasonText(int status, const QByteArray &sent);
    /**
     * The body's size, and its size on the wire when that differs (a compressed body):
     * "1.2 MiB (38.0 KiB on the wire)", or "4.2 KiB".
     */
    static QString bodySizeText(const Exchange &exchange);
    /** The body travelled compressed: its size on the wire is known and not its decoded size. */
    static bool hasWireSize(const Exchange &exchange);
    /** "200 OK · 123 ms · 4.2 KiB", or "Failed · Connection refused · 3 ms". */
    static QString statusLine(const Exchange &exchange);
    static StatusClass statusClass(const Exchange &exchange);
    /** Milestones since the send began: "Connect 0.4 ms · TLS 12 ms · Sent 13 ms · First byte 40 ms
     * · Total 41 ms". */
    static QString timingsText(const Timings &timings);
    /** A short title for a failure ("Connection failed", "TLS certificate problem", ...). */
    static QString failureTitle(FailureKind kind);
    /** The failure in plain words, with the certificate subject/issuer for TLS problems. */
    static QString failureText(const Exchange &exchange);
    /** "Name: value" lines. */
    static QString headersText(const HeaderList &headers);
    /** The request as sent: request line, headers, blank line, body (already redacted). */
    static QString requestText(const Exchange &exchange);
    /** Every redirect hop: "302  URL\n    → LOCATION  (credentials dropped: different origin)". */
    static QString redirectsText(const Exchange &exchange);

    /** The media type of a Content-Type value, lower case, without parameters. */
    static QByteArray mediaTypeOf(const QByteArray &contentType);
    /** The charset parameter of a Content-Type value, or empty. */
    static QByteArray charsetOf(const QByteArray &contentType);
    /** True when a body is shown as bytes: a binary media type, a NUL in its first bytes, or
     * still compressed. */
    static bool looksBinary(
        const QByteArray &contentType, QByteArrayView firstBytes, bool undecoded);
    /** True when the content type says JSON (application/json, application/problem+json, ...). */
    static bool isJsonContentType(const QByteArray &contentType);
    /**
     * Re-indents JSON text without parsing it into objects, so key order and number spelling stay
     * as sent. Tolerates a truncated document (it indents what is there). With maxOutput >= 0 it
     * stops at the first line break past that many bytes and sets *consumed to the input used.
     */
    static QByteArray indentJson(const QByteArray &json, int indent = 2, qsizetype maxOutput = -1,
        qsizetype *consumed = nullptr);
    /** The body of an exchange, ready for display. Reads at most DisplayLimitBytes. */
    static FormattedBody formatBody(const Exchange &exchange);
    /** The same for bytes already read; totalBytes is the full body size. */
    static FormattedBody formatBytes(const QByteArray &bytes, qint64 totalBytes,
        const QByteArray &contentType, bool undecoded = false);
};

} // namespace Playground
