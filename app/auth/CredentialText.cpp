#include "app/auth/CredentialText.h"

#include "app/policy/CredentialPolicy.h"

#include <QCoreApplication>
#include <QMimeData>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace Playground {

namespace {

    QString tr(const char *text)
    {
        return QCoreApplication::translate("Playground::CredentialText", text);
    }

    QString days(qint64 n)
    {
        return n == 1 ? tr("1 day") : tr("%1 days").arg(n);
    }

} // namespace

QString CredentialText::maskSecret(const QString &value)
{
    const qsizetype length = value.size();
    const QString count = length == 1 ? tr("1 character") : tr("%1 characters").arg(length);
    if (length < MinLengthForPrefix)
        return QStringLiteral("•••• (%1)").arg(count);
    return QStringLiteral("%1… (%2)").arg(value.left(PrefixLength), count);
}

QString CredentialText::expiryText(const QDateTime &expiresAt, const QDateTime &now)
{
    if (!expiresAt.isValid())
        return tr("no expiry given");
    const QString date = expiresAt.toLocalTime().date().toString(Qt::ISODate);
    // A one-year token received a moment ago is 365 days away, not 364 days and 23 hours.
    const qint64 n = std::llround(double(now.secsTo(expiresAt)) / 86400.0);
    if (now.secsTo(expiresAt) <= 0) {
        if (n == 0)
            return tr("expired %1 — today").arg(date);
        return tr("expired %1 — %2 ago").arg(date, days(-n));
    }
    if (n == 0)
        return tr("expires %1 — today").arg(date);
    return tr("expires %1 — in %2").arg(date, days(n));
}

QString CredentialText::tokenSummary(const AccessToken &token, const QDateTime &now)
{
    const QString type = token.type.isEmpty() ? QStringLiteral("Bearer") : token.type;
    return QStringLiteral("%1 · %2 · %3")
        .arg(type, maskSecret(token.value), expiryText(token.expiresAt, now));
}

QString CredentialText::kindName(CredentialProfile::Kind kind)
{
    return kind == CredentialProfile::Kind::PersonalAccessToken ? tr("Personal access token")
                                                                : tr("OAuth client credentials");
}

QString CredentialText::profileTitle(const CredentialProfile &profile)
{
    if (profile.kind == CredentialProfile::Kind::PersonalAccessToken) {
        const QStringList vars = profile.secretVariables();
        return vars.isEmpty() ? kindName(profile.kind)
                              : tr("Personal access token · %1").arg(vars.first());
    }
    return profile.clientId.isEmpty() ? kindName(profile.kind)
                                      : tr("OAuth client · %1").arg(profile.clientId);
}

CredentialText::Origins CredentialText::parseOrigins(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    Origins out;
    for (const QString &entry : text.split(separators, Qt::SkipEmptyParts)) {
        const QUrl url(entry, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        const QString origin = CredentialPolicy::origin(url);
        if (origin.isEmpty() || url.host().isEmpty()
            || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
            out.invalid.append(entry);
            continue;
        }
        if (!out.valid.contains(origin))
            out.valid.append(origin);
    }
    return out;
}

QString CredentialText::formatOrigins(const QStringList &origins)
{
    return origins.join(QLatin1Char('\n'));
}

QMimeData *CredentialText::secretMimeData(const QString &value)
{
    auto *mime = new QMimeData;
    mime->setText(value);
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    return mime;
}

} // namespace Playground
