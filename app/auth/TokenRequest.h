#pragma once

#include "app/auth/AccessToken.h"
#include "app/auth/ClientAuthStyle.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Playground {

/** What the token endpoint is asked, with every template already resolved. */
struct TokenRequest {
    QUrl tokenUrl;
    QString clientId;
    QString clientSecret; ///< a secret: never recorded, never written
    QString scope;
    ClientAuthStyle clientAuth = ClientAuthStyle::JsonBody;
    /** Origins the token may be sent to (the profile's allowed origins), normalised. */
    QStringList allowedOrigins;

    /** Tokens are cached per (token URL, client id, scope): "oauth-token/<sha-256 hex>". */
    QString cacheKey() const;
    /** SHA-256 of the client secret: proves a caller holds the secret a token was fetched with. */
    QByteArray secretDigest() const;
    /** Stamps token with this request's secret digest and origins, as fetched for it. */
    void claim(AccessToken *token) const;
    /** Whether a cached token was fetched with this request's client secret for its origins. */
    bool owns(const AccessToken &token) const;
};

} // namespace Playground
