#include "app/http/CookieJar.h"

#include <QDateTime>
#include <QNetworkCookie>
#include <QUrl>

namespace Playground {

namespace {

    bool expired(const QNetworkCookie &cookie, const QDateTime &now)
    {
        return !cookie.isSessionCookie() && cookie.expirationDate() <= now;
    }

    /** RFC 6265 §5.1.3: host equals domain, or is a subdomain of it. */
    bool domainMatches(const QString &host, QString domain)
    {
        if (domain.startsWith(QLatin1Char('.')))
            domain = domain.mid(1);
        return host.compare(domain, Qt::CaseInsensitive) == 0
            || host.endsWith(QLatin1Char('.') + domain, Qt::CaseInsensitive);
    }

} // namespace

QList<QNetworkCookie> CookieJar::cookies() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QNetworkCookie> out = allCookies();
    out.removeIf([&now](const QNetworkCookie &c) { return expired(c, now); });
    return out;
}

void CookieJar::replaceAll(const QList<QNetworkCookie> &cookies)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QNetworkCookie> kept = cookies;
    kept.removeIf([&now](const QNetworkCookie &c) { return expired(c, now); });
    setAllCookies(kept);
    Q_EMIT changed();
}

QByteArray CookieJar::cookieHeader(const QUrl &url) const
{
    // Qt's order: longer paths first (RFC 6265 §5.4 step 2).
    QByteArrayList pairs;
    for (const QNetworkCookie &cookie : cookiesForUrl(url))
        pairs.append(cookie.toRawForm(QNetworkCookie::NameAndValueOnly));
    return pairs.join("; ");
}

QString CookieJar::refusal(const QNetworkCookie &cookie, const QUrl &url) const
{
    const QString name = QString::fromLatin1(cookie.name());
    if (!domainMatches(url.host(), cookie.domain()))
        return tr("cookie \"%1\" refused: its domain %2 is not %3 or a parent of it")
            .arg(name, cookie.domain(), url.host());
    if (cookie.isSecure() && url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0)
        return tr("cookie \"%1\" refused: Secure cookies are only accepted over https").arg(name);
    if (!QNetworkCookieJar::validateCookie(cookie, url))
        return tr("cookie \"%1\" refused: %2 is a public suffix").arg(name, cookie.domain());
    return {};
}

bool CookieJar::validateCookie(const QNetworkCookie &cookie, const QUrl &url) const
{
    return refusal(cookie, url).isEmpty();
}

CookieJar::Stored CookieJar::store(const QList<QNetworkCookie> &cookies, const QUrl &url)
{
    Stored out;
    for (QNetworkCookie cookie : cookies) {
        cookie.normalize(url);
        if (const QString why = refusal(cookie, url); !why.isEmpty()) {
            out.refusals.append(why);
            continue;
        }
        insertCookie(cookie); // false for a deletion (an expiry in the past): still applied
        out.accepted.append(cookie);
    }
    if (!out.accepted.isEmpty())
        Q_EMIT changed();
    return out;
}

bool CookieJar::remove(const QNetworkCookie &cookie)
{
    const bool removed = deleteCookie(cookie);
    if (removed)
        Q_EMIT changed();
    return removed;
}

void CookieJar::clear()
{
    if (allCookies().isEmpty())
        return;
    setAllCookies({});
    Q_EMIT changed();
}

} // namespace Playground
