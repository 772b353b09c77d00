// Cookies on the wire: what a response sets goes back on the next request and on the next hop of
// a redirect, as the jar's RFC 6265 rules allow; a run has a jar of its own.
#include "app/http/CookieJar.h"
#include "app/http/HttpExecutor.h"
#include "app/http/RequestRun.h"
#include "app/runner/CollectionRunner.h"
#include "tests/support/TestServer.h"

#include "tests/support/SendAndWait.h"
#include <QSignalSpy>

#include <QTest>

using namespace Playground;
using Playground::Test::TestServer;

namespace {

Exchange get(
    HttpExecutor &executor, const QUrl &url, CookieJar *jar, const HeaderList &headers = {})
{
    SendOptions options;
    options.cookieJar = jar;
    return Test::getAndWait(executor, url, options, headers);
}

CollectionItem requestItem(const QString &name, const QString &url)
{
    CollectionItem item;
    item.name = name;
    item.request.url = UrlSpec::fromRaw(url);
    return item;
}

} // namespace

class TestCookieSend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSetCookieGoesBackOnTheNextRequest();
    void aRedirectHopsCookieGoesOnTheNextHop();
    void jarCookiesJoinTheUsersCookieHeader();
    void aRefusedCookieIsAWarning();
    void withoutAJarNothingIsSentBack();
    void aRunHasAJarOfItsOwn();
};

void TestCookieSend::aSetCookieGoesBackOnTheNextRequest()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    CookieJar jar;
    const Exchange set
        = get(executor, server.url(QStringLiteral("/cookies/set?session=abc123")), &jar);
    QCOMPARE(set.status, 200);
    QCOMPARE(set.cookies.size(), 1);
    QCOMPARE(set.cookies.constFirst().name(), QByteArray("session"));
    QCOMPARE(set.cookies.constFirst().domain(), QStringLiteral("127.0.0.1"));
    QVERIFY(!server.requests().constLast().hasHeader("Cookie"));

    get(executor, server.url(QStringLiteral("/cookies")), &jar);
    QCOMPARE(server.requests().constLast().headerValues("Cookie"),
        QList<QByteArray> { "session=abc123" });
    QVERIFY(server.requests().constLast().raw.contains("\r\nCookie: session=abc123\r\n"));
}

void TestCookieSend::aRedirectHopsCookieGoesOnTheNextHop()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    CookieJar jar;
    const Exchange x
        = get(executor, server.url(QStringLiteral("/cookies/set?hop=1&redirect=/cookies")), &jar);
    QCOMPARE(x.status, 200);
    QCOMPARE(x.hops.size(), 1);
    QCOMPARE(server.requests().constLast().path, QByteArray("/cookies"));
    QCOMPARE(server.requests().constLast().header("Cookie"), QByteArray("hop=1"));
    QCOMPARE(x.cookies.size(), 1); // the cookies the whole exchange set
}

void TestCookieSend::jarCookiesJoinTheUsersCookieHeader()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    CookieJar jar;
    get(executor, server.url(QStringLiteral("/cookies/set?a=1")), &jar);
    get(executor, server.url(QStringLiteral("/cookies")), &jar, { { "Cookie", "mine=2" } });
    // One Cookie field, pairs joined by "; " (RFC 6265 §5.4), not by ", ".
    QCOMPARE(
        server.requests().constLast().headerValues("Cookie"), QList<QByteArray> { "mine=2; a=1" });
}

void TestCookieSend::aRefusedCookieIsAWarning()
{
    TestServer server;
    QVERIFY(server.start());
    server.route("/evil", [](const Playground::Test::RecordedRequest &) {
        Playground::Test::Reply reply;
        reply.headers.append(
            QPair<QByteArray, QByteArray>("Set-Cookie", "steal=1; Domain=example.com"));
        return reply;
    });
    HttpExecutor executor;
    CookieJar jar;
    const Exchange x = get(executor, server.url(QStringLiteral("/evil")), &jar);
    QVERIFY(x.cookies.isEmpty());
    QVERIFY(jar.cookies().isEmpty());
    QVERIFY2(x.warnings.join('|').contains(QStringLiteral("cookie \"steal\" refused")),
        qPrintable(x.warnings.join('|')));
}

void TestCookieSend::withoutAJarNothingIsSentBack()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    const Exchange set = get(executor, server.url(QStringLiteral("/cookies/set?a=1")), nullptr);
    QCOMPARE(set.cookies.size(), 1); // still shown
    get(executor, server.url(QStringLiteral("/cookies")), nullptr);
    QVERIFY(!server.requests().constLast().hasHeader("Cookie"));
}

void TestCookieSend::aRunHasAJarOfItsOwn()
{
    TestServer server;
    QVERIFY(server.start());
    Collection c;
    c.name = QStringLiteral("cookies");
    c.items.append(requestItem(QStringLiteral("login"), server.baseUrl() + "/cookies/set?run=1"));
    c.items.append(requestItem(QStringLiteral("me"), server.baseUrl() + "/cookies"));
    HttpExecutor executor;
    for (int run = 0; run < 2; ++run) {
        server.clear();
        CollectionRunner runner(c, &executor);
        QSignalSpy done(&runner, &CollectionRunner::finished);
        runner.start();
        QVERIFY(done.wait(10000));
        QCOMPARE(server.requests().size(), 2);
        // The login's cookie goes with the next request, in every run; never into the first.
        QVERIFY2(!server.requests().constFirst().hasHeader("Cookie"), "a run began with cookies");
        QCOMPARE(server.requests().constLast().header("Cookie"), QByteArray("run=1"));
    }
}

QTEST_GUILESS_MAIN(TestCookieSend)
#include "TestCookieSend.moc"
