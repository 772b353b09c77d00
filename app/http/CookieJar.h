#pragma once

#include <QNetworkCookieJar>
#include <QStringList>

namespace Playground {

/**
 * The cookies of one environment (or of one `run`). Qt's jar applies RFC 6265's path, expiry and
 * Secure rules and refuses cookies for public suffixes; this one is stricter where Qt is lenient:
 * a Domain attribute must domain-match the host that set it (Qt also accepts a subdomain of the
 * host), and a Secure cookie is only accepted from an https response.
 */
class CookieJar : public QNetworkCookieJar {
    Q_OBJECT
public:
    using QNetworkCookieJar::QNetworkCookieJar;

    /** Every cookie kept, expired ones dropped. */
    QList<QNetworkCookie> cookies() const;
    /** Replaces every cookie (a jar read from disk); expired ones are left out. */
    void replaceAll(const QList<QNetworkCookie> &cookies);
    /** The value of the Cookie header for url ("a=1; b=2"); empty when no cookie applies. */
    QByteArray cookieHeader(const QUrl &url) const;

    /** What a response's Set-Cookie did: the cookies taken (completed), those refused and why. */
    struct Stored {
        QList<QNetworkCookie> accepted;
        QStringList refusals;
    };
    /** Keeps the cookies a response from url set (a past expiry deletes the cookie). */
    Stored store(const QList<QNetworkCookie> &cookies, const QUrl &url);
    /** Removes the cookie with cookie's name, domain and path; false when there is none. */
    bool remove(const QNetworkCookie &cookie);
    void clear();

Q_SIGNALS:
    /** Cookies were added, changed or removed. */
    void changed();

protected:
    bool validateCookie(const QNetworkCookie &cookie, const QUrl &url) const override;

private:
    QString refusal(const QNetworkCookie &cookie, const QUrl &url) const;
};

} // namespace Playground
