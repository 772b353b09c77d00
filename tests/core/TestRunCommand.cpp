// `api-playground run` as a user runs it: a real process against a loopback server.
#include "tests/support/PlaygroundProcess.h"
#include "tests/support/TestPaths.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using Playground::Test::ProcessResult;
using Playground::Test::runPlayground;
using Playground::Test::TestServer;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return f.fileName();
}

QJsonObject requestItem(
    const QString &name, const QString &method, const QString &url, const QJsonObject &extra = {})
{
    QJsonObject request = extra;
    request.insert("method", method);
    request.insert("url", url);
    return QJsonObject { { "name", name }, { "request", request } };
}

QByteArray collection(const QJsonArray &items, const QJsonObject &extra = {})
{
    QJsonObject root = extra;
    root.insert("info",
        QJsonObject { { "name", "Run test" },
            { "schema", "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" } });
    root.insert("item", items);
    return QJsonDocument(root).toJson();
}

} // namespace

class TestRunCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void allPassedExitsZeroWithOneConnection();
    void httpErrorFailsUnlessAllowed();
    void unresolvedVariableFailsAndNamesIt();
    void badInputExitsTwo_data();
    void badInputExitsTwo();
    void jsonReport();
    void environmentSecretComesFromOutsideTheFile();
    void junitReport();
    void folderSelectsRequests();
    void scriptsNotedOnce();
    void tlsStrictByDefaultCaOrInsecureOnRequest();
    void versionAndNoDisplay();

private:
    TestServer m_server;
    QTemporaryDir m_dir;
};

void TestRunCommand::init()
{
    m_server.close();
    m_server.clear();
    QVERIFY(m_server.start());
}

void TestRunCommand::allPassedExitsZeroWithOneConnection()
{
    QJsonArray items;
    for (int i = 0; i < 5; ++i)
        items.append(requestItem(
            QStringLiteral("r%1").arg(i), "GET", "{{base}}/echo?i=" + QString::number(i)));
    const QString path = writeFile(m_dir, "ok.json", collection(items));
    const ProcessResult r = runPlayground({ "run", path, "--var", "base=" + m_server.baseUrl() });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("5 request(s), 5 passed, 0 failed"), r.out.constData());
    QVERIFY2(r.err.contains("[5/5] GET r4"), r.err.constData());
    QCOMPARE(m_server.requests().size(), 5);
    QCOMPARE(m_server.requests().at(3).target, QByteArray("/echo?i=3"));
    QCOMPARE(m_server.connectionCount(), 1);
}

void TestRunCommand::httpErrorFailsUnlessAllowed()
{
    const QString path = writeFile(m_dir, "500.json",
        collection({ requestItem("fine", "GET", "{{base}}/echo"),
            requestItem("broken", "GET", "{{base}}/status/500") }));
    ProcessResult r = runPlayground({ "run", path, "--var", "base=" + m_server.baseUrl() });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("FAILED broken: HTTP 500"), r.out.constData());
    r = runPlayground(
        { "run", path, "--var", "base=" + m_server.baseUrl(), "--allow-http-errors" });
    QCOMPARE(r.exitCode, 0);
}

void TestRunCommand::unresolvedVariableFailsAndNamesIt()
{
    const QString path = writeFile(m_dir, "unresolved.json",
        collection({ requestItem("needs token", "GET", "{{base}}/echo",
            QJsonObject { { "header",
                QJsonArray { QJsonObject {
                    { "key", "Authorization" }, { "value", "Bearer {{token}}" } } } } }) }));
    const ProcessResult r = runPlayground({ "run", path, "--var", "base=" + m_server.baseUrl() });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not sent: Unresolved variables: token"), r.err.constData());
    QCOMPARE(m_server.requests().size(), 0);
}

void TestRunCommand::badInputExitsTwo_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("extraArgs");
    QTest::addColumn<QByteArray>("message");
    const QByteArray ok = collection({ requestItem("a", "GET", "http://127.0.0.1:1/") });
    QTest::newRow("malformed JSON names line and column")
        << QByteArray("{\n\"info\": {,\n}") << QStringList {}
        << QByteArray("bad.json:2:11: not valid JSON: unterminated object");
    QTest::newRow("binary garbage")
        << QByteArray("\x00\x01\x02garbage", 10) << QStringList {} << QByteArray("not valid JSON");
    QTest::newRow("not a collection")
        << QByteArray("{\"x\":1}") << QStringList {} << QByteArray("not a Postman collection");
    QTest::newRow("unknown folder")
        << ok << QStringList { "--folder", "Nope" } << QByteArray("no folder named \"Nope\"");
    QTest::newRow("malformed --var") << ok << QStringList { "--var", "novalue" }
                                     << QByteArray("--var \"novalue\" is not NAME=VALUE");
    QTest::newRow("unknown reporter")
        << ok << QStringList { "--reporter", "html" } << QByteArray("unknown reporter \"html\"");
    QTest::newRow("unknown option")
        << ok << QStringList { "--frobnicate" } << QByteArray("unknown option \"--frobnicate\"");
    QTest::newRow("missing environment file")
        << ok << QStringList { "--env", "/nonexistent/env.json" }
        << QByteArray("/nonexistent/env.json: no such file");
}

void TestRunCommand::badInputExitsTwo()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, extraArgs);
    QFETCH(QByteArray, message);
    const QString path = writeFile(m_dir, "bad.json", content);
    const ProcessResult r = runPlayground(QStringList { "run", path } + extraArgs);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1); // one clear line
    QVERIFY(r.out.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content); // never modified
}

void TestRunCommand::jsonReport()
{
    const QString path = writeFile(m_dir, "json.json",
        collection({ requestItem("post", "POST", "{{base}}/echo?key={{apiKey}}",
                         QJsonObject {
                             { "body", QJsonObject { { "mode", "raw" }, { "raw", "hello" } } } }),
            requestItem("missing", "GET", "{{base}}/status/404") }));
    const QString envPath = writeFile(m_dir, "env.json",
        QJsonDocument(
            QJsonObject { { "name", "e" },
                { "values",
                    QJsonArray { QJsonObject { { "key", "apiKey" }, { "value", "k-very-secret" },
                        { "type", "secret" }, { "enabled", true } } } } })
            .toJson());
    const QString out = m_dir.filePath("report.json");
    const ProcessResult r = runPlayground({ "run", path, "--env", envPath, "--var",
        "base=" + m_server.baseUrl(), "--reporter", "json", "--out", out });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(m_server.requests().first().target.contains("k-very-secret")); // sent...
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(!bytes.contains("k-very-secret")); // ...but never reported
    const QJsonObject report = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(report.value("total").toInt(), 2);
    QCOMPARE(report.value("failed").toInt(), 1);
    const QJsonObject first = report.value("requests").toArray().at(0).toObject();
    QCOMPARE(first.value("name").toString(), QStringLiteral("post"));
    QCOMPARE(first.value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(first.value("url").toString(), m_server.baseUrl() + "/echo?key=***");
    QCOMPARE(first.value("status").toInt(), 200);
    QCOMPARE(first.value("bytes").toObject().value("requestBody").toInt(), 5);
    QVERIFY(first.value("bytes").toObject().value("responseBody").toInt() > 0);
    QVERIFY(first.value("timings").toObject().value("totalMs").toDouble() > 0);
    QVERIFY(first.value("error").isNull());
    const QJsonObject second = report.value("requests").toArray().at(1).toObject();
    QCOMPARE(second.value("status").toInt(), 404);
    QCOMPARE(second.value("error").toString(), QStringLiteral("HTTP 404 Not Found"));
}

void TestRunCommand::environmentSecretComesFromOutsideTheFile()
{
    const QString path = writeFile(m_dir, "envsecret.json",
        collection({ requestItem("keyed", "GET", "{{base}}/echo?key={{apiKey}}") }));
    // As the app saves an environment: the secret's name, no value.
    const QString envPath = writeFile(m_dir, "blank-env.json",
        QJsonDocument(QJsonObject { { "name", "e" },
                          { "values",
                              QJsonArray { QJsonObject { { "key", "apiKey" }, { "value", "" },
                                  { "type", "secret" }, { "enabled", true } } } } })
            .toJson());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DBUS_SESSION_BUS_ADDRESS");
    ProcessResult r = runPlayground(
        { "run", path, "--env", envPath, "--var", "base=" + m_server.baseUrl() }, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("missing secret: apiKey"), r.err.constData());
    QCOMPARE(m_server.requests().size(), 0);

    env.insert("PLAYGROUND_VAR_apiKey", "k-from-env-var");
    r = runPlayground(
        { "run", path, "--env", envPath, "--var", "base=" + m_server.baseUrl() }, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server.requests().first().target, QByteArray("/echo?key=k-from-env-var"));
    QVERIFY(!r.out.contains("k-from-env-var") && !r.err.contains("k-from-env-var"));
}

void TestRunCommand::junitReport()
{
    const QString path = writeFile(m_dir, "junit.json",
        collection({ QJsonObject { { "name", "Folder A" },
                         { "item", QJsonArray { requestItem("ok", "GET", "{{base}}/echo") } } },
            requestItem("bad <&>", "GET", "{{base}}/status/503") }));
    const ProcessResult r = runPlayground(
        { "run", path, "--var", "base=" + m_server.baseUrl(), "--reporter", "junit" });
    QCOMPARE(r.exitCode, 1);
    QXmlStreamReader xml(r.out);
    int testcases = 0, failures = 0;
    QString suiteTests, suiteFailures, firstClass;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("testsuite")) {
            suiteTests = xml.attributes().value("tests").toString();
            suiteFailures = xml.attributes().value("failures").toString();
        } else if (xml.name() == QLatin1String("testcase")) {
            if (++testcases == 1)
                firstClass = xml.attributes().value("classname").toString();
        } else if (xml.name() == QLatin1String("failure")) {
            ++failures;
            QVERIFY(
                xml.attributes().value("message").toString().contains(QLatin1String("HTTP 503")));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(testcases, 2);
    QCOMPARE(failures, 1);
    QCOMPARE(suiteTests, QStringLiteral("2"));
    QCOMPARE(suiteFailures, QStringLiteral("1"));
    QCOMPARE(firstClass, QStringLiteral("Run test.Folder A"));
}

void TestRunCommand::folderSelectsRequests()
{
    const QString path = writeFile(m_dir, "folders.json",
        collection({ QJsonObject { { "name", "A" },
                         { "item",
                             QJsonArray { requestItem("a1", "GET", "{{base}}/echo/a1"),
                                 requestItem("a2", "GET", "{{base}}/echo/a2") } } },
            QJsonObject { { "name", "B" },
                { "item", QJsonArray { requestItem("b1", "GET", "{{base}}/echo/b1") } } } }));
    const ProcessResult r
        = runPlayground({ "run", path, "--var", "base=" + m_server.baseUrl(), "--folder", "B" });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(m_server.requests().size(), 1);
    QCOMPARE(m_server.requests().first().path, QByteArray("/echo/b1"));
}

void TestRunCommand::scriptsNotedOnce()
{
    const QJsonArray events { QJsonObject { { "listen", "test" },
        { "script", QJsonObject { { "exec", QJsonArray { "pm.test('x', () => {});" } } } } } };
    QJsonObject item = requestItem("with script", "GET", "{{base}}/echo");
    item.insert("event", events);
    QJsonObject item2 = item;
    item2.insert("name", "another");
    const QString path = writeFile(
        m_dir, "scripts.json", collection({ item, item2 }, QJsonObject { { "event", events } }));
    const ProcessResult r = runPlayground({ "run", path, "--var", "base=" + m_server.baseUrl() });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err.count("not run"), 1);
}

void TestRunCommand::tlsStrictByDefaultCaOrInsecureOnRequest()
{
    TestServer tls;
    QVERIFY(tls.start(TestServer::Mode::Tls));
    const QString path = writeFile(
        m_dir, "tls.json", collection({ requestItem("secure", "GET", "{{base}}/echo") }));
    ProcessResult r = runPlayground({ "run", path, "--var", "base=" + tls.baseUrl() });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("TLS certificate problem: The certificate is self-signed"),
        r.err.constData());
    r = runPlayground({ "run", path, "--var", "base=" + tls.baseUrl(), "--ca-cert",
        QString::fromUtf8(PLAYGROUND_TEST_CERTS) + "/server.crt" });
    QCOMPARE(r.exitCode, 0);
    r = runPlayground({ "run", path, "--var", "base=" + tls.baseUrl(), "--insecure" });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("warning: TLS certificate errors ignored"), r.err.constData());
}

void TestRunCommand::versionAndNoDisplay()
{
    ProcessResult r = runPlayground({ "--version" });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("api-playground "));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    r = runPlayground({}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("no display"), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
}

QTEST_GUILESS_MAIN(TestRunCommand)
#include "TestRunCommand.moc"
