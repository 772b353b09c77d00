#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Playground {

/** An OAuth access token as received. The value is a secret: redact it, never write it to a file.
 */
struct AccessToken {
    QString value;
    QString type = QStringLiteral("Bearer"); ///< as the server spelled it
    /** When the server says it expires; invalid when the server did not say. */
    QDateTime expiresAt;
    QString scope;
    /**
     * Whom it belongs to: the SHA-256 of the client secret that obtained it and the origins it was
     * fetched for (sorted). A cached token goes only to a request that proves the same secret
     * for the same origins (TokenRequest::owns).
     */
    QByteArray secretDigest;
    QStringList origins;

    /** Renewed this long before it expires, so a request never carries a token that just lapsed. */
    static constexpr qint64 RenewalSkewSeconds = 60;

    /** Still usable at now (expiry unknown counts as usable until a 401 says otherwise). */
    bool isFresh(const QDateTime &now) const
    {
        return !value.isEmpty()
            && (!expiresAt.isValid() || now.secsTo(expiresAt) > RenewalSkewSeconds);
    }
};

} // namespace Playground
