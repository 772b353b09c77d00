#include "app/secrets/SecretKey.h"

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

} // namespace Playground
