// A request's own settings: kept in the Postman file where Postman keeps its own (and ours where
// Postman ignores them), changed by undoable commands, and honoured on the wire.
#include "app/document/SetRequestSettingsCommand.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"
#include "app/http/HttpExecutor.h"
#include "app/http/RequestRun.h"
#include "app/model/RequestSettings.h"
#include "app/runner/CollectionRunner.h"
#include "app/send/RequestOptions.h"
#include "tests/support/TestServer.h"

#include "tests/support/SendAndWait.h"
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <QTest>

using namespace Playground;
using Playground::Test::TestServer;

namespace {

Exchange get(HttpExecutor &executor, const QUrl &url, const SendOptions &options)
{
    return Test::getAndWait(executor, url, options);
}

SendOptions optionsFor(const RequestSettings &settings)
{
    const Result<SendOptions> options = RequestOptions::apply(settings);
    if (!options)
        qWarning("%s", qPrintable(options.error()));
    return options ? options.value() : SendOptions {};
}

RequestSettings changed()
{
    RequestSettings s;
    s.followRedirects = false;
    s.maxRedirects = 3;
    s.verifyTls = false;
    s.timeoutMs = 2500;
    s.caCertificateFile = QStringLiteral("/etc/ssl/dev-ca.pem");
    s.proxy = QStringLiteral("http://proxy.test:3128");
    return s;
}

} // namespace

class TestRequestSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripThroughThePostmanFile();
    void defaultsLeaveTheItemAsItWas();
    void aCommandIsUndoable();
    void redirectsOffShowsTheRedirect();
    void maxHopsStopsTheChain();
    void aTimeoutSaysSo();
    void aCaFileTrustsThatServerOnly();
    void badCaFileAndProxyAreNamed();
    void aProxyOverrideCarriesTheRequest();
    void aRunTakesRedirectsButNotTrustOrProxyFromTheFile();
};

void TestRequestSettings::roundTripThroughThePostmanFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.postman_collection.json"));
    Collection c;
    c.name = QStringLiteral("settings");
    CollectionItem item;
    item.name = QStringLiteral("r");
    item.request.url = UrlSpec::fromRaw(QStringLiteral("https://example.com/"));
    item.extra.insert(QStringLiteral("protocolProfileBehavior"),
        QJsonObject { { QStringLiteral("disableCookies"), true } }); // Postman's, kept
    item.extra = changed().writtenTo(item.extra);
    c.items.append(item);
    QVERIFY(PostmanWriter::writeCollectionFile(path, c));

    const QJsonObject json = PostmanWriter::collectionJson(c);
    const QJsonObject written = json.value(QStringLiteral("item")).toArray().at(0).toObject();
    // Postman's own keys where Postman reads them.
    QCOMPARE(written.value(QStringLiteral("protocolProfileBehavior")).toObject(),
        (QJsonObject { { QStringLiteral("disableCookies"), true },
            { QStringLiteral("followRedirects"), false }, { QStringLiteral("maxRedirects"), 3 },
            { QStringLiteral("strictSSL"), false } }));
    QCOMPARE(written.value(QStringLiteral("apiPlayground")).toObject(),
        (QJsonObject { { QStringLiteral("timeout"), 2500 },
            { QStringLiteral("caCertificateFile"), QStringLiteral("/etc/ssl/dev-ca.pem") },
            { QStringLiteral("proxy"), QStringLiteral("http://proxy.test:3128") } }));

    const Result<Collection> read = PostmanReader::readCollectionFile(path);
    QVERIFY2(read, qPrintable(read.error()));
    QCOMPARE(RequestSettings::of(read->items.constFirst()), changed());
}

void TestRequestSettings::defaultsLeaveTheItemAsItWas()
{
    CollectionItem item;
    item.extra.insert(QStringLiteral("id"), QStringLiteral("x"));
    QCOMPARE(RequestSettings::of(item), RequestSettings {});
    const QJsonObject before = item.extra;
    item.extra = changed().writtenTo(item.extra);
    QCOMPARE(RequestSettings {}.writtenTo(item.extra), before);
}

void TestRequestSettings::aCommandIsUndoable()
{
    Collection c;
    CollectionItem item;
    item.name = QStringLiteral("r");
    c.items.append(item);
    SetRequestSettingsCommand command(c, { 0 }, changed());
    command.apply(c);
    QCOMPARE(RequestSettings::of(c.items.constFirst()), changed());
    command.revert(c);
    QCOMPARE(RequestSettings::of(c.items.constFirst()), RequestSettings {});
    QVERIFY(c.items.constFirst().extra.isEmpty());

    // Typing a timeout folds into one step; then ticking a box is a step of its own.
    RequestSettings typed;
    typed.timeoutMs = 1;
    SetRequestSettingsCommand first(c, { 0 }, typed);
    typed.timeoutMs = 15;
    QVERIFY(first.absorb(SetRequestSettingsCommand(c, { 0 }, typed)));
    typed.followRedirects = false;
    QVERIFY(!first.absorb(SetRequestSettingsCommand(c, { 0 }, typed)));
}

void TestRequestSettings::redirectsOffShowsTheRedirect()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    RequestSettings settings;
    settings.followRedirects = false;
    const Exchange x = get(
        executor, server.url(QStringLiteral("/redirect?code=302&to=/echo")), optionsFor(settings));
    QCOMPARE(x.failure, FailureKind::None);
    QCOMPARE(x.status, 302);
    QVERIFY(x.hops.isEmpty());
    QCOMPARE(x.responseHeader("Location"), QByteArray("/echo"));
    QCOMPARE(server.requests().size(), 1);
}

void TestRequestSettings::maxHopsStopsTheChain()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    RequestSettings settings;
    settings.maxRedirects = 1;
    const QString twice = QStringLiteral("/redirect?to=")
        + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("/redirect?to=/echo")));
    const Exchange x = get(executor, server.url(twice), optionsFor(settings));
    QCOMPARE(x.failure, FailureKind::TooManyRedirects);
    QVERIFY2(x.error.contains(QStringLiteral("More than 1 redirects")), qPrintable(x.error));
}

void TestRequestSettings::aTimeoutSaysSo()
{
    TestServer server;
    QVERIFY(server.start());
    HttpExecutor executor;
    RequestSettings settings;
    settings.timeoutMs = 300;
    const Exchange x
        = get(executor, server.url(QStringLiteral("/slow?delay_ms=5000")), optionsFor(settings));
    QCOMPARE(x.failure, FailureKind::Deadline);
    QVERIFY2(x.error.contains(QStringLiteral("longer than the 0.3 s limit")), qPrintable(x.error));
}

void TestRequestSettings::aCaFileTrustsThatServerOnly()
{
    TestServer server;
    QVERIFY(server.start(TestServer::Mode::Tls));
    HttpExecutor executor;
    RequestSettings trusting;
    trusting.caCertificateFile = QStringLiteral(PLAYGROUND_TEST_CERTS "/server.crt");
    const Exchange trusted
        = get(executor, server.url(QStringLiteral("/echo")), optionsFor(trusting));
    QCOMPARE(trusted.failure, FailureKind::None);
    QCOMPARE(trusted.status, 200);
    QVERIFY(!trusted.insecure);
    // The next request without the file is checked against the system's CAs again.
    const Exchange strict = get(executor, server.url(QStringLiteral("/echo")), optionsFor({}));
    QCOMPARE(strict.failure, FailureKind::Tls);
}

void TestRequestSettings::badCaFileAndProxyAreNamed()
{
    QTemporaryDir dir;
    RequestSettings missing;
    missing.caCertificateFile = dir.filePath(QStringLiteral("nope.pem"));
    Result<SendOptions> options = RequestOptions::apply(missing);
    QVERIFY(!options);
    QVERIFY2(options.error().contains(missing.caCertificateFile), qPrintable(options.error()));

    RequestSettings notACertificate;
    notACertificate.caCertificateFile = QStringLiteral(PLAYGROUND_TEST_CERTS "/README.md");
    options = RequestOptions::apply(notACertificate);
    QVERIFY(!options);
    QVERIFY2(options.error().contains(QStringLiteral("holds no certificate")),
        qPrintable(options.error()));

    RequestSettings proxy;
    proxy.proxy = QStringLiteral("proxy.test");
    options = RequestOptions::apply(proxy);
    QVERIFY(!options);
    QVERIFY2(options.error().contains(QStringLiteral("\"proxy.test\" is not a URL")),
        qPrintable(options.error()));
}

void TestRequestSettings::aProxyOverrideCarriesTheRequest()
{
    // The test server stands in for a proxy: a plain-http request through a proxy names the
    // whole URL on its request line.
    TestServer proxy;
    QVERIFY(proxy.start());
    proxy.setFallback([](const Playground::Test::RecordedRequest &) {
        return Playground::Test::Reply::text(200, "via proxy");
    });
    HttpExecutor executor;
    RequestSettings settings;
    settings.proxy = proxy.baseUrl();
    const Exchange x = get(
        executor, QUrl(QStringLiteral("http://api.example.test/v1/x?a=1")), optionsFor(settings));
    QCOMPARE(x.status, 200);
    QCOMPARE(x.bodyBytes(), QByteArray("via proxy"));
    QCOMPARE(proxy.requests().size(), 1);
    QCOMPARE(proxy.requests().constFirst().target, QByteArray("http://api.example.test/v1/x?a=1"));
    QVERIFY2(x.warnings.contains(QStringLiteral("Sent through the proxy ") + proxy.baseUrl()),
        qPrintable(x.warnings.join('|')));
}

void TestRequestSettings::aRunTakesRedirectsButNotTrustOrProxyFromTheFile()
{
    TestServer server;
    QVERIFY(server.start());
    Collection c;
    CollectionItem item;
    item.name = QStringLiteral("r");
    item.request.url = UrlSpec::fromRaw(server.baseUrl() + "/redirect?code=302&to=/echo");
    RequestSettings settings;
    settings.followRedirects = false;
    settings.proxy = QStringLiteral("http://127.0.0.1:1"); // nothing listens there
    item.extra = settings.writtenTo({});
    c.items.append(item);
    HttpExecutor executor;
    CollectionRunner runner(c, &executor);
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(done.wait(10000));
    QCOMPARE(runner.results().size(), 1);
    // Straight to the server (no proxy), and the redirect shown, not followed.
    QCOMPARE(runner.results().constFirst().exchange.status, 302);
    QCOMPARE(server.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestRequestSettings)
#include "TestRequestSettings.moc"
