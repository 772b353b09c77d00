// Request › Save response as HAR: a HAR goes into a ticket, so the session a server hands out
// (Set-Cookie) and the cookies the jar sends back are masked in it, like every credential header.
#include "app/formats/HarWriter.h"
#include "app/http/CookieJar.h"
#include "app/http/HttpExecutor.h"
#include "app/http/RequestRun.h"
#include "tests/support/TestServer.h"

#include "tests/support/SendAndWait.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

#include <QTest>

using namespace Playground;
using Playground::Test::TestServer;

namespace {

Exchange get(HttpExecutor &executor, const QUrl &url, CookieJar *jar)
{
    SendOptions options;
    options.cookieJar = jar;
    return Test::getAndWait(executor, url, options);
}

/** The headers of the HAR's request or response, as one text. */
QByteArray harHeaders(const Exchange &x, const char *side)
{
    const QJsonObject har = HarWriter::har({ { &x, QDateTime::currentDateTimeUtc() } });
    const QJsonValue headers = har[QLatin1String("log")][QLatin1String("entries")][0]
                                  [QLatin1String(side)][QLatin1String("headers")];
    return QJsonDocument(headers.toArray()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestHarRedaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cookiesAreMasked();
};

void TestHarRedaction::cookiesAreMasked()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    CookieJar jar;
    const Exchange set
        = get(executor, server.url(QStringLiteral("/cookies/set?sid=har-sid-4f9e1b")), &jar);
    QCOMPARE(set.status, 200);
    // The server did hand it out, and the HAR still says a cookie was set.
    QVERIFY(set.responseHeader("Set-Cookie").contains("har-sid-4f9e1b"));
    const QByteArray first = harHeaders(set, "response");
    QVERIFY2(!first.contains("har-sid-4f9e1b"), first.constData());
    QVERIFY2(first.contains("Set-Cookie"), first.constData());

    const Exchange sent = get(executor, server.url(QStringLiteral("/status/204")), &jar);
    QVERIFY(server.requests().constLast().raw.contains("Cookie: sid=har-sid-4f9e1b"));
    const QByteArray second = harHeaders(sent, "request");
    QVERIFY2(!second.contains("har-sid-4f9e1b"), second.constData());
    QVERIFY2(second.contains("\"Cookie\""), second.constData());
}

QTEST_GUILESS_MAIN(TestHarRedaction)
#include "TestHarRedaction.moc"
