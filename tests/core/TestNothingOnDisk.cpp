// A scripted session with a PAT and an OAuth client: afterwards no file anywhere under the test's
// HOME, the collection folder or the reports holds a secret or an access token.
#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialProfile.h"
#include "app/auth/TokenManager.h"
#include "app/formats/PostmanWriter.h"
#include "app/http/HttpExecutor.h"
#include "app/runner/CollectionRunner.h"
#include "app/runner/JsonReporter.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/secrets/SecretKey.h"
#include "tests/support/TestPaths.h"
#include "tests/support/TestServer.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;
using Playground::Test::TestServer;

namespace {

const QString Pat = "dgs_test_personal_access_token";
const QString ClientSecret = "client-s3cret:+%\xC3\xA9";

CollectionItem folder(const QString &name, const AuthSpec &auth, const QString &url)
{
    CollectionItem f;
    f.isFolder = true;
    f.name = name;
    f.auth = auth;
    CollectionItem r;
    r.name = "list campaigns";
    r.request.url = UrlSpec::fromRaw(url);
    f.children.append(r);
    return f;
}

} // namespace

class TestNothingOnDisk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void scriptedSession();

private:
    QTemporaryDir m_root;
    QString m_home;
};

void TestNothingOnDisk::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_home = m_root.filePath("home");
    for (const char *dir : { "home", "home/.config", "home/.local/share", "home/.cache",
             "home/.local/state", "collection", "reports" })
        QVERIFY(QDir().mkpath(m_root.filePath(QString::fromLatin1(dir))));
    // Everything this process and its children write goes under the temporary HOME.
    qputenv("HOME", m_home.toUtf8());
    qputenv("XDG_CONFIG_HOME", (m_home + "/.config").toUtf8());
    qputenv("XDG_DATA_HOME", (m_home + "/.local/share").toUtf8());
    qputenv("XDG_CACHE_HOME", (m_home + "/.cache").toUtf8());
    qputenv("XDG_STATE_HOME", (m_home + "/.local/state").toUtf8());
    qputenv("TMPDIR", m_root.filePath("home").toUtf8());
}

void TestNothingOnDisk::scriptedSession()
{
    TestServer server;
    QVERIFY(server.start());
    server.digishare().setClientCredentials("client-id", ClientSecret.toUtf8());

    Collection collection;
    collection.name = "Digishare";
    collection.postmanId = "0d6f3c1e-nothing-on-disk";
    Variable base;
    base.key = "base";
    base.value = server.baseUrl();
    collection.variables = { base };
    collection.items = {
        folder("pat", CredentialProfile::personalAccessToken("pat", server.url("/")).toAuthSpec(),
            "{{base}}/v1/campaigns"),
        folder("oauth",
            CredentialProfile::clientCredentials(
                "client-id", "clientSecret", "{{base}}/v1/oauth/token")
                .toAuthSpec(),
            "{{base}}/v1/campaigns"),
    };

    // The user pastes the PAT and the client secret once: they go to the secret store.
    MemorySecretStore store;
    QObject context;
    int written = 0;
    store.write(CollectionSecrets::keyFor(collection, "pat").value(), Pat, &context,
        [&](const SecretResult &r) { written += r.ok; });
    store.write(CollectionSecrets::keyFor(collection, "clientSecret").value(), ClientSecret,
        &context, [&](const SecretResult &r) { written += r.ok; });
    QTRY_COMPARE(written, 2);

    // Send both requests in-process, with the secrets read back from the store.
    VariableList secrets;
    for (const QString &name : { QString("pat"), QString("clientSecret") }) {
        const SecretResult r
            = store.readBlocking(CollectionSecrets::keyFor(collection, name).value(), 5000);
        QVERIFY(r.ok && r.value);
        Variable v;
        v.key = name;
        v.value = *r.value;
        v.type = "secret";
        secrets.append(v);
    }
    HttpExecutor executor;
    TokenManager tokens(&executor, &store);
    CollectionRunner runner(collection, &executor);
    runner.setTokenManager(&tokens);
    runner.setOverrides(secrets);
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(done.wait(15'000));
    QCOMPARE(runner.results().size(), 2);
    for (const RunResult &r : runner.results())
        QVERIFY2(r.exchange.status == 200, qPrintable(r.fullName() + ": " + r.failureMessage()));
    QCOMPARE(server.digishare().issuedTokens().size(), 1);

    // Save the collection and an in-process JSON report.
    const QString collectionFile = m_root.filePath("collection/digishare.postman_collection.json");
    QVERIFY(PostmanWriter::writeCollectionFile(collectionFile, collection).ok());
    QFile report(m_root.filePath("reports/in-process.json"));
    QVERIFY(report.open(QIODevice::WriteOnly));
    report.write(JsonReporter().render({ collection.name, runner.results(), 1 }).value());
    report.close();

    // Run the saved file headless, secrets from the environment (no keychain in this session).
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DBUS_SESSION_BUS_ADDRESS");
    env.insert("XDG_RUNTIME_DIR", m_root.filePath("home"));
    env.insert("PLAYGROUND_VAR_pat", Pat);
    env.insert("PLAYGROUND_VAR_clientSecret", ClientSecret);
    cli.setProcessEnvironment(env);
    QSignalSpy exited(&cli, &QProcess::finished);
    cli.start(Test::playgroundBinary(),
        { "run", collectionFile, "--reporter", "json", "--out",
            m_root.filePath("reports/cli.json") });
    QVERIFY(
        exited.wait(15'000)); // the server answers from this event loop: wait without blocking it
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QFile cliReport(m_root.filePath("reports/cli.json"));
    QVERIFY(cliReport.open(QIODevice::ReadOnly));
    const QByteArray cliJson = cliReport.readAll();
    QVERIFY2(cliJson.contains("200"), cliJson.constData());
    QCOMPARE(server.digishare().issuedTokens().size(), 2);
    QVERIFY(!cli.readAllStandardOutput().contains(Pat.toUtf8()));

    // The saved file refers to the secrets by name only.
    QFile saved(collectionFile);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray savedJson = saved.readAll();
    QVERIFY(savedJson.contains("{{pat}}"));
    QVERIFY(savedJson.contains("{{clientSecret}}"));

    // Not one copy of any secret or token in any file under the root.
    QList<QByteArray> needles
        = { Pat.toUtf8(), ClientSecret.toUtf8(), QUrl::toPercentEncoding(ClientSecret) };
    for (const QByteArray &token : server.digishare().issuedTokens())
        needles.append(token);
    int files = 0;
    QDirIterator it(
        m_root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = f.readAll();
        ++files;
        for (const QByteArray &needle : needles)
            QVERIFY2(!content.contains(needle),
                qPrintable(QStringLiteral("a secret is in %1").arg(path)));
    }
    QVERIFY(files >= 3); // the collection and both reports were searched
}

QTEST_GUILESS_MAIN(TestNothingOnDisk)
#include "TestNothingOnDisk.moc"
