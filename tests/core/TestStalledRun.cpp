// `api-playground run` while a request hangs at the test server: a signal ends the run with a
// partial report, and the process can never leave a core file behind.
#include "tests/support/TestPaths.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <csignal>

using Playground::Test::RecordedRequest;
using Playground::Test::TestServer;

namespace {

QJsonObject item(const QString &name, const QString &url)
{
    return QJsonObject { { "name", name },
        { "request", QJsonObject { { "method", "GET" }, { "url", url } } } };
}

} // namespace

class TestStalledRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void signalWritesPartialReport_data();
    void signalWritesPartialReport();
    void noCoreFile();

private:
    /** Starts `run` over echo, stall, echo, echo; true once the stalled request reached us. */
    bool startStalledRun(const QStringList &extra);

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
};

void TestStalledRun::init()
{
    m_server.close();
    m_server.clear();
    QVERIFY(m_server.start());
}

void TestStalledRun::cleanup()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished();
    }
    m_process.reset();
}

bool TestStalledRun::startStalledRun(const QStringList &extra)
{
    const QString base = m_server.baseUrl();
    const QJsonObject root { { "info", QJsonObject { { "name", "stalled" } } },
        { "item",
            QJsonArray { item("first", base + "/echo"), item("stuck", base + "/stall"),
                item("third", base + "/echo"), item("fourth", base + "/echo") } } };
    QFile f(m_dir.filePath("stalled.json"));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(root).toJson());
    f.close();

    QSignalSpy received(&m_server, &TestServer::requestReceived);
    m_process = std::make_unique<QProcess>();
    m_process->start(Playground::Test::playgroundBinary(),
        QStringList { "run", f.fileName(), "--timeout-ms", "60000" } + extra);
    // Wait until the stalled request is at the server (the run is then busy for 60 s).
    while (m_server.count("/stall") == 0) {
        if (!received.wait(20'000))
            return false;
    }
    return m_process->state() == QProcess::Running;
}

void TestStalledRun::signalWritesPartialReport_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("reporter");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("SIGINT, json") << SIGINT << "json" << 130 << QByteArray("SIGINT");
    QTest::newRow("SIGTERM, junit") << SIGTERM << "junit" << 143 << QByteArray("SIGTERM");
}

void TestStalledRun::signalWritesPartialReport()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, reporter);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, name);
    const QString out = m_dir.filePath("partial." + reporter);
    QVERIFY(startStalledRun({ "--reporter", reporter, "--out", out }));
    QSignalSpy finished(m_process.get(), &QProcess::finished);
    QCOMPARE(::kill(pid_t(m_process->processId()), signalNumber), 0);
    QVERIFY(finished.wait(20'000));
    const QByteArray err = m_process->readAllStandardError();
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), exitCode);
    QVERIFY2(
        err.contains("interrupted by " + name + ": 1 of 4 request(s) finished"), err.constData());
    QCOMPARE(m_server.count("/echo"), 1); // nothing was sent after the signal

    QFile f(out);
    QVERIFY2(f.open(QIODevice::ReadOnly), "the partial report was written");
    const QByteArray bytes = f.readAll();
    if (reporter == "json") {
        const QJsonArray requests
            = QJsonDocument::fromJson(bytes).object().value("requests").toArray();
        QCOMPARE(requests.size(), 4);
        QCOMPARE(requests.at(0).toObject().value("passed").toBool(), true);
        QCOMPARE(requests.at(1).toObject().value("failure").toString(), "cancelled");
        QCOMPARE(requests.at(1).toObject().value("error").toString(),
            "cancelled: the run was interrupted by " + QString::fromLatin1(name));
        QCOMPARE(requests.at(3).toObject().value("error").toString(),
            "not run: the run was interrupted by " + QString::fromLatin1(name));
    } else {
        QXmlStreamReader xml(bytes);
        int testcases = 0;
        int failures = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            testcases += xml.isStartElement() && xml.name() == u"testcase";
            failures += xml.isStartElement() && xml.name() == u"failure";
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(testcases, 4);
        QCOMPARE(failures, 3);
    }
}

void TestStalledRun::noCoreFile()
{
    QVERIFY(startStalledRun({}));
    QFile limits(QStringLiteral("/proc/%1/limits").arg(m_process->processId()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = limits.readAll().split('\n');
    const auto core = std::find_if(lines.begin(), lines.end(),
        [](const QByteArray &line) { return line.startsWith("Max core file size"); });
    QVERIFY(core != lines.end());
    // "Max core file size  0  0  bytes": soft and hard limit both zero.
    const QList<QByteArray> fields = core->simplified().split(' ');
    QVERIFY2(fields.size() >= 6 && fields.at(4) == "0" && fields.at(5) == "0", core->constData());
}

QTEST_GUILESS_MAIN(TestStalledRun)
#include "TestStalledRun.moc"
