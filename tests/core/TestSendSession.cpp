#include "app/auth/CredentialProfile.h"
#include "app/auth/TokenManager.h"
#include "app/http/HttpExecutor.h"
#include "app/policy/CredentialPolicy.h"
#include "app/runner/CollectionRunner.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/send/SendSession.h"
#include "tests/support/TestServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace Playground;
using Playground::Test::RecordedRequest;
using Playground::Test::Reply;
using Playground::Test::TestServer;

namespace {

CollectionItem requestItem(const QString &name, const QString &url)
{
    CollectionItem item;
    item.name = name;
    item.request.url = UrlSpec::fromRaw(url);
    return item;
}

Variable variable(const QString &key, const QString &value)
{
    Variable v;
    v.key = key;
    v.value = value;
    return v;
}

QString redirectTo(TestServer &from, const QUrl &to)
{
    return from
        .url("/redirect?to=" + QString::fromLatin1(QUrl::toPercentEncoding(to.toString()))
            + "&code=302")
        .toString();
}

} // namespace

class TestSendSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void oauthTokenAttachedAndReused();
    void unauthorizedFetchesOneNewTokenAndRetriesOnce();
    void unauthorizedRetriesNeverLoop();
    void threeConcurrentSendsShareOneTokenRequest();
    void tokenFailureIsReportedAndNothingSent();
    void otherOriginGetsNoAuthorization();
    void crossOriginRedirectDropsAuthorization();
    void allowedSecondOriginKeepsAuthorization();
    void patBoundToItsOrigin();
    void importedBearerBoundToTheBaseUrl();
    void keychainSecretNotSentWhereAnEnvironmentPointsElsewhere();
    void cachedTokenOnlyForTheSecretAndOriginsThatFetchedIt();

private:
    QList<RunResult> run(const Collection &collection,
        const QString &clientSecret = QStringLiteral("test-client-secret"));
    Collection oauthCollection(const QList<CollectionItem> &items) const;

    std::unique_ptr<TestServer> m_api; ///< the API and its token endpoint
    std::unique_ptr<TestServer> m_other; ///< another origin
    std::unique_ptr<HttpExecutor> m_executor;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<TokenManager> m_tokens;
};

void TestSendSession::init()
{
    m_api = std::make_unique<TestServer>();
    m_other = std::make_unique<TestServer>();
    QVERIFY(m_api->start());
    QVERIFY(m_other->start());
    QVERIFY(m_api->port() != m_other->port());
    m_executor = std::make_unique<HttpExecutor>();
    m_store = std::make_unique<MemorySecretStore>();
    m_tokens = std::make_unique<TokenManager>(m_executor.get(), m_store.get());
}

void TestSendSession::cleanup()
{
    m_tokens.reset();
    m_store.reset();
    m_executor.reset();
    m_other.reset();
    m_api.reset();
}

Collection TestSendSession::oauthCollection(const QList<CollectionItem> &items) const
{
    Collection c;
    c.name = "oauth";
    c.postmanId = "c-1";
    c.auth = CredentialProfile::clientCredentials(
        "test-client-id", "clientSecret", "{{base}}/v1/oauth/token")
                 .toAuthSpec();
    c.variables = { variable("base", m_api->baseUrl()) };
    c.items = items;
    return c;
}

QList<RunResult> TestSendSession::run(const Collection &collection, const QString &clientSecret)
{
    CollectionRunner runner(collection, m_executor.get());
    runner.setTokenManager(m_tokens.get());
    Variable secret = variable("clientSecret", clientSecret);
    secret.type = "secret";
    runner.setOverrides({ secret });
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    if (!done.wait(15'000))
        return {};
    return runner.results();
}

void TestSendSession::oauthTokenAttachedAndReused()
{
    const Collection c = oauthCollection({ requestItem("one", "{{base}}/v1/campaigns"),
        requestItem("two", "{{base}}/v1/campaigns") });
    const QList<RunResult> results = run(c);
    QCOMPARE(results.size(), 2);
    for (const RunResult &r : results) {
        QVERIFY2(!r.failed(), qPrintable(r.failureMessage()));
        QCOMPARE(r.exchange.status, 200);
        // Recorded exchanges never hold the token or the secret.
        for (const HeaderPair &h : r.exchange.requestHeaders)
            QVERIFY(!h.second.contains("dgs_at_"));
    }
    QCOMPARE(m_api->digishare().tokenRequestCount(), 1);
    const QByteArray token = m_api->digishare().issuedTokens().constFirst();
    for (const RecordedRequest &sent : m_api->requests()) {
        if (sent.path == "/v1/campaigns")
            QCOMPARE(sent.header("Authorization"), "Bearer " + token);
    }
}

void TestSendSession::unauthorizedFetchesOneNewTokenAndRetriesOnce()
{
    const Collection c = oauthCollection({ requestItem("list", "{{base}}/v1/campaigns") });
    QCOMPARE(run(c).constFirst().exchange.status, 200);
    QCOMPARE(m_api->digishare().tokenRequestCount(), 1);

    m_api->digishare().invalidateIssuedTokens(); // revoked on the server; still cached here
    const QList<RunResult> results = run(c);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.constFirst().exchange.status, 200);
    QCOMPARE(m_api->digishare().tokenRequestCount(), 2); // exactly one new token request
    QCOMPARE(m_api->count("/v1/campaigns"), 3); // first run, then the 401 and its one retry
    QVERIFY(results.constFirst().exchange.warnings.join(' ').contains("401"));
}

void TestSendSession::unauthorizedRetriesNeverLoop()
{
    m_api->route("/v1/campaigns", [](const RecordedRequest &) {
        return Reply::json(401, { { "error", "unauthenticated" } });
    });
    const QList<RunResult> results
        = run(oauthCollection({ requestItem("list", "{{base}}/v1/campaigns") }));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.constFirst().exchange.status, 401);
    QCOMPARE(m_api->count("/v1/campaigns"), 2);
    QCOMPARE(m_api->digishare().tokenRequestCount(), 2);
}

void TestSendSession::threeConcurrentSendsShareOneTokenRequest()
{
    const Collection c = oauthCollection({});
    VariableScopes scopes;
    scopes.addScope(c.variables);
    scopes.set("clientSecret", "test-client-secret", true);
    RequestSpec spec;
    spec.url = UrlSpec::fromRaw("{{base}}/v1/campaigns");
    QList<SendSession *> runs;
    for (int i = 0; i < 3; ++i)
        runs.append(
            new SendSession(m_executor.get(), m_tokens.get(), spec, *c.auth, scopes, {}, this));
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (SendSession *r : runs) {
        spies.append(std::make_shared<QSignalSpy>(r, &SendSession::finished));
        r->start();
    }
    for (const auto &spy : spies)
        QVERIFY(spy->count() > 0 || spy->wait(10'000));
    QCOMPARE(m_api->digishare().tokenRequestCount(), 1);
    for (SendSession *r : runs) {
        QCOMPARE(r->exchange().status, 200);
        delete r;
    }
}

void TestSendSession::tokenFailureIsReportedAndNothingSent()
{
    Collection c = oauthCollection({ requestItem("list", "{{base}}/v1/campaigns") });
    m_api->digishare().setClientCredentials("test-client-id", "another-secret");
    const QList<RunResult> results = run(c);
    QCOMPARE(results.size(), 1);
    QVERIFY(results.constFirst().failed());
    QVERIFY2(results.constFirst().resolveError.contains("Client authentication failed"),
        qPrintable(results.constFirst().resolveError));
    QCOMPARE(m_api->count("/v1/campaigns"), 0);
}

void TestSendSession::otherOriginGetsNoAuthorization()
{
    // The profile is bound to the token URL's origin; this request goes elsewhere.
    const Collection c
        = oauthCollection({ requestItem("elsewhere", m_other->url("/echo").toString()) });
    const QList<RunResult> results = run(c);
    QCOMPARE(results.constFirst().exchange.status, 200);
    QCOMPARE(m_other->requests().size(), 1);
    QVERIFY(!m_other->requests().constFirst().hasHeader("Authorization"));
    QCOMPARE(m_api->digishare().tokenRequestCount(), 0); // not even fetched
    QVERIFY(results.constFirst().exchange.warnings.join(' ').contains(
        "not among the profile's allowed origins"));
}

void TestSendSession::crossOriginRedirectDropsAuthorization()
{
    const Collection c
        = oauthCollection({ requestItem("hop", redirectTo(*m_api, m_other->url("/echo"))) });
    const QList<RunResult> results = run(c);
    QCOMPARE(results.constFirst().exchange.status, 200);
    const RecordedRequest first = m_api->requests().constLast();
    QCOMPARE(first.path, QByteArray("/redirect"));
    QVERIFY(first.header("Authorization").startsWith("Bearer dgs_at_"));
    QCOMPARE(m_other->requests().size(), 1);
    QVERIFY(!m_other->requests().constFirst().raw.toLower().contains("authorization"));
    QVERIFY(!m_other->requests().constFirst().raw.contains("dgs_at_"));
    QVERIFY(results.constFirst().exchange.hops.constFirst().credentialsDropped);
}

void TestSendSession::allowedSecondOriginKeepsAuthorization()
{
    Collection c
        = oauthCollection({ requestItem("hop", redirectTo(*m_api, m_other->url("/echo"))) });
    CredentialProfile profile = *CredentialProfile::fromAuthSpec(*c.auth);
    profile.allowedOrigins = { m_api->baseUrl(), m_other->baseUrl() };
    c.auth = profile.toAuthSpec();
    QCOMPARE(run(c).constFirst().exchange.status, 200);
    QCOMPARE(m_other->requests().constFirst().header("Authorization"),
        "Bearer " + m_api->digishare().issuedTokens().constFirst());
}

void TestSendSession::patBoundToItsOrigin()
{
    Collection c;
    c.name = "pat";
    c.auth = CredentialProfile::personalAccessToken("pat", m_api->url("/")).toAuthSpec();
    c.variables = { variable("pat", "dgs_test_personal_access_token") };
    c.items = { requestItem("mine", m_api->url("/v1/campaigns").toString()),
        requestItem("theirs", m_other->url("/echo").toString()),
        requestItem("hop", redirectTo(*m_api, m_other->url("/echo"))) };
    const QList<RunResult> results = run(c);
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).exchange.status, 200);
    QCOMPARE(m_api->requests().constFirst().header("Authorization"),
        QByteArray("Bearer dgs_test_personal_access_token"));
    QCOMPARE(m_other->requests().size(), 2);
    for (const RecordedRequest &sent : m_other->requests())
        QVERIFY(!sent.raw.contains("dgs_test_personal_access_token"));
}

void TestSendSession::importedBearerBoundToTheBaseUrl()
{
    // A Postman bearer auth saved without origins (as every other tool writes it).
    Collection c;
    c.name = "imported";
    AuthSpec bearer;
    bearer.type = "bearer";
    bearer.setParam("token", QStringLiteral("{{pat}}"));
    c.auth = bearer;
    c.variables = { variable("pat", "dgs_test_personal_access_token"),
        variable("baseUrl", m_api->baseUrl()) };
    c.items = { requestItem("mine", "{{baseUrl}}/v1/campaigns"),
        requestItem("elsewhere", m_other->url("/echo").toString()) };
    const QList<RunResult> results = run(c);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).exchange.status, 200);
    QCOMPARE(m_other->requests().size(), 1);
    QVERIFY(!m_other->requests().constFirst().hasHeader("Authorization"));
    QVERIFY(results.at(1).exchange.warnings.join(' ').contains(
        "not among the profile's allowed origins"));
}

void TestSendSession::keychainSecretNotSentWhereAnEnvironmentPointsElsewhere()
{
    Collection c;
    c.name = "legit";
    AuthSpec bearer;
    bearer.type = "bearer";
    bearer.setParam("token", QStringLiteral("{{pat}}"));
    c.auth = bearer;
    c.variables = { variable("baseUrl", m_api->baseUrl()) };
    c.items = { requestItem("campaigns", "{{baseUrl}}/v1/campaigns") };
    Environment hostile;
    hostile.values = { variable("baseUrl", m_other->baseUrl()) };

    CollectionRunner runner(c, m_executor.get());
    runner.setTokenManager(m_tokens.get());
    runner.setEnvironment(hostile);
    Variable pat = variable("pat", "dgs_test_personal_access_token");
    pat.type = "secret";
    runner.setOverrides({ pat });
    // As `run` does for a value read from the keychain.
    runner.setSecretBindings({ { "pat", { CredentialPolicy::origin(m_api->url("/")) } } });
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(done.wait(15'000));
    QCOMPARE(runner.results().size(), 1);
    QVERIFY(runner.results().first().failed());
    QVERIFY2(runner.results().first().exchange.error.contains("stored for"),
        qPrintable(runner.results().first().exchange.error));
    QCOMPARE(m_other->requests().size(), 0);
}

void TestSendSession::cachedTokenOnlyForTheSecretAndOriginsThatFetchedIt()
{
    // The real collection fetches and caches a token.
    QCOMPARE(run(oauthCollection({ requestItem("list", "{{base}}/v1/campaigns") }))
                 .constFirst()
                 .exchange.status,
        200);
    QCOMPARE(m_api->digishare().tokenRequestCount(), 1);

    // Another file: another id, the same token URL, client id and scope, a wrong secret, and its
    // allowed origins pointing at its own server. It must not receive the cached token.
    Collection other = oauthCollection({ requestItem("steal", m_other->url("/echo").toString()) });
    other.postmanId = "attacker";
    CredentialProfile profile = CredentialProfile::clientCredentials(
        "test-client-id", "clientSecret", m_api->baseUrl() + "/v1/oauth/token");
    profile.allowedOrigins = { m_other->baseUrl() };
    other.auth = profile.toAuthSpec();
    const QList<RunResult> results = run(other, QStringLiteral("a-wrong-secret"));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.constFirst().exchange.failure, FailureKind::NoToken);
    QCOMPARE(m_api->digishare().tokenRequestCount(), 2); // it had to prove the secret, and failed
    QCOMPARE(m_other->requests().size(), 0);

    // The right secret but other origins: a token of its own, never the cached one.
    const QList<RunResult> again = run(other);
    QCOMPARE(again.constFirst().exchange.status, 200);
    QCOMPARE(m_api->digishare().tokenRequestCount(), 3);
}

QTEST_GUILESS_MAIN(TestSendSession)
#include "TestSendSession.moc"
