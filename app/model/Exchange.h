#pragma once

#include "app/model/ResolvedRequest.h"

#include <QNetworkCookie>
#include <QStringList>
#include <QTemporaryFile>
#include <memory>

namespace Playground {

/** Why an exchange ended without a complete response. */
enum class FailureKind {
    None,
    Refused, ///< our own policy refused before sending (credentials over http, HTTPS→HTTP, ...)
    Transport, ///< connection refused/reset, DNS, protocol error
    Tls, ///< certificate or handshake problem
    Cancelled, ///< the user cancelled
    IdleTimeout, ///< nothing arrived for the idle timeout
    Deadline, ///< the total deadline passed
    SizeCap, ///< the body grew past the size cap
    Decompression, ///< the compressed body expands far beyond its size (a decompression bomb)
    TooManyRedirects,
    Unresolved, ///< not sent: variables without a value (Exchange::unresolved names them)
    Invalid, ///< not sent: the request cannot be built (bad header name, URL, file, method)
    NoToken, ///< not sent: no OAuth token could be obtained
    Disk, ///< the body could not be stored on disk (temporary directory missing, disk full)
};

QString failureKindName(FailureKind kind);

/** One redirect followed. */
struct RedirectHop {
    QString url; ///< the URL that answered with a redirect (redacted)
    int status = 0;
    QString location; ///< where it pointed (redacted)
    bool credentialsDropped = false;
};

/** Milliseconds since the send began; -1 when the event did not happen (e.g. a reused connection).
 */
struct Timings {
    double connectStart = -1;
    double tlsDone = -1;
    double requestSent = -1;
    double firstByte = -1;
    double total = -1;
};

/** A certificate problem, in the words a person checks. */
struct TlsProblem {
    QString subject;
    QString issuer;
    QStringList errors;
    bool isEmpty() const { return errors.isEmpty(); }
};

/** One request as sent and what came back. Recorded values are redacted. */
struct Exchange {
    // As sent (final hop), secrets redacted.
    QByteArray method;
    QString url;
    HeaderList requestHeaders;
    QByteArray requestBody;
    qint64 requestBodySize = 0;
    QStringList warnings;

    QList<RedirectHop> hops;
    bool insecure = false; ///< TLS errors were ignored on request

    int status = 0;
    QByteArray reason;
    HeaderList responseHeaders;
    QByteArray body; ///< the body when it fits in memory
    std::shared_ptr<QTemporaryFile> bodyFile; ///< the body when it spilled to disk
    qint64 bodySize = 0;
    bool bodyUndecoded = false; ///< Content-Encoding left as sent (a hand-set Accept-Encoding)
    /**
     * The body's bytes as they travelled, before Qt undid their Content-Encoding (gzip, br, ...);
     * bodySize when nothing was decoded; -1 when not known (a decoded body without a length).
     */
    qint64 bodyWireSize = -1;
    QList<QNetworkCookie> cookies; ///< what Set-Cookie set, every hop, completed as the jar kept it

    FailureKind failure = FailureKind::None;
    QString error;
    QStringList unresolved; ///< with FailureKind::Unresolved: the names without a value
    TlsProblem tls;
    Timings timings;

    bool succeeded() const { return failure == FailureKind::None && status > 0; }
    /** Nothing reached the network: refused by policy, unresolved, invalid, no token. */
    bool notSent() const;
    QByteArray responseHeader(const QByteArray &name) const;
    /** The body: from memory or from the spill file, at most maxBytes. */
    QByteArray bodyBytes(qint64 maxBytes = -1) const;
};

} // namespace Playground
