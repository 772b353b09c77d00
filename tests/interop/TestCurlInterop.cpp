// Interop with curl itself. Each row is a curl command as people paste it; three clients send it to
// the loopback test server (a process that logs the exact request it received):
//   1. the real curl, running the command as written (through bash);
//   2. `api-playground run` of the collection `api-playground convert - --to postman` made of it;
//   3. the real curl, running the command `api-playground convert - --to curl` exported.
// All three must agree on the wire: method, path, query, body, and every header that is not a
// client's own signature (User-Agent, Accept, Accept-Encoding, Accept-Language, Connection).
// A last check: import → export → import of a command is stable.
#include "tests/support/TestPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QStringList ClientOwnHeaders { "user-agent", "host", "connection", "accept-encoding",
    "accept", "accept-language" };

struct ProcessResult {
    bool ran = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ProcessResult runProcess(const QString &program, const QStringList &args, const QByteArray &input,
    const QString &workingDirectory)
{
    QProcess p;
    p.setWorkingDirectory(workingDirectory);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    QSignalSpy done(&p, &QProcess::finished);
    if (p.state() != QProcess::NotRunning && !done.wait(30000)) {
        p.kill();
        p.waitForFinished(5000);
        return { false, -1, p.readAllStandardOutput(), p.readAllStandardError() };
    }
    return { p.exitStatus() == QProcess::NormalExit, p.exitCode(), p.readAllStandardOutput(),
        p.readAllStandardError() };
}

QMap<QString, QString> comparable(const QJsonObject &request)
{
    QMap<QString, QString> out;
    const QJsonObject headers = request.value("headers").toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const QString name = it.key().toLower();
        if (ClientOwnHeaders.contains(name))
            continue;
        out.insert("header " + name,
            name == "content-length" ? QString("(present)")
                : it.value().isArray()
                ? QString::fromUtf8(QJsonDocument(it.value().toArray()).toJson())
                : it.value().toString());
    }
    out.insert("method", request.value("method").toString());
    out.insert("path", request.value("path").toString());
    out.insert("query", request.value("query").toString());
    out.insert("body", request.value("bodyBase64").toString());
    return out;
}

QString describe(const QMap<QString, QString> &m)
{
    QStringList lines;
    for (auto it = m.begin(); it != m.end(); ++it)
        lines.append(it.key() + ": " + it.value());
    return lines.join('\n');
}

} // namespace

class TestCurlInterop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sameBytesAsCurl_data();
    void sameBytesAsCurl();
    void roundTripIsStable_data() { sameBytesAsCurl_data(); }
    void roundTripIsStable();

private:
    QList<QJsonObject> send(const QByteArray &shellCommand);
    QList<QJsonObject> logSince(qsizetype *seen);

    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_base;
    QString m_curl;
    QString m_log;
    qsizetype m_seen = 0;
};

void TestCurlInterop::initTestCase()
{
    m_curl = QStandardPaths::findExecutable("curl");
    if (m_curl.isEmpty())
        QSKIP("curl is not installed (packaging/setup.sh test installs it)");
    QVERIFY(m_dir.isValid());
    const QString server = QFileInfo(Playground::Test::playgroundBinary())
                               .dir()
                               .filePath("tests/support/playground-testserver");
    QVERIFY2(QFileInfo(server).isExecutable(), qPrintable("not built: " + server));
    m_log = m_dir.filePath("requests.jsonl");
    m_server.start(server, { "--log", m_log });
    QVERIFY(m_server.waitForStarted(10000));
    QSignalSpy ready(&m_server, &QProcess::readyReadStandardOutput);
    while (!m_server.canReadLine())
        QVERIFY2(ready.wait(10000), "the test server printed no PORT line");
    const QByteArray line = m_server.readLine().trimmed();
    QVERIFY2(line.startsWith("PORT "), line.constData());
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(QString::fromLatin1(line.mid(5)));
}

void TestCurlInterop::cleanupTestCase()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.terminate();
    if (!m_server.waitForFinished(10000)) {
        m_server.kill();
        m_server.waitForFinished(5000);
    }
}

QList<QJsonObject> TestCurlInterop::logSince(qsizetype *seen)
{
    QList<QJsonObject> out;
    QFile f(m_log);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QList<QByteArray> lines = f.readAll().split('\n');
    qsizetype index = 0;
    for (const QByteArray &l : lines) {
        if (l.trimmed().isEmpty())
            continue;
        if (index++ >= *seen)
            out.append(QJsonDocument::fromJson(l).object());
    }
    *seen = index;
    return out;
}

QList<QJsonObject> TestCurlInterop::send(const QByteArray &shellCommand)
{
    // bash: the commands people paste use its $'…' quoting (dash would send "$" literally).
    const ProcessResult r = runProcess("/bin/bash",
        { "-c", QString::fromUtf8(shellCommand) + " -sS -o /dev/null" }, {}, m_dir.path());
    if (!r.ran || r.exitCode != 0)
        qWarning("curl failed: %s", r.err.constData());
    return logSince(&m_seen);
}

void TestCurlInterop::sameBytesAsCurl_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("vars"); // secrets `run` needs (they never go into the file)
    QTest::newRow("GET with query")
        << "curl '{BASE}/echo/items?q=hello%20world&lang=en'" << QStringList {};
    QTest::newRow("POST JSON, bearer (Chrome form)")
        << "curl '{BASE}/echo/campaigns' \\\n  -H 'accept: application/json' \\\n  -H "
           "'authorization: Bearer s3cr3t-t0ken' \\\n  -H 'content-type: application/json' \\\n  "
           "--data-raw '{\"name\":\"Spring\",\"tags\":[\"a\",\"b\"]}' \\\n  --compressed"
        << QStringList { "token=s3cr3t-t0ken" };
    QTest::newRow("-d joined with &")
        << "curl -d a=1 -d 'b=two words' {BASE}/echo/form" << QStringList {};
    QTest::newRow("--data-urlencode") << "curl --data-urlencode 'q=a b&c=d+é' --data-urlencode "
                                         "=x/y {BASE}/echo/enc"
                                      << QStringList {};
    QTest::newRow("-G moves data to the query")
        << "curl -G -d limit=5 --data-urlencode 'name=Jo Do' {BASE}/echo/search" << QStringList {};
    QTest::newRow("basic auth, PUT, $'…' body")
        << "curl -u 'ann:p@ss:w' -X PUT -H 'X-Trace: 1' --data-binary $'line1\\nline \"2\"\\ttab' "
           "{BASE}/echo/items/7"
        << QStringList { "password=p@ss:w" };
    QTest::newRow("agent, referer, cookie, empty header")
        << "curl -A 'Agent/1.0' -e https://example.test/page -b 'sid=abc; theme=dark' -H "
           "'X-Empty;' {BASE}/echo/misc"
        << QStringList { "cookie=sid=abc; theme=dark" }; // a session cookie is a secret
    QTest::newRow("DELETE with unicode JSON (--json)")
        << "curl -X DELETE --json '{\"note\":\"café ☕\"}' {BASE}/echo/items/9" << QStringList {};
    QTest::newRow("combined short options")
        << "curl -sSLXPATCH -HX-A:b -d'k=v' {BASE}/echo/p" << QStringList {};
}

void TestCurlInterop::sameBytesAsCurl()
{
    QFETCH(QString, command);
    QFETCH(QStringList, vars);
    const QByteArray cmd = command.replace("{BASE}", m_base).toUtf8();
    const QString binary = Playground::Test::playgroundBinary();

    // 1. curl runs the command as written.
    const QList<QJsonObject> theirs = send(cmd);
    QCOMPARE(theirs.size(), 1);

    // 2. convert to a collection; run it.
    const QString collection = m_dir.filePath(QString("c%1.postman_collection.json").arg(m_seen));
    const ProcessResult converted = runProcess(
        binary, { "convert", "-", "--to", "postman", "-o", collection }, cmd, m_dir.path());
    QVERIFY2(converted.ran && converted.exitCode == 0, converted.err.constData());
    QStringList runArgs { "run", collection };
    for (const QString &v : vars)
        runArgs << "--var" << v;
    const ProcessResult ran = runProcess(binary, runArgs, {}, m_dir.path());
    QVERIFY2(ran.ran && ran.exitCode == 0, ran.err.constData());
    const QList<QJsonObject> ours = logSince(&m_seen);
    QCOMPARE(ours.size(), 1);

    // 3. export as curl (secrets included: this is the user's own machine), curl runs it.
    const ProcessResult exported = runProcess(
        binary, { "convert", "-", "--to", "curl", "--include-secrets" }, cmd, m_dir.path());
    QVERIFY2(exported.ran && exported.exitCode == 0, exported.err.constData());
    QVERIFY(exported.out.startsWith("curl "));
    const QList<QJsonObject> again = send(exported.out.trimmed());
    QCOMPARE(again.size(), 1);

    const auto a = comparable(theirs.first());
    const auto b = comparable(ours.first());
    const auto c = comparable(again.first());
    if (QByteArray(QTest::currentDataTag()).contains("empty header"))
        QEXPECT_FAIL(
            "", "known deviation: Qt does not send a header whose value is empty", Continue);
    QVERIFY2(
        a == b, qPrintable("curl:\n" + describe(a) + "\n\napi-playground run:\n" + describe(b)));
    QVERIFY2(a == c,
        qPrintable("curl:\n" + describe(a) + "\n\nexported command:\n" + describe(c) + "\n\n"
            + QString::fromUtf8(exported.out)));
}

void TestCurlInterop::roundTripIsStable()
{
    QFETCH(QString, command);
    const QByteArray cmd = command.replace("{BASE}", m_base).toUtf8();
    const QString binary = Playground::Test::playgroundBinary();
    const ProcessResult once = runProcess(
        binary, { "convert", "-", "--to", "curl", "--include-secrets" }, cmd, m_dir.path());
    QVERIFY2(once.ran && once.exitCode == 0, once.err.constData());
    const ProcessResult twice = runProcess(
        binary, { "convert", "-", "--to", "curl", "--include-secrets" }, once.out, m_dir.path());
    QVERIFY2(twice.ran && twice.exitCode == 0, twice.err.constData());
    QCOMPARE(QString::fromUtf8(twice.out), QString::fromUtf8(once.out));
}

QTEST_GUILESS_MAIN(TestCurlInterop)
#include "TestCurlInterop.moc"
