// A server that echoes a secret back (an OAuth error body quoting the token request, a reason
// phrase quoting a header): `api-playground run` never prints it, neither on stderr nor in the
// report.
#include "tests/support/PlaygroundProcess.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Playground::Test::ProcessResult;
using Playground::Test::RecordedRequest;
using Playground::Test::Reply;
using Playground::Test::runPlayground;
using Playground::Test::TestServer;

namespace {

const QByteArray Secret = "QsEcReT-9f8e7d6c5b4a";
/** Enough of the secret to matter if an error message cut to length showed its beginning. */
const QByteArray SecretStart = Secret.left(6);

QJsonObject param(const QString &key, const QString &value)
{
    return QJsonObject { { "key", key }, { "value", value }, { "type", "string" } };
}

QString writeJson(const QTemporaryDir &dir, const QString &name, const QJsonObject &root)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QJsonDocument(root).toJson());
    return f.fileName();
}

QJsonObject info()
{
    return QJsonObject { { "name", "echoes" }, { "_postman_id", "echo-test" },
        { "schema", "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" } };
}

} // namespace

class TestSecretEchoes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void tokenErrorEchoingTheRequest_data();
    void tokenErrorEchoingTheRequest();
    void reasonPhraseEchoingAHeader();

private:
    TestServer m_server;
    QTemporaryDir m_dir;
};

void TestSecretEchoes::init()
{
    m_server.close();
    m_server.clear();
    QVERIFY(m_server.start());
}

void TestSecretEchoes::tokenErrorEchoingTheRequest_data()
{
    QTest::addColumn<QString>("style");
    QTest::newRow("json body") << "json";
    QTest::newRow("form body") << "form";
    QTest::newRow("http basic") << "basic";
}

void TestSecretEchoes::tokenErrorEchoingTheRequest()
{
    QFETCH(QString, style);
    // The whole request echoed in error, and its body again at the end of a long description, so
    // the 200-character cut falls inside the secret.
    m_server.route("/token-echo", [](const RecordedRequest &request) {
        const QString body = QString::fromUtf8(request.body);
        const QString head = QString::fromUtf8(request.header("Authorization"));
        return Reply::json(401,
            QJsonObject { { "error", "invalid_client: " + body + " " + head },
                { "error_description", QString(190, 'x') + body.mid(body.indexOf("secret")) } });
    });
    const QJsonObject auth { { "type", "oauth2" },
        { "oauth2",
            QJsonArray { param("grant_type", "client_credentials"),
                param("accessTokenUrl", m_server.baseUrl() + "/token-echo"),
                param("clientId", "client-1"), param("clientSecret", "{{clientSecret}}"),
                param("playgroundClientAuthentication", style) } } };
    const QString path = writeJson(m_dir, "oauth.json",
        QJsonObject { { "info", info() }, { "auth", auth },
            { "item",
                QJsonArray { QJsonObject { { "name", "campaigns" },
                    { "request",
                        QJsonObject { { "method", "GET" },
                            { "url", m_server.baseUrl() + "/echo" } } } } } } });
    const QString out = m_dir.filePath("oauth-report.json");
    const ProcessResult r = runPlayground({ "run", path, "--var",
        "clientSecret=" + QString::fromLatin1(Secret), "--reporter", "json", "--out", out });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(m_server.count("/token-echo"), 1); // the server did get the secret, and echoed it
    QVERIFY2(
        r.err.contains("The token endpoint refused (HTTP 401): invalid_client"), r.err.constData());
    QVERIFY2(!r.err.contains(SecretStart), r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray report = f.readAll();
    QVERIFY2(report.contains("invalid_client"), report.constData());
    QVERIFY2(!report.contains(SecretStart), report.constData());
    QVERIFY(!report.contains(("client-1:" + Secret).toBase64().left(20))); // a Basic header echoed
}

void TestSecretEchoes::reasonPhraseEchoingAHeader()
{
    m_server.route("/reason-echo", [](const RecordedRequest &request) {
        Reply reply = Reply::text(403, "no\n");
        reply.reason = "Forbidden key " + request.header("X-Api-Key");
        return reply;
    });
    const QJsonObject request { { "method", "GET" }, { "url", m_server.baseUrl() + "/reason-echo" },
        { "header",
            QJsonArray { QJsonObject { { "key", "X-Api-Key" }, { "value", "{{key}}" } } } } };
    const QString path = writeJson(m_dir, "reason.json",
        QJsonObject { { "info", info() },
            { "item",
                QJsonArray { QJsonObject { { "name", "keyed" }, { "request", request } } } } });
    const QString env = writeJson(m_dir, "env.json",
        QJsonObject { { "name", "e" },
            { "values",
                QJsonArray { QJsonObject { { "key", "key" }, { "value", "" }, { "type", "secret" },
                    { "enabled", true } } } } });
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("PLAYGROUND_VAR_key", QString::fromLatin1(Secret));
    const QString out = m_dir.filePath("reason-report.xml");
    const ProcessResult r = runPlayground(
        { "run", path, "--env", env, "--reporter", "junit", "--out", out }, environment);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(m_server.requests().constFirst().header("X-Api-Key"), Secret); // sent...
    QVERIFY2(r.err.contains("403 Forbidden key ***"), r.err.constData()); // ...shown masked
    QVERIFY2(!r.err.contains(SecretStart), r.err.constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray report = f.readAll();
    QVERIFY2(report.contains("HTTP 403 Forbidden key ***"), report.constData());
    QVERIFY2(!report.contains(SecretStart), report.constData());
}

QTEST_GUILESS_MAIN(TestSecretEchoes)
#include "TestSecretEchoes.moc"
