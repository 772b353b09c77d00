#include "app/secrets/SecretKey.h"

#include <QCryptographicHash>
#include <QUrl>

namespace Playground {

namespace {
    QString encodePart(const QString &part)
    {
        return QString::fromLatin1(QUrl::toPercentEncoding(part));
    }
} // namespace

QString SecretKey::forCollectionVariable(const QString &collectionId, const QString &variableName)
{
    return QStringLiteral("collection/") + encodePart(collectionId) + QLatin1Char('/')
        + encodePart(variableName);
}

QString SecretKey::forEnvironmentVariable(const QString &environmentId, const QString &variableName)
{
    return QStringLiteral("environment/") + encodePart(environmentId) + QLatin1Char('/')
        + encodePart(variableName);
}

QString SecretKey::boundTo(const QString &key, const QStringList &origins)
{
    Q_ASSERT(!origins.isEmpty());
    const QByteArray digest = QCryptographicHash::hash(
        origins.join(QLatin1Char(' ')).toUtf8(), QCryptographicHash::Sha256);
    return key + QLatin1Char('@') + QString::fromLatin1(digest.toHex().left(16));
}

} // namespace Playground
