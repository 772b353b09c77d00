// Golden wire tests (in the manner of curl's test317): what reaches a real loopback server, byte
// for byte, and how each failure is reported.
#include "app/formats/HarWriter.h"
#include "app/http/HttpExecutor.h"
#include "app/http/RequestRun.h"
#include "app/runner/CollectionRunner.h"
#include "app/send/SendSession.h"
#include "app/template/RequestResolver.h"
#include "app/template/VariableScopes.h"
#include "tests/support/TestServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "tests/support/Gzip.h"
#include "tests/support/SendAndWait.h"

#include <QTest>
#include <csignal>
#include <sys/resource.h>

using namespace Playground;
using Playground::Test::TestServer;

namespace {

ResolvedRequest request(const QByteArray &method, const QUrl &url, const HeaderList &headers = {},
    const QByteArray &body = {})
{
    ResolvedRequest r;
    r.method = method;
    r.url = url;
    r.headers = headers;
    r.body = body;
    r.hasBody = !body.isEmpty();
    return r;
}

using Test::sendAndWait;

SendOptions trusting()
{
    SendOptions o;
    o.caCertificates = { TestServer::certificate() };
    return o;
}

} // namespace

class TestHttpExecutor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sendsExactlyTheRequest();
    void customVerbAndKeepAlive();
    void httpErrorsAreResults();
    void authorizationGoneAfterCrossOriginRedirect();
    void sameOriginRedirectKeepsAuthorizationAndRecordsHops();
    void redirectMethodRules();
    void httpsToHttpRedirectRefused();
    void tooManyRedirects();
    void credentialsOverPlainHttpToRemoteHostRefused();
    void crlfInHeaderRefusedBeforeAnyByte();
    void pathVariableStaysEncodedOnTheWire();
    void gzipBombReportedInPlainWords();
    void encodedBodyKeepsItsSizeOnTheWire();
    void stallHitsIdleTimeout();
    void dripHitsDeadline();
    void endlessHitsSizeCap();
    void largeBodySpillsToDisk();
    void resetMidBodyReportsPartialSize();
    void selfSignedCertificateIsATlsError();
    void trustedCaSucceeds();
    void insecureDoesNotLeakToLaterStrictRequest();
    void cancelIsRecorded();
    void secretsRedactedInTheRecord();
    void apiKeyIsACredential();
    void headFinishesWithTheHeaders();
    void noBodyStatusFinishesWithTheHeaders_data();
    void noBodyStatusFinishesWithTheHeaders();
    void requestHeadersAreThoseOnTheWire_data();
    void requestHeadersAreThoseOnTheWire();
    void failedSpillWriteIsADiskError();
    void brokenFramingIsAFailure_data();
    void brokenFramingIsAFailure();
    void oversizedHeadFailsPromptly_data();
    void oversizedHeadFailsPromptly();
    void runKeepsNoBodies();
};

void TestHttpExecutor::sendsExactlyTheRequest()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor,
        request("POST", server.url("/echo?q=1"),
            { { "X-Custom", "value 1" }, { "Content-Type", "application/json" } }, R"({"a":1})"));
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(x.status, 200);
    QCOMPARE(server.requests().size(), 1);
    const auto &got = server.requests().first();
    QCOMPARE(got.method, QByteArray("POST"));
    QCOMPARE(got.target, QByteArray("/echo?q=1"));
    QCOMPARE(got.header("X-Custom"), QByteArray("value 1"));
    QCOMPARE(got.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(got.header("Content-Length"), QByteArray("7"));
    QCOMPARE(got.body, QByteArray(R"({"a":1})"));
    QVERIFY(got.header("User-Agent").startsWith("api-playground/"));
    // The exchange keeps the request as sent.
    QCOMPARE(x.method, QByteArray("POST"));
    QCOMPARE(x.url, server.baseUrl() + "/echo?q=1");
    QCOMPARE(x.requestBody, QByteArray(R"({"a":1})"));
    QVERIFY(x.requestHeaders.contains(HeaderPair { "X-Custom", "value 1" }));
    QVERIFY(x.requestHeaders.contains(
        HeaderPair { "Host", "127.0.0.1:" + QByteArray::number(server.port()) }));
    QVERIFY(x.requestHeaders.contains(HeaderPair { "Content-Length", "7" }));
    QCOMPARE(got.header("Host"), "127.0.0.1:" + QByteArray::number(server.port()));
    const QJsonObject echoed = QJsonDocument::fromJson(x.body).object();
    QCOMPARE(echoed.value("method").toString(), QStringLiteral("POST"));
    // Timings come from Qt's signals, in order.
    QVERIFY(x.timings.connectStart >= 0);
    QVERIFY(x.timings.requestSent >= x.timings.connectStart);
    QVERIFY(x.timings.firstByte >= x.timings.requestSent);
    QVERIFY(x.timings.total >= x.timings.firstByte);
}

void TestHttpExecutor::customVerbAndKeepAlive()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    QCOMPARE(sendAndWait(executor, request("PURGE", server.url("/echo"))).status, 200);
    QCOMPARE(sendAndWait(executor, request("GET", server.url("/echo"))).status, 200);
    QCOMPARE(server.requests().first().method, QByteArray("PURGE"));
    QCOMPARE(server.connectionCount(), 1); // the second request reused the connection
}

void TestHttpExecutor::httpErrorsAreResults()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/status/404")));
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(x.status, 404);
    QVERIFY(x.body.contains("404"));
}

void TestHttpExecutor::authorizationGoneAfterCrossOriginRedirect()
{
    TestServer first, second;
    QVERIFY(first.start());
    QVERIFY(second.start());
    // localhost and 127.0.0.1 on another port: another origin.
    const QString target = QStringLiteral("http://localhost:%1/echo").arg(second.port());
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor,
        request("GET",
            first.url(
                "/redirect?code=302&to=" + QString::fromLatin1(QUrl::toPercentEncoding(target))),
            { { "Authorization", "Bearer top-secret-token" }, { "Cookie", "session=abc" },
                { "X-Keep", "1" } }));
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(x.status, 200);
    QCOMPARE(
        first.requests().first().header("Authorization"), QByteArray("Bearer top-secret-token"));
    QCOMPARE(second.requests().size(), 1);
    const QByteArray wire = second.requests().first().raw;
    QVERIFY2(!wire.contains("Authorization"), wire.constData());
    QVERIFY(!wire.contains("top-secret-token"));
    QVERIFY(!wire.contains("Cookie"));
    QVERIFY(wire.contains("X-Keep: 1"));
    QCOMPARE(x.hops.size(), 1);
    QVERIFY(x.hops.first().credentialsDropped);
    QCOMPARE(x.hops.first().status, 302);
}

void TestHttpExecutor::sameOriginRedirectKeepsAuthorizationAndRecordsHops()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor,
        request("GET",
            server.url("/redirect?code=301&to=%2Fredirect%3Fcode%3D307%26to%3D%252Fecho"),
            { { "Authorization", "Bearer t" } }));
    QCOMPARE(x.status, 200);
    QCOMPARE(x.hops.size(), 2);
    QCOMPARE(x.hops.at(0).status, 301);
    QCOMPARE(x.hops.at(1).status, 307);
    QVERIFY(!x.hops.at(0).credentialsDropped);
    QCOMPARE(server.requests().last().path, QByteArray("/echo"));
    QCOMPARE(server.requests().last().header("Authorization"), QByteArray("Bearer t"));
    QCOMPARE(x.url, server.baseUrl() + "/echo");
}

void TestHttpExecutor::redirectMethodRules()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    const HeaderList json { { "Content-Type", "application/json" } };
    sendAndWait(
        executor, request("POST", server.url("/redirect?code=303&to=%2Fecho"), json, "{\"x\":1}"));
    QCOMPARE(server.requests().last().method, QByteArray("GET"));
    QVERIFY(server.requests().last().body.isEmpty());
    QVERIFY(!server.requests().last().hasHeader("Content-Type"));
    sendAndWait(
        executor, request("POST", server.url("/redirect?code=307&to=%2Fecho"), json, "{\"x\":1}"));
    QCOMPARE(server.requests().last().method, QByteArray("POST"));
    QCOMPARE(server.requests().last().body, QByteArray("{\"x\":1}"));
    sendAndWait(
        executor, request("PUT", server.url("/redirect?code=308&to=%2Fecho"), json, "{\"x\":2}"));
    QCOMPARE(server.requests().last().method, QByteArray("PUT"));
    QCOMPARE(server.requests().last().body, QByteArray("{\"x\":2}"));
}

void TestHttpExecutor::httpsToHttpRedirectRefused()
{
    TestServer tls, plain;
    QVERIFY(tls.start(TestServer::Mode::Tls));
    QVERIFY(plain.start());
    HttpExecutor executor;
    const QString target = plain.baseUrl() + "/echo";
    const Exchange x = sendAndWait(executor,
        request(
            "GET", tls.url("/redirect?to=" + QString::fromLatin1(QUrl::toPercentEncoding(target)))),
        trusting());
    QCOMPARE(x.failure, FailureKind::Refused);
    QVERIFY2(x.error.contains(QLatin1String("HTTPS to plain HTTP")), qPrintable(x.error));
    QCOMPARE(plain.requests().size(), 0);
    QCOMPARE(plain.connectionCount(), 0);
    QCOMPARE(x.hops.size(), 1);
}

void TestHttpExecutor::tooManyRedirects()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    server.route("/loop", [](const auto &) {
        Playground::Test::Reply r;
        r.status = 302;
        r.headers.append({ QByteArray("Location"), QByteArray("/loop") });
        return r;
    });
    const Exchange x = sendAndWait(executor, request("GET", server.url("/loop")));
    QCOMPARE(x.failure, FailureKind::TooManyRedirects);
    QCOMPARE(server.count("/loop"), 11); // the first request and 10 redirects
    QCOMPARE(x.hops.size(), 11);
}

void TestHttpExecutor::credentialsOverPlainHttpToRemoteHostRefused()
{
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor,
        request("GET", QUrl(QStringLiteral("http://api.example.invalid/x")),
            { { "Authorization", "Bearer t" } }));
    QCOMPARE(x.failure, FailureKind::Refused);
    QVERIFY2(x.error.contains(QLatin1String("plain HTTP")), qPrintable(x.error));
    QCOMPARE(x.timings.connectStart, -1.0);
}

void TestHttpExecutor::crlfInHeaderRefusedBeforeAnyByte()
{
    TestServer server;
    QVERIFY(server.start());
    Collection c;
    c.name = QStringLiteral("c");
    CollectionItem item;
    item.name = QStringLiteral("inject");
    item.request.url = UrlSpec::fromRaw(server.baseUrl() + "/echo");
    item.request.headers.append({ QStringLiteral("X-Note"), QStringLiteral("{{note}}") });
    c.items.append(item);
    c.variables.append({ QStringLiteral("note"), QStringLiteral("hi\r\nX-Injected: yes") });
    HttpExecutor executor;
    CollectionRunner runner(c, &executor);
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(done.wait(5000));
    QCOMPARE(runner.results().size(), 1);
    QVERIFY(runner.results().first().failed());
    QVERIFY2(runner.results().first().resolveError.contains(QLatin1String("line break")),
        qPrintable(runner.results().first().resolveError));
    QCOMPARE(server.connectionCount(), 0);
    QCOMPARE(server.requests().size(), 0);
}

void TestHttpExecutor::pathVariableStaysEncodedOnTheWire()
{
    TestServer server;
    QVERIFY(server.start());
    RequestSpec spec;
    spec.url = UrlSpec::fromRaw(QStringLiteral("{{base}}/echo/{{id}}/:sub"));
    spec.url.pathVariables.append({ QStringLiteral("sub"), QStringLiteral("@evil.com") });
    VariableScopes scopes;
    scopes.set(QStringLiteral("base"), server.baseUrl());
    scopes.set(QStringLiteral("id"), QStringLiteral("../../status/500"));
    AuthSpec none;
    none.type = QStringLiteral("noauth");
    const auto r = SendSession::prepare(spec, none, scopes);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, r.value());
    QCOMPARE(x.status, 200);
    QCOMPARE(
        server.requests().first().target, QByteArray("/echo/..%2F..%2Fstatus%2F500/%40evil.com"));
}

void TestHttpExecutor::gzipBombReportedInPlainWords()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/gzip-bomb")));
    QCOMPARE(x.failure, FailureKind::Decompression);
    QVERIFY2(x.error.contains(QLatin1String("decompression bomb")), qPrintable(x.error));
    QVERIFY(x.bodySize < 64 * 1024 * 1024);
}

void TestHttpExecutor::encodedBodyKeepsItsSizeOnTheWire()
{
    TestServer server;
    QVERIFY(server.start());
    QByteArray decoded;
    for (int i = 0; i < 5000; ++i)
        decoded += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"campaign\"},";
    const QByteArray encoded = Test::gzip(decoded);
    server.route("/gzipped", [encoded](const Test::RecordedRequest &) {
        return Test::Reply { 200,
            { { "Content-Type", "application/json" }, { "Content-Encoding", "gzip" } }, encoded };
    });
    server.route("/plain",
        [decoded](const Test::RecordedRequest &) { return Test::Reply::text(200, decoded); });
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/gzipped")));
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(x.bodyBytes(), decoded); // Qt undid the gzip
    QCOMPARE(x.bodySize, decoded.size());
    QCOMPARE(x.bodyWireSize, encoded.size());
    QVERIFY(x.bodyWireSize < x.bodySize / 5);
    // HAR: content.size is the body as read, response.bodySize what was received.
    const QJsonObject response
        = HarWriter::har({ { &x, QDateTime::currentDateTimeUtc() } })
              .value(QLatin1String("log"))[QLatin1String("entries")][0][QLatin1String("response")]
              .toObject();
    QCOMPARE(response.value(QLatin1String("bodySize")).toInteger(), encoded.size());
    const QJsonObject content = response.value(QLatin1String("content")).toObject();
    QCOMPARE(content.value(QLatin1String("size")).toInteger(), decoded.size());
    QCOMPARE(
        content.value(QLatin1String("compression")).toInteger(), decoded.size() - encoded.size());

    const Exchange plain = sendAndWait(executor, request("GET", server.url("/plain")));
    QCOMPARE(plain.bodyWireSize, decoded.size());
    QVERIFY(!HarWriter::har({ { &plain, QDateTime::currentDateTimeUtc() } })
                 .value(QLatin1String("log"))[QLatin1String("entries")][0]
                                             [QLatin1String("response")][QLatin1String("content")]
                 .toObject()
                 .contains(QLatin1String("compression")));
}

void TestHttpExecutor::stallHitsIdleTimeout()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    SendOptions o;
    o.idleTimeoutMs = 300;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/stall?bytes=16")), o);
    QCOMPARE(x.failure, FailureKind::IdleTimeout);
    QCOMPARE(x.bodySize, 16);
    QVERIFY2(x.error.contains(QLatin1String("idle timeout")), qPrintable(x.error));
}

void TestHttpExecutor::dripHitsDeadline()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    SendOptions o;
    o.idleTimeoutMs = 5000; // the drip keeps the idle timer happy...
    o.deadlineMs = 600; // ...but not the deadline
    const Exchange x
        = sendAndWait(executor, request("GET", server.url("/drip?bytes=1000&interval_ms=50")), o);
    QCOMPARE(x.failure, FailureKind::Deadline);
    QVERIFY(x.bodySize > 0 && x.bodySize < 1000);
    QVERIFY2(x.error.contains(QLatin1String("limit")), qPrintable(x.error));
}

void TestHttpExecutor::endlessHitsSizeCap()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    SendOptions o;
    o.maxBodyBytes = 2 * 1024 * 1024;
    o.memoryCapBytes = 512 * 1024;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/endless")), o);
    QCOMPARE(x.failure, FailureKind::SizeCap);
    QCOMPARE(x.bodySize, o.maxBodyBytes);
    QVERIFY(x.bodyFile);
    QCOMPARE(x.bodyFile->size(), o.maxBodyBytes);
    QVERIFY2(x.error.contains(QLatin1String("size cap")), qPrintable(x.error));
}

void TestHttpExecutor::largeBodySpillsToDisk()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    SendOptions o;
    o.memoryCapBytes = 1024 * 1024;
    const qint64 size = 20 * 1024 * 1024 + 7;
    const Exchange x = sendAndWait(
        executor, request("GET", server.url("/huge?bytes=" + QString::number(size))), o);
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(x.bodySize, size);
    QVERIFY(x.body.isEmpty());
    QVERIFY(x.bodyFile);
    QCOMPARE(x.bodyFile->size(), size);
    QCOMPARE(x.bodyBytes(10).size(), 10);
}

void TestHttpExecutor::resetMidBodyReportsPartialSize()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/reset?bytes=3000")));
    QCOMPARE(x.failure, FailureKind::Transport);
    QCOMPARE(x.bodySize, 3000);
    QVERIFY2(x.error.contains(QLatin1String("after 3000 bytes")), qPrintable(x.error));
}

void TestHttpExecutor::selfSignedCertificateIsATlsError()
{
    TestServer server;
    QVERIFY(server.start(TestServer::Mode::Tls));
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/echo")));
    QCOMPARE(x.failure, FailureKind::Tls);
    QVERIFY2(
        x.error.contains(QLatin1String("self-signed"), Qt::CaseInsensitive), qPrintable(x.error));
    QVERIFY2(x.tls.subject.contains(QLatin1String("127.0.0.1")), qPrintable(x.tls.subject));
    QVERIFY(!x.tls.issuer.isEmpty());
    QCOMPARE(server.requests().size(), 0);
}

void TestHttpExecutor::trustedCaSucceeds()
{
    TestServer server;
    QVERIFY(server.start(TestServer::Mode::Tls));
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/echo")), trusting());
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(x.status, 200);
    QVERIFY(x.timings.tlsDone >= x.timings.connectStart);
    QVERIFY(server.requests().first().tls);
}

void TestHttpExecutor::insecureDoesNotLeakToLaterStrictRequest()
{
    TestServer server;
    QVERIFY(server.start(TestServer::Mode::Tls));
    HttpExecutor executor;
    SendOptions insecure;
    insecure.insecure = true;
    const Exchange first = sendAndWait(executor, request("GET", server.url("/echo")), insecure);
    QCOMPARE(first.status, 200);
    QVERIFY(first.insecure);
    QVERIFY(!first.warnings.isEmpty());
    const Exchange strict = sendAndWait(executor, request("GET", server.url("/echo")));
    QCOMPARE(strict.failure, FailureKind::Tls);
    QCOMPARE(server.requests().size(), 1);
}

void TestHttpExecutor::cancelIsRecorded()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    RequestRun *run = executor.send(request("GET", server.url("/stall?bytes=4")));
    QSignalSpy done(run, &RequestRun::finished);
    QTRY_COMPARE(server.requests().size(), 1);
    run->cancel();
    QVERIFY(done.count() == 1 || done.wait(5000));
    QCOMPARE(run->exchange().failure, FailureKind::Cancelled);
}

void TestHttpExecutor::secretsRedactedInTheRecord()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    ResolvedRequest r = request("POST", server.url("/echo?key=k-SECRET-1"),
        { { "Authorization", "Bearer tok-SECRET-2" }, { "X-Api", "k-SECRET-1" } },
        "{\"secret\":\"k-SECRET-1\"}");
    r.secretValues = { QStringLiteral("k-SECRET-1") };
    const Exchange x = sendAndWait(executor, r);
    QCOMPARE(x.status, 200);
    // The wire has the real values...
    QVERIFY(server.requests().first().raw.contains("tok-SECRET-2"));
    // ...the record does not.
    QVERIFY(!x.url.contains(QLatin1String("SECRET")));
    QVERIFY(!x.requestBody.contains("SECRET"));
    for (const HeaderPair &h : x.requestHeaders)
        QVERIFY2(!h.second.contains("SECRET"), h.second.constData());
    QVERIFY(x.requestHeaders.contains(HeaderPair { "Authorization", "Bearer ***" }));
}

void TestHttpExecutor::apiKeyIsACredential()
{
    TestServer first, second;
    QVERIFY(first.start());
    QVERIFY(second.start());
    AuthSpec apiKey;
    apiKey.type = QStringLiteral("apikey");
    apiKey.setParam(QStringLiteral("key"), QStringLiteral("X-Api-Key"));
    apiKey.setParam(QStringLiteral("value"), QStringLiteral("literal-key-123"));
    apiKey.setParam(QStringLiteral("in"), QStringLiteral("header"));
    const QString target = QStringLiteral("http://localhost:%1/echo").arg(second.port());
    RequestSpec spec;
    spec.url = UrlSpec::fromRaw(
        first.baseUrl() + "/redirect?to=" + QString::fromLatin1(QUrl::toPercentEncoding(target)));
    const auto r = SendSession::prepare(spec, apiKey, VariableScopes());
    QVERIFY2(r.ok(), qPrintable(r.error()));
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, r.value());
    QCOMPARE(x.status, 200);
    QCOMPARE(first.requests().first().header("X-Api-Key"), QByteArray("literal-key-123"));
    QVERIFY(!second.requests().first().raw.contains("literal-key-123")); // dropped across origins
    QVERIFY(x.hops.first().credentialsDropped);
    for (const HeaderPair &h : x.requestHeaders)
        QVERIFY(!h.second.contains("literal-key-123")); // and never recorded

    // Never over plain http to a remote host, in a header or in the query.
    spec.url = UrlSpec::fromRaw(QStringLiteral("http://api.example.invalid/x"));
    Exchange refused
        = sendAndWait(executor, SendSession::prepare(spec, apiKey, VariableScopes()).value());
    QCOMPARE(refused.failure, FailureKind::Refused);
    apiKey.setParam(QStringLiteral("in"), QStringLiteral("query"));
    const auto inQuery = SendSession::prepare(spec, apiKey, VariableScopes());
    QVERIFY(!inQuery->warnings.isEmpty());
    refused = sendAndWait(executor, inQuery.value());
    QCOMPARE(refused.failure, FailureKind::Refused);
    QVERIFY(!refused.url.contains(QLatin1String("literal-key-123")));
}

namespace {

// Long enough that only a request waiting for a body that never comes reaches it.
SendOptions patient()
{
    SendOptions o;
    o.idleTimeoutMs = 20'000;
    return o;
}

} // namespace

void TestHttpExecutor::headFinishesWithTheHeaders()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    // The server announces the length of the body a GET would get, and sends none.
    const Exchange x
        = sendAndWait(executor, request("HEAD", server.url("/huge?bytes=5000")), patient());
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(x.status, 200);
    QCOMPARE(x.bodySize, 0);
    QCOMPARE(x.responseHeader("Content-Length"), QByteArray("5000"));
    QCOMPARE(server.requests().first().method, QByteArray("HEAD"));
    // The connection is still good for the next request.
    QCOMPARE(sendAndWait(executor, request("GET", server.url("/echo"))).status, 200);
    QCOMPARE(server.connectionCount(), 1);
}

void TestHttpExecutor::noBodyStatusFinishesWithTheHeaders_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("204 GET") << 204 << QByteArray("GET");
    QTest::newRow("204 DELETE") << 204 << QByteArray("DELETE");
    QTest::newRow("304 GET") << 304 << QByteArray("GET");
    QTest::newRow("204 custom verb") << 204 << QByteArray("PURGE");
}

void TestHttpExecutor::noBodyStatusFinishesWithTheHeaders()
{
    QFETCH(int, status);
    QFETCH(QByteArray, method);
    TestServer server;
    QVERIFY(server.start());
    // As real servers do: a 304 repeats the length of the representation, a 204 may say 0.
    server.route("/nobody", [status](const auto &) {
        Playground::Test::Reply r;
        r.status = status;
        r.headers.append({ QByteArray("ETag"), QByteArray("\"v1\"") });
        r.headers.append(
            { QByteArray("Content-Length"), status == 304 ? QByteArray("1234") : QByteArray("0") });
        return r;
    });
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, request(method, server.url("/nobody")), patient());
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(x.status, status);
    QCOMPARE(x.bodySize, 0);
}

void TestHttpExecutor::requestHeadersAreThoseOnTheWire_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("GET") << QByteArray("GET") << HeaderList {} << QByteArray();
    QTest::newRow("POST json") << QByteArray("POST")
                               << HeaderList { { "Content-Type", "application/json" } }
                               << QByteArray("{}");
    QTest::newRow("POST without type") << QByteArray("POST") << HeaderList {} << QByteArray("a=1");
    QTest::newRow("POST empty") << QByteArray("POST") << HeaderList {} << QByteArray();
    QTest::newRow("custom verb") << QByteArray("PURGE") << HeaderList { { "X-A", "1" } }
                                 << QByteArray();
    QTest::newRow("HEAD") << QByteArray("HEAD") << HeaderList {} << QByteArray();
    QTest::newRow("own Accept-Encoding")
        << QByteArray("GET") << HeaderList { { "Accept-Encoding", "identity" } } << QByteArray();
    QTest::newRow("own Connection and language")
        << QByteArray("GET")
        << HeaderList { { "Connection", "close" }, { "Accept-Language", "fr" } } << QByteArray();
    QTest::newRow("repeated name")
        << QByteArray("GET") << HeaderList { { "X-Multi", "a" }, { "x-multi", "b" } }
        << QByteArray();
}

void TestHttpExecutor::requestHeadersAreThoseOnTheWire()
{
    QFETCH(QByteArray, method);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    const Exchange x
        = sendAndWait(executor, request(method, server.url("/echo"), headers, body), patient());
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(server.requests().size(), 1);
    // "Request as sent" lists the headers that reached the wire, in order, with their values.
    const auto normalized = [](const QList<QPair<QByteArray, QByteArray>> &list) {
        QByteArrayList lines;
        for (const auto &[name, value] : list)
            lines.append(name.toLower() + ": " + value);
        std::sort(lines.begin(), lines.end()); // the order on the wire is Qt's
        return lines.join('\n');
    };
    QCOMPARE(normalized(x.requestHeaders), normalized(server.requests().first().headers));
}

void TestHttpExecutor::failedSpillWriteIsADiskError()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SendOptions o;
    o.memoryCapBytes = 64 * 1024;
    // A spill directory that cannot hold a file fails like a full disk does.
    o.spillDirectory = dir.filePath(QStringLiteral("missing/below"));
    Exchange x = sendAndWait(executor, request("GET", server.url("/huge?bytes=1000000")), o);
    QCOMPARE(x.failure, FailureKind::Disk);
    QVERIFY2(x.error.contains(QLatin1String("disk")), qPrintable(x.error));
    QVERIFY(x.bodySize <= o.memoryCapBytes);
    // And a write that fails half-way: past the file-size limit of the process, write() fails
    // with EFBIG as it would with ENOSPC on a full disk.
    o.spillDirectory.clear();
    rlimit previous {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &previous), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = previous;
    limited.rlim_cur = 256 * 1024;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    x = sendAndWait(executor, request("GET", server.url("/huge?bytes=1000000")), o);
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, oldHandler);
    QCOMPARE(x.failure, FailureKind::Disk);
    QVERIFY2(x.error.contains(QLatin1String("disk")), qPrintable(x.error));
    QVERIFY2(!x.error.contains(QLatin1String("size cap")), qPrintable(x.error));
}

void TestHttpExecutor::brokenFramingIsAFailure_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("conflicting Content-Length")
        << QByteArray("Content-Length: 5\r\nContent-Length: 10\r\n") << QByteArray("0123456789")
        << QStringLiteral("Content-Length");
    QTest::newRow("conflicting Content-Length in one line")
        << QByteArray("Content-Length: 10, 5\r\n") << QByteArray("0123456789")
        << QStringLiteral("Content-Length");
    QTest::newRow("Content-Length not a number")
        << QByteArray("Content-Length: ten\r\n") << QByteArray("0123456789")
        << QStringLiteral("Content-Length");
}

void TestHttpExecutor::brokenFramingIsAFailure()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    TestServer server;
    QVERIFY(server.start());
    server.rawRoute("/raw", "HTTP/1.1 200 OK\r\n" + head + "\r\n" + body);
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/raw")), patient());
    QVERIFY2(x.failure == FailureKind::Transport,
        qPrintable(QStringLiteral("failure %1: %2 (status %3, %4 body bytes, %5 ms)")
                       .arg(failureKindName(x.failure), x.error)
                       .arg(x.status)
                       .arg(x.bodySize)
                       .arg(x.timings.total)));
    QVERIFY2(x.error.contains(message), qPrintable(x.error));
}

void TestHttpExecutor::oversizedHeadFailsPromptly_data()
{
    QTest::addColumn<QByteArray>("head");
    QByteArray many;
    for (int i = 0; i < 150; ++i)
        many += "X-Header-" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\r\n";
    QTest::newRow("150 headers") << many;
    QTest::newRow("300 KB header") << "X-Big: " + QByteArray(300 * 1024, 'a') + "\r\n";
}

void TestHttpExecutor::oversizedHeadFailsPromptly()
{
    QFETCH(QByteArray, head);
    TestServer server;
    QVERIFY(server.start());
    server.route("/many", [head](const auto &) {
        Playground::Test::Reply r = Playground::Test::Reply::text(200, "ok");
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.append({ line.left(colon), line.mid(colon + 2).trimmed() });
        }
        return r;
    });
    HttpExecutor executor;
    const Exchange x = sendAndWait(executor, request("GET", server.url("/many")), patient());
    QVERIFY2(x.failure == FailureKind::Transport,
        qPrintable(QStringLiteral("failure %1: %2 (status %3, %4 body bytes, %5 ms)")
                       .arg(failureKindName(x.failure), x.error)
                       .arg(x.status)
                       .arg(x.bodySize)
                       .arg(x.timings.total)));
    QVERIFY2(x.error.contains(QLatin1String("header")), qPrintable(x.error));
}

void TestHttpExecutor::runKeepsNoBodies()
{
    TestServer server;
    QVERIFY(server.start());
    Collection c;
    c.name = QStringLiteral("c");
    for (int i = 0; i < 3; ++i) {
        CollectionItem item;
        item.name = QStringLiteral("r%1").arg(i);
        item.request.url = UrlSpec::fromRaw(server.baseUrl() + "/huge?bytes=200000");
        c.items.append(item);
    }
    HttpExecutor executor;
    CollectionRunner runner(c, &executor);
    SendOptions o;
    o.memoryCapBytes = 100'000; // two in memory would be over; these spill
    runner.setSendOptions(o);
    QList<qint64> seen;
    connect(&runner, &CollectionRunner::requestFinished, this,
        [&seen](int, const RunResult &r) { seen.append(r.exchange.bodyBytes().size()); });
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(done.wait(20000));
    // Whoever listens to requestFinished sees the body; the run keeps only what reports need.
    QCOMPARE(seen, (QList<qint64> { 200000, 200000, 200000 }));
    QCOMPARE(runner.results().size(), 3);
    for (const RunResult &r : runner.results()) {
        QCOMPARE(r.exchange.status, 200);
        QCOMPARE(r.exchange.bodySize, 200000);
        QVERIFY(r.exchange.body.isEmpty());
        QVERIFY(!r.exchange.bodyFile);
        QVERIFY(!r.exchange.responseHeaders.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestHttpExecutor)
#include "TestHttpExecutor.moc"
