// Interop with har-validator (npm, pinned by packaging/setup.sh), the HAR 1.2 schema HAR viewers
// and importers use: the HAR of one exchange, of several history entries (read back from the
// history database: redacted, bodies cut), and the HAR `convert` writes for requests not sent,
// must all be valid.
#include "app/formats/HarWriter.h"
#include "app/formats/HttpFileReader.h"
#include "app/history/HistoryContext.h"
#include "app/history/HistoryStore.h"
#include "app/http/HttpExecutor.h"
#include "app/http/RequestRun.h"
#include "app/send/SendSession.h"
#include "tests/interop/InteropSupport.h"
#include "tests/support/Gzip.h"
#include "tests/support/NpmTool.h"
#include "tests/support/TestServer.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;

class TestHarInterop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oneExchangeIsValid();
    void severalHistoryEntriesAreValid();
    void convertedRequestsAreValid();

private:
    Exchange send(const QString &method, const QString &url, const KeyValueList &headers = {},
        const QString &body = {});
    void validate(const QByteArray &har);

    Test::TestServer m_server;
    HttpExecutor m_executor;
    QTemporaryDir m_dir;
    QString m_node;
};

void TestHarInterop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start());
    // A body sent compressed: its HAR entry has a bodySize (on the wire) below content.size.
    m_server.route("/gzipped", [](const Test::RecordedRequest &) {
        return Test::Reply { 200,
            { { "Content-Type", "application/json" }, { "Content-Encoding", "gzip" } },
            Test::gzip(QByteArray("[") + QByteArray(4000, ' ') + "]") };
    });
    m_node = QStandardPaths::findExecutable("node");
    QVERIFY2(!m_node.isEmpty(), "node is not installed (packaging/setup.sh test installs nodejs)");
    QVERIFY2(QFileInfo::exists(Test::NpmTool::modulesDir() + "/har-validator/package.json"),
        qPrintable("har-validator is not installed in " + Test::NpmTool::modulesDir()
            + ": run packaging/setup.sh test, which installs har-validator@5.1.5"));
}

Exchange TestHarInterop::send(
    const QString &method, const QString &url, const KeyValueList &headers, const QString &body)
{
    RequestSpec request;
    request.method = method;
    request.url = UrlSpec::fromRaw(url);
    request.headers = headers;
    if (!body.isEmpty()) {
        request.body.mode = RequestBody::Mode::Raw;
        request.body.raw = body;
    }
    const auto prepared = SendSession::prepare(request, AuthSpec {}, VariableScopes {});
    if (!prepared)
        qFatal("not prepared: %s", qPrintable(prepared.error()));
    RequestRun *run = m_executor.send(prepared.value());
    QSignalSpy finished(run, &RequestRun::finished);
    if (!finished.wait(20000))
        qFatal("no answer from %s", qPrintable(url));
    const Exchange x = run->exchange();
    run->deleteLater();
    return x;
}

void TestHarInterop::validate(const QByteArray &har)
{
    static int serial = 0;
    QFile file(m_dir.filePath(QStringLiteral("x%1.har").arg(++serial)));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(har);
    file.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("NODE_PATH", Test::NpmTool::modulesDir());
    QProcess node;
    node.setProcessEnvironment(env);
    node.start(m_node, { Test::sourcePath("tests/interop/data/validate-har.js"), file.fileName() });
    QVERIFY(node.waitForStarted(10000));
    QSignalSpy done(&node, &QProcess::finished);
    QVERIFY(node.state() == QProcess::NotRunning || done.wait(30000));
    const QByteArray said = node.readAllStandardOutput() + node.readAllStandardError();
    QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0,
        qPrintable(QString::fromUtf8(said) + "\n" + QString::fromUtf8(har.left(4000))));
    QVERIFY2(said.startsWith("valid "), said.constData());
}

void TestHarInterop::oneExchangeIsValid()
{
    const Exchange x = send("POST", m_server.baseUrl() + "/echo/one?q=a%20b&x=1",
        { { "Content-Type", "application/json" }, { "X-Name", "Zoë" } },
        QStringLiteral("{\"a\": [1, 2, \"ünï\"]}"));
    QVERIFY2(x.succeeded(), qPrintable(x.error));
    const QByteArray har = HarWriter::write({ { &x, QDateTime::currentDateTimeUtc() } });
    validate(har);
    QVERIFY(har.contains("/echo/one"));
}

void TestHarInterop::severalHistoryEntriesAreValid()
{
    HistoryStore history;
    QVERIFY(history.open(m_dir.filePath("history.sqlite")));
    const QString base = m_server.baseUrl();
    const QList<Exchange> sent {
        send("GET", base + "/echo/list", { { "Authorization", "Bearer tok-123" } }),
        send("GET", base + "/status/404"),
        send("PUT", base + "/echo/bin", { { "Content-Type", "application/octet-stream" } },
            QString::fromUtf8("\x01\x02 binary \xc3\xa9")),
        send("GET",
            base + "/redirect?to="
                + QString::fromLatin1(QUrl::toPercentEncoding(base + "/echo/after")) + "&code=302"),
        send("GET", "http://127.0.0.1:1/refused"),
        send("GET", base + "/gzipped"),
    };
    for (const Exchange &x : sent) {
        RequestSpec templates;
        templates.method = QString::fromLatin1(x.method);
        templates.url = UrlSpec::fromRaw(x.url);
        HistoryContext where;
        where.redactions = { QStringLiteral("tok-123") }; // what the send marked as secret
        QVERIFY(history.record(templates, x, where));
    }
    QList<Exchange> recorded;
    for (const HistorySummary &s : history.list()) {
        const Result<HistoryEntry> e = history.entry(s.id);
        QVERIFY(e);
        recorded.append(e->exchange);
    }
    QCOMPARE(recorded.size(), sent.size());
    QList<HarWriter::Entry> entries;
    for (const Exchange &x : recorded)
        entries.append({ &x, QDateTime::currentDateTimeUtc() });
    const QByteArray har = HarWriter::write(entries);
    validate(har);
    QVERIFY2(!har.contains("tok-123"), "history is redacted, and so is its HAR");
    QCOMPARE(QJsonDocument::fromJson(har)["log"]["entries"].toArray().size(), sent.size());
}

void TestHarInterop::convertedRequestsAreValid()
{
    QFile http(m_dir.filePath("three.http"));
    QVERIFY(http.open(QIODevice::WriteOnly));
    http.write("@base = https://api.example.test\n\n### list\nGET {{base}}/items?limit=5\n"
               "Accept: application/json\n\n### create\nPOST {{base}}/items\n"
               "Content-Type: application/json\n\n{\"name\": \"ünï\"}\n\n### form\n"
               "POST {{base}}/form\nContent-Type: application/x-www-form-urlencoded\n\na=1&b=2\n");
    http.close();
    const Test::ClientRun r = Test::runClient(
        Test::playgroundBinary(), { "convert", http.fileName(), "--to", "har" }, {}, m_dir.path());
    QVERIFY2(r.ran && r.exitCode == 0, r.err.constData());
    validate(r.out);
    QCOMPARE(QJsonDocument::fromJson(r.out)["log"]["entries"].toArray().size(), 3);
}

QTEST_GUILESS_MAIN(TestHarInterop)
#include "TestHarInterop.moc"
