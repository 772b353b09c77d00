#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace Playground::Test {

/** One HTTP request as the test server received it. */
struct RecordedRequest {
    QByteArray raw; ///< exact bytes of head and body (chunk framing included)
    QByteArray method;
    QByteArray target; ///< as on the request line
    QByteArray version; ///< "HTTP/1.1"
    QByteArray path; ///< target up to '?', still percent-encoded
    QByteArray query; ///< target after '?', still percent-encoded, without '?'
    QList<QPair<QByteArray, QByteArray>> headers; ///< in order, names as sent
    QByteArray body; ///< decoded from chunked framing when chunked
    int connectionIndex = -1; ///< 0 for the server's first connection, then 1, 2, ...
    bool tls = false;

    /** Values of every header named @p name (case-insensitive), in order. */
    QList<QByteArray> headerValues(const QByteArray &name) const;
    /** The values of header @p name (case-insensitive) joined by ", "; empty when absent. */
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    /** Decoded value of query parameter @p name ('+' is not a space); empty when absent. */
    QString queryValue(const QString &name) const;

    /**
     * {method, path, query, headers, body, bodyBase64}. A header sent more than once becomes an
     * array of its values, under the spelling of its first occurrence.
     */
    QJsonObject toJson() const;
};

} // namespace Playground::Test
