// `api-playground secrets` and `run` with keychain secrets, as a user would type them. Runs under
// tests/support/with-keyring.sh (a private D-Bus session with a throw-away gnome-keyring).
#include "app/auth/CredentialProfile.h"
#include "app/formats/PostmanWriter.h"
#include "tests/support/PlaygroundProcess.h"
#include "tests/support/TestPaths.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;
using Playground::Test::TestServer;

namespace {

using Outcome = Test::ProcessResult;

} // namespace

class TestSecretsCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void setListRunDelete();
    void valueNeverFromArguments();
    void withoutSessionBus();
    void unboundSecretIsNeverStored();
    void environmentSecretFromTheKeychain();

private:
    Outcome cli(const QStringList &args, const QByteArray &stdinBytes = {}, bool withBus = true);

    QTemporaryDir m_dir;
    QString m_collection;
    TestServer m_server;
};

void TestSecretsCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start());
    Collection c;
    c.name = "Secrets";
    c.postmanId = "5e1c2f00-secrets-command";
    c.auth = CredentialProfile::personalAccessToken("pat", m_server.url("/")).toAuthSpec();
    CollectionItem oauth;
    oauth.isFolder = true;
    oauth.name = "oauth";
    oauth.auth = CredentialProfile::clientCredentials(
        "test-client-id", "clientSecret", m_server.url("/v1/oauth/token").toString())
                     .toAuthSpec();
    CollectionItem list;
    list.name = "list";
    list.request.url = UrlSpec::fromRaw(m_server.url("/v1/campaigns").toString());
    oauth.children = { list };
    c.items = { list, oauth };
    m_collection = m_dir.filePath("secrets.postman_collection.json");
    QVERIFY(PostmanWriter::writeCollectionFile(m_collection, c).ok());
}

Outcome TestSecretsCommand::cli(const QStringList &args, const QByteArray &stdinBytes, bool withBus)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!withBus) {
        env.remove("DBUS_SESSION_BUS_ADDRESS");
        env.insert("XDG_RUNTIME_DIR", m_dir.path());
    }
    return Test::runPlayground(args, env, stdinBytes);
}

void TestSecretsCommand::setListRunDelete()
{
    if (qgetenv("PLAYGROUND_KEYRING_STATE") != "unlocked")
        QSKIP("needs tests/support/with-keyring.sh");
    const QByteArray pat = "dgs_test_personal_access_token";

    Outcome o = cli({ "secrets", "set", m_collection, "pat" }, pat + "\n");
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY(o.out.contains("pat: stored in the system keychain"));

    o = cli({ "secrets", "list", m_collection });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY2(o.out.contains("pat\tsystem keychain\n"), o.out.constData());
    QVERIFY2(o.out.contains("clientSecret\tnot stored\n"), o.out.constData());
    QVERIFY(!o.out.contains(pat) && !o.err.contains(pat));

    // run takes the PAT from the keychain (the trailing newline of stdin was not stored).
    o = cli({ "run", m_collection, "--folder", "oauth" });
    QCOMPARE(o.exitCode, 2); // the OAuth folder's client secret is stored nowhere
    QVERIFY2(o.err.contains("missing secret: clientSecret"), o.err.constData());
    o = cli(
        { "run", m_collection, "--reporter", "json", "--var", "clientSecret=test-client-secret" });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(m_server.requests().constFirst().header("Authorization"), "Bearer " + pat);
    QCOMPARE(m_server.digishare().tokenRequestCount(), 1);
    QVERIFY(
        !o.out.contains(pat) && !o.out.contains(m_server.digishare().issuedTokens().constFirst()));

    o = cli({ "secrets", "delete", m_collection, "pat" });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    o = cli({ "secrets", "list", m_collection });
    QVERIFY2(o.out.contains("pat\tnot stored\n"), o.out.constData());
    o = cli({ "run", m_collection });
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("missing secrets: pat, clientSecret"), o.err.constData());
}

void TestSecretsCommand::valueNeverFromArguments()
{
    const Outcome o = cli({ "secrets", "set", m_collection, "pat", "the-value" });
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("read from stdin"), o.err.constData());
}

void TestSecretsCommand::unboundSecretIsNeverStored()
{
    if (qgetenv("PLAYGROUND_KEYRING_STATE") != "unlocked")
        QSKIP("needs tests/support/with-keyring.sh");
    // The base URL only in an environment file (a usual Postman layout): the file itself ties the
    // token to no origin. Stored, any copy with the id could send it anywhere; so it is refused.
    Collection c;
    c.name = "Unbound";
    c.postmanId = "5e1c2f00-unbound";
    AuthSpec bearer;
    bearer.type = "bearer";
    bearer.setParam("token", QStringLiteral("{{token}}"));
    c.auth = bearer;
    CollectionItem item;
    item.name = "list";
    item.request.url = UrlSpec::fromRaw("{{baseUrl}}/v1/campaigns");
    c.items = { item };
    const QString path = m_dir.filePath("unbound.postman_collection.json");
    QVERIFY(PostmanWriter::writeCollectionFile(path, c).ok());
    const Outcome o = cli({ "secrets", "set", path, "token" }, "SUPERSECRETPAT123\n");
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("not tied to an origin"), o.err.constData());
    QVERIFY2(o.err.contains("baseUrl"), o.err.constData());
    // And a copy pointing elsewhere finds nothing to send.
    c.items[0].request.url = UrlSpec::fromRaw(m_server.url("/echo").toString());
    QVERIFY(PostmanWriter::writeCollectionFile(path, c).ok());
    const Outcome run = cli({ "run", path });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("missing secret"), run.err.constData());
    QCOMPARE(m_server.count("/echo"), 0);
}

void TestSecretsCommand::environmentSecretFromTheKeychain()
{
    if (qgetenv("PLAYGROUND_KEYRING_STATE") != "unlocked")
        QSKIP("needs tests/support/with-keyring.sh");
    // An environment as the window saves it: the secret's name with an empty value.
    Environment e;
    e.id = "e1c2f00-env-secrets";
    e.name = "Local";
    Variable base, key;
    base.key = "baseUrl";
    base.value = m_server.baseUrl();
    key.key = "apiKey";
    key.type = "secret";
    e.values = { base, key };
    const QString envPath = m_dir.filePath("local.postman_environment.json");
    QVERIFY(PostmanWriter::writeEnvironmentFile(envPath, e).ok());
    Collection c;
    c.name = "Env";
    CollectionItem item;
    item.name = "keyed";
    item.request.url = UrlSpec::fromRaw("{{baseUrl}}/echo");
    item.request.headers = { KeyValue { "X-Api-Key", "{{apiKey}}" } };
    c.items = { item };
    const QString path = m_dir.filePath("env.postman_collection.json");
    QVERIFY(PostmanWriter::writeCollectionFile(path, c).ok());

    Outcome o = cli({ "run", path, "--env", envPath });
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("missing secret: apiKey") && o.err.contains(envPath.toUtf8()),
        o.err.constData());

    o = cli({ "secrets", "set", envPath, "apiKey" }, "k-env-from-keychain\n");
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QFile file(envPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("k-env-from-keychain"));
    o = cli({ "secrets", "list", envPath });
    QVERIFY2(o.out.contains("apiKey\tsystem keychain\n"), o.out.constData());

    o = cli({ "run", path, "--env", envPath });
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(m_server.requests().constLast().header("X-Api-Key"), "k-env-from-keychain");
    QVERIFY(!o.out.contains("k-env-from-keychain") && !o.err.contains("k-env-from-keychain"));
}

void TestSecretsCommand::withoutSessionBus()
{
    Outcome o = cli({ "secrets", "set", m_collection, "pat" }, "value\n", false);
    QCOMPARE(o.exitCode, 1);
    QCOMPARE(o.err.count('\n'), 1);
    QVERIFY2(o.err.contains("no D-Bus session bus") && o.err.contains("nothing stored"),
        o.err.constData());
    o = cli({ "secrets", "list", m_collection }, {}, false);
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.out.contains("pat\tkeychain unavailable"), o.out.constData());
    o = cli({ "run", m_collection }, {}, false);
    QCOMPARE(o.exitCode, 2);
    QVERIFY2(o.err.contains("PLAYGROUND_VAR_pat") && o.err.contains("no D-Bus session bus"),
        o.err.constData());
}

QTEST_GUILESS_MAIN(TestSecretsCommand)
#include "TestSecretsCommand.moc"
