#include "app/auth/TokenManager.h"
#include "app/http/HttpExecutor.h"
#include "app/secrets/MemorySecretStore.h"
#include "tests/support/TestServer.h"

#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <optional>

using namespace Playground;
using Playground::Test::DigishareFixture;
using Playground::Test::TestServer;

namespace {

using TokenResult = std::optional<Result<AccessToken>>;

TokenResult await(TokenManager &manager, const TokenRequest &request)
{
    TokenResult out;
    QObject context;
    manager.token(request, &context, [&](const Result<AccessToken> &t) { out = t; });
    (void)QTest::qWaitFor([&] { return out.has_value(); }, 10'000); // callers check out
    return out;
}

} // namespace

class TestTokenManager : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void jsonBodyExactlyAsTheDocs();
    void rfc6749Styles_data();
    void rfc6749Styles();
    void wrongSecretShowsServerError();
    void badAnswersAreNotCached_data();
    void badAnswersAreNotCached();
    void plainHttpToRemoteHostRefusedBeforeAnyByte();
    void redirectIsNotFollowed();
    void shortLivedTokenIsRenewed();
    void concurrentCallersShareOneTokenRequest();
    void cachedInStoreAcrossManagers();
    void hungKeychainFailsPlainly();

private:
    TokenRequest request() const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpExecutor> m_executor;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<TokenManager> m_manager;
};

void TestTokenManager::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_executor = std::make_unique<HttpExecutor>();
    m_store = std::make_unique<MemorySecretStore>();
    m_manager = std::make_unique<TokenManager>(m_executor.get(), m_store.get());
}

void TestTokenManager::cleanup()
{
    m_manager.reset();
    m_store.reset();
    m_executor.reset();
    m_server.reset();
}

void TestTokenManager::hungKeychainFailsPlainly()
{
    m_store->setNeverFinishes(true);
    m_manager->setKeychainTimeout(200);
    const TokenResult token = await(*m_manager, request());
    QVERIFY2(token, "the send hung with the keychain");
    QVERIFY(!token->ok());
    QVERIFY2(token->error().contains("keychain did not answer"), qPrintable(token->error()));
    QCOMPARE(m_server->requests().size(), 0);
}

TokenRequest TestTokenManager::request() const
{
    TokenRequest r;
    r.tokenUrl = m_server->url("/v1/oauth/token");
    r.clientId = "test-client-id";
    r.clientSecret = "test-client-secret";
    return r;
}

void TestTokenManager::jsonBodyExactlyAsTheDocs()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const TokenResult token = await(*m_manager, request());
    QVERIFY(token);
    QVERIFY2(token->ok(), qPrintable(token->error()));
    QCOMPARE(
        m_server->digishare().issuedTokens(), QList<QByteArray> { token->value().value.toUtf8() });
    QVERIFY(
        qAbs(before.secsTo(token->value().expiresAt) - DigishareFixture::DefaultExpiresIn) <= 5);

    QCOMPARE(m_server->requests().size(), 1);
    const Test::RecordedRequest sent = m_server->requests().constFirst();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.target, QByteArray("/v1/oauth/token"));
    QCOMPARE(sent.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(!sent.hasHeader("Authorization"));
    QCOMPARE(sent.body,
        QByteArray(
            R"({"grant_type":"client_credentials","client_id":"test-client-id","client_secret":"test-client-secret"})"));
    QCOMPARE(sent.header("Content-Length"), QByteArray::number(sent.body.size()));
}

void TestTokenManager::rfc6749Styles_data()
{
    QTest::addColumn<int>("style");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QByteArray>("contentType");

    // id "id:+% é", secret "p:a+s%s é/ü" form-encoded: ':'→%3A '+'→%2B '%'→%25 ' '→+ UTF-8
    // percent-encoded.
    const QByteArray id = "id%3A%2B%25+%C3%A9";
    const QByteArray secret = "p%3Aa%2Bs%25s+%C3%A9%2F%C3%BC";
    QTest::newRow("form body") << int(ClientAuthStyle::FormBody)
                               << QByteArray("grant_type=client_credentials&client_id=" + id
                                      + "&client_secret=" + secret + "&scope=read+write")
                               << QByteArray() << QByteArray("application/x-www-form-urlencoded");
    QTest::newRow("http basic") << int(ClientAuthStyle::HttpBasic)
                                << QByteArray("grant_type=client_credentials&scope=read+write")
                                << QByteArray("Basic " + (id + ':' + secret).toBase64())
                                << QByteArray("application/x-www-form-urlencoded");
    QTest::newRow("json body") << int(ClientAuthStyle::JsonBody)
                               << QByteArray("{\"grant_type\":\"client_credentials\",\"client_id\":"
                                             "\"id:+% \xC3\xA9\",\"client_secret\":\"p:a+s%s "
                                             "\xC3\xA9/\xC3\xBC\",\"scope\":\"read write\"}")
                               << QByteArray() << QByteArray("application/json");
}

void TestTokenManager::rfc6749Styles()
{
    QFETCH(int, style);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, authorization);
    QFETCH(QByteArray, contentType);
    const QString id = QString::fromUtf8("id:+% \xC3\xA9");
    const QString secret = QString::fromUtf8("p:a+s%s \xC3\xA9/\xC3\xBC");
    m_server->digishare().setClientCredentials(id.toUtf8(), secret.toUtf8());
    TokenRequest r = request();
    r.clientId = id;
    r.clientSecret = secret;
    r.scope = "read write";
    r.clientAuth = ClientAuthStyle(style);

    const TokenResult token = await(*m_manager, r);
    QVERIFY(token);
    QVERIFY2(token->ok(), qPrintable(token->error())); // the server decoded the same id and secret
    const Test::RecordedRequest sent = m_server->requests().constLast();
    QCOMPARE(sent.body, body);
    QCOMPARE(sent.header("Authorization"), authorization);
    QCOMPARE(sent.header("Content-Type"), contentType);
}

void TestTokenManager::wrongSecretShowsServerError()
{
    TokenRequest r = request();
    r.clientSecret = "not-the-secret";
    const TokenResult token = await(*m_manager, r);
    QVERIFY(token);
    QVERIFY(!token->ok());
    QVERIFY2(token->error().contains("Client authentication failed"), qPrintable(token->error()));
    QVERIFY2(token->error().contains("invalid_client"), qPrintable(token->error()));
    QVERIFY2(!token->error().contains("not-the-secret"), qPrintable(token->error()));
    QVERIFY(m_store->persistentValues().isEmpty());
}

void TestTokenManager::badAnswersAreNotCached_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("html from a proxy")
        << int(DigishareFixture::TokenMode::ProxyErrorPage) << "502 Bad Gateway";
    QTest::newRow("missing fields")
        << int(DigishareFixture::TokenMode::MissingFields) << "no access_token";
}

void TestTokenManager::badAnswersAreNotCached()
{
    QFETCH(int, mode);
    QFETCH(QString, expected);
    m_server->digishare().setTokenMode(DigishareFixture::TokenMode(mode));
    for (int attempt = 1; attempt <= 2; ++attempt) {
        const TokenResult token = await(*m_manager, request());
        QVERIFY(token);
        QVERIFY(!token->ok());
        QVERIFY2(token->error().contains(expected), qPrintable(token->error()));
        QVERIFY2(!token->error().contains('<'), qPrintable(token->error()));
        // Nothing was cached: the next call asks the endpoint again.
        QCOMPARE(m_server->digishare().tokenRequestCount(), attempt);
    }
    QVERIFY(m_store->persistentValues().isEmpty());
}

void TestTokenManager::plainHttpToRemoteHostRefusedBeforeAnyByte()
{
    // A listener on every interface, reached through a non-loopback address of this machine.
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::AnyIPv4));
    QSignalSpy connections(&listener, &QTcpServer::newConnection);
    QString host = "api.digishare.ma";
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()) {
            host = address.toString();
            break;
        }
    }
    TokenRequest r = request();
    r.tokenUrl
        = QUrl(QStringLiteral("http://%1:%2/v1/oauth/token").arg(host).arg(listener.serverPort()));
    const TokenResult token = await(*m_manager, r);
    QVERIFY(token);
    QVERIFY(!token->ok());
    QVERIFY2(token->error().contains("plain HTTP") && token->error().contains("https://"),
        qPrintable(token->error()));
    // Refused before any request was made: the answer came without one.
    QCOMPARE(connections.count(), 0);
    QVERIFY(!listener.hasPendingConnections());
}

void TestTokenManager::redirectIsNotFollowed()
{
    TestServer other;
    QVERIFY(other.start());
    TokenRequest r = request();
    r.tokenUrl = m_server->url("/redirect?to="
        + QString::fromLatin1(QUrl::toPercentEncoding(other.url("/v1/oauth/token").toString()))
        + "&code=307");
    const TokenResult token = await(*m_manager, r);
    QVERIFY(token);
    QVERIFY(!token->ok());
    QVERIFY2(token->error().contains("redirect"), qPrintable(token->error()));
    QCOMPARE(other.requests().size(), 0);
}

void TestTokenManager::shortLivedTokenIsRenewed()
{
    m_server->digishare().setExpiresIn(1); // inside the 60 s renewal margin at once
    const TokenResult first = await(*m_manager, request());
    const TokenResult second = await(*m_manager, request());
    QVERIFY(first && first->ok() && second && second->ok());
    QCOMPARE(m_server->digishare().tokenRequestCount(), 2);
    QVERIFY(first->value().value != second->value().value);

    m_server->digishare().setExpiresIn(3600);
    const TokenResult third = await(*m_manager, request());
    const TokenResult fourth = await(*m_manager, request());
    QVERIFY(third && third->ok() && fourth && fourth->ok());
    QCOMPARE(m_server->digishare().tokenRequestCount(), 3);
    QCOMPARE(third->value().value, fourth->value().value);
}

void TestTokenManager::concurrentCallersShareOneTokenRequest()
{
    QList<TokenResult> results(3);
    QObject context;
    for (int i = 0; i < 3; ++i)
        m_manager->token(
            request(), &context, [&results, i](const Result<AccessToken> &t) { results[i] = t; });
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(results.begin(), results.end(),
                                 [](const TokenResult &r) { return r.has_value(); }),
        10'000);
    QCOMPARE(m_server->digishare().tokenRequestCount(), 1);
    for (const TokenResult &r : results) {
        QVERIFY(r->ok());
        QCOMPARE(r->value().value, results.constFirst()->value().value);
    }
}

void TestTokenManager::cachedInStoreAcrossManagers()
{
    const TokenResult first = await(*m_manager, request());
    QVERIFY(first && first->ok());
    QTRY_COMPARE(m_store->persistentValues().size(), 1);
    const QString key = m_store->persistentValues().keys().constFirst();
    QCOMPARE(key, request().cacheKey());
    QVERIFY(key.startsWith("oauth-token/"));
    QVERIFY(!key.contains("test-client-id"));

    // A new session (new manager, same keychain) reuses the stored token.
    TokenManager later(m_executor.get(), m_store.get());
    const TokenResult again = await(later, request());
    QVERIFY(again && again->ok());
    QCOMPARE(again->value().value, first->value().value);
    QCOMPARE(m_server->digishare().tokenRequestCount(), 1);

    // "Forget token": gone from memory and the store; the next call asks the endpoint.
    later.forget(request());
    QTRY_VERIFY(m_store->persistentValues().isEmpty());
    const TokenResult fresh = await(later, request());
    QVERIFY(fresh && fresh->ok());
    QCOMPARE(m_server->digishare().tokenRequestCount(), 2);
    QVERIFY(fresh->value().value != first->value().value);

    // Different scope, different cache entry.
    TokenRequest scoped = request();
    scoped.scope = "read";
    QVERIFY(scoped.cacheKey() != request().cacheKey());
}

QTEST_GUILESS_MAIN(TestTokenManager)
#include "TestTokenManager.moc"
