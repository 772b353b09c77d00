#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

namespace Playground {

using HeaderPair = QPair<QByteArray, QByteArray>;
using HeaderList = QList<HeaderPair>;

/** A request ready for the wire: concrete URL, headers and body bytes. */
struct ResolvedRequest {
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
    bool hasBody = false;
    /** Resolved secret values: redacted wherever the exchange is recorded. */
    QStringList secretValues;
    /**
     * Origins (scheme://host:port) a credential header may go to. Empty: only the request's own
     * origin. Credentials are dropped from any redirect hop whose origin is not allowed.
     */
    QStringList allowedOrigins;
    QStringList warnings;
    /** Headers besides Authorization/Cookie that carry a credential (an API key header). */
    QByteArrayList credentialHeaders;
    /**
     * Secret values read from the keychain, each with the origins it was stored for. A hop whose
     * origin is not among them and that would carry the value (URL, header or body) is refused.
     */
    QHash<QString, QStringList> boundSecrets;
    /** The URL itself carries a credential (an API key in the query). */
    bool credentialInUrl = false;
};

} // namespace Playground
