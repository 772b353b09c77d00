#pragma once

#include "app/auth/ClientAuthStyle.h"

#include <QString>
#include <QUrl>

namespace Playground {

/** What the token endpoint is asked, with every template already resolved. */
struct TokenRequest {
    QUrl tokenUrl;
    QString clientId;
    QString clientSecret; ///< a secret: never recorded, never written
    QString scope;
    ClientAuthStyle clientAuth = ClientAuthStyle::JsonBody;

    /** Tokens are cached per (token URL, client id, scope): "oauth-token/<sha-256 hex>". */
    QString cacheKey() const;
};

} // namespace Playground
