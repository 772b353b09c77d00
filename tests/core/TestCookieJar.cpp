// RFC 6265 rules of the cookie jar: which cookies a response may set and which go back where.
#include "app/http/CookieJar.h"

#include <QDateTime>
#include <QNetworkCookie>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace Playground;

namespace {

QList<QNetworkCookie> parse(const char *setCookie)
{
    return QNetworkCookie::parseCookies(QByteArray(setCookie));
}

} // namespace

class TestCookieJar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void whatGoesWhere_data();
    void whatGoesWhere();
    void refusedCookiesSayWhy_data();
    void refusedCookiesSayWhy();
    void aPastExpiryDeletesTheCookie();
    void removeAndClear();
};

void TestCookieJar::whatGoesWhere_data()
{
    QTest::addColumn<QString>("setBy");
    QTest::addColumn<QByteArray>("setCookie");
    QTest::addColumn<QString>("requestUrl");
    QTest::addColumn<QByteArray>("cookieHeader");

    QTest::newRow("host-only to the same host")
        << "https://api.example.com/login" << QByteArray("s=1") << "https://api.example.com/x"
        << QByteArray("s=1");
    QTest::newRow("host-only not to a subdomain") << "https://example.com/" << QByteArray("s=1")
                                                  << "https://api.example.com/" << QByteArray();
    QTest::newRow("domain attribute reaches subdomains")
        << "https://example.com/" << QByteArray("s=1; Domain=example.com")
        << "https://api.example.com/" << QByteArray("s=1");
    QTest::newRow("not to another host")
        << "https://example.com/" << QByteArray("s=1") << "https://example.org/" << QByteArray();
    QTest::newRow("path prefix") << "https://example.com/" << QByteArray("s=1; Path=/api")
                                 << "https://example.com/api/users" << QByteArray("s=1");
    QTest::newRow("not outside the path") << "https://example.com/" << QByteArray("s=1; Path=/api")
                                          << "https://example.com/apix" << QByteArray();
    QTest::newRow("secure not over http") << "https://example.com/" << QByteArray("s=1; Secure")
                                          << "http://example.com/" << QByteArray();
    QTest::newRow("secure over https") << "https://example.com/" << QByteArray("s=1; Secure")
                                       << "https://example.com/" << QByteArray("s=1");
    QTest::newRow("expired is not sent") << "https://example.com/" << QByteArray("s=1; Max-Age=0")
                                         << "https://example.com/" << QByteArray();
    QTest::newRow("loopback with a port") << "http://127.0.0.1:8080/" << QByteArray("s=1")
                                          << "http://127.0.0.1:9090/" << QByteArray("s=1");
}

void TestCookieJar::whatGoesWhere()
{
    QFETCH(QString, setBy);
    QFETCH(QByteArray, setCookie);
    QFETCH(QString, requestUrl);
    QFETCH(QByteArray, cookieHeader);
    CookieJar jar;
    jar.store(parse(setCookie.constData()), QUrl(setBy));
    QCOMPARE(jar.cookieHeader(QUrl(requestUrl)), cookieHeader);
}

void TestCookieJar::refusedCookiesSayWhy_data()
{
    QTest::addColumn<QString>("setBy");
    QTest::addColumn<QByteArray>("setCookie");
    QTest::addColumn<QString>("reason");

    QTest::newRow("another domain") << "https://example.com/" << QByteArray("s=1; Domain=evil.com")
                                    << "not example.com or a parent of it";
    // Qt alone accepts this one; RFC 6265 §5.3 step 6 does not.
    QTest::newRow("a subdomain of the host")
        << "https://example.com/" << QByteArray("s=1; Domain=api.example.com")
        << "not example.com or a parent of it";
    QTest::newRow("a public suffix")
        << "https://shop.example.co.uk/" << QByteArray("s=1; Domain=co.uk") << "public suffix";
    QTest::newRow("secure over http")
        << "http://example.com/" << QByteArray("s=1; Secure") << "only accepted over https";
}

void TestCookieJar::refusedCookiesSayWhy()
{
    QFETCH(QString, setBy);
    QFETCH(QByteArray, setCookie);
    QFETCH(QString, reason);
    CookieJar jar;
    const CookieJar::Stored stored = jar.store(parse(setCookie.constData()), QUrl(setBy));
    QVERIFY(stored.accepted.isEmpty());
    QCOMPARE(stored.refusals.size(), 1);
    QVERIFY2(stored.refusals.constFirst().contains(reason), qPrintable(stored.refusals.join('|')));
    QVERIFY(jar.cookies().isEmpty());
}

void TestCookieJar::aPastExpiryDeletesTheCookie()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("https://example.com/"));
    jar.store(parse("a=1"), url);
    jar.store(parse("b=2; Max-Age=3600"), url);
    QCOMPARE(jar.cookieHeader(url), QByteArray("a=1; b=2"));
    jar.store(parse("a=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT"), url);
    QCOMPARE(jar.cookieHeader(url), QByteArray("b=2"));
    QCOMPARE(jar.cookies().size(), 1);
}

void TestCookieJar::removeAndClear()
{
    CookieJar jar;
    const QUrl url(QStringLiteral("https://example.com/"));
    jar.store(parse("a=1"), url);
    jar.store(parse("b=2"), url);
    QSignalSpy changed(&jar, &CookieJar::changed);
    QVERIFY(jar.remove(jar.cookies().constFirst()));
    QCOMPARE(jar.cookies().size(), 1);
    QCOMPARE(changed.size(), 1);
    jar.clear();
    QVERIFY(jar.cookies().isEmpty());
    QCOMPARE(jar.cookieHeader(url), QByteArray());
    QCOMPARE(changed.size(), 2);
}

QTEST_GUILESS_MAIN(TestCookieJar)
#include "TestCookieJar.moc"
