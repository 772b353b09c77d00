#include "app/auth/TokenRequest.h"

#include <QCryptographicHash>

namespace Playground {

QString TokenRequest::cacheKey() const
{
    // Hashed so the key (visible in a keychain browser) does not spell out ids and URLs;
    // NUL-separated so no two triples share a key.
    QByteArray material = tokenUrl.toString(QUrl::FullyEncoded).toUtf8();
    material += '\0' + clientId.toUtf8() + '\0' + scope.toUtf8();
    return QStringLiteral("oauth-token/")
        + QString::fromLatin1(
            QCryptographicHash::hash(material, QCryptographicHash::Sha256).toHex());
}

QByteArray TokenRequest::secretDigest() const
{
    return QCryptographicHash::hash(clientSecret.toUtf8(), QCryptographicHash::Sha256).toHex();
}

void TokenRequest::claim(AccessToken *token) const
{
    token->secretDigest = secretDigest();
    token->origins = allowedOrigins;
    token->origins.sort();
}

bool TokenRequest::owns(const AccessToken &token) const
{
    QStringList origins = allowedOrigins;
    origins.sort();
    return !clientSecret.isEmpty() && token.secretDigest == secretDigest()
        && token.origins == origins;
}

} // namespace Playground
