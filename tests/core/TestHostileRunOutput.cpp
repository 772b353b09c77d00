// `api-playground run` fed names, reason phrases and redirect locations that try to talk to the
// terminal (clear screen, OSC 52 clipboard write, OSC 8 link, BEL, CR, NUL) or break a report
// (a lone UTF-16 surrogate): the output shows them escaped, and every report stays well-formed.
#include "tests/support/PlaygroundProcess.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using Playground::Test::ProcessResult;
using Playground::Test::RecordedRequest;
using Playground::Test::Reply;
using Playground::Test::runPlayground;
using Playground::Test::TestServer;

namespace {

const QString ClearScreen = QStringLiteral("\x1b[2J");
const QString Clipboard = QStringLiteral("\x1b]52;c;cm0gLXJmIH4=\x07");
const QString Link = QStringLiteral("\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\");
const QByteArray HostileReason
    = "OK \x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07 \x1b]8;;https://evil.example/\x1b\\"
      "x\x9b"
      "31m\x7f";

/** Request names, one per request: each control and a lone surrogate. */
QStringList hostileNames()
{
    QString nul = QStringLiteral("before NUL");
    nul += QChar(0);
    nul += QStringLiteral("after NUL");
    QString surrogate = QStringLiteral("lone ");
    surrogate += QChar(0xd800);
    surrogate += QStringLiteral(" surrogate");
    return { "clear " + ClearScreen, "clipboard " + Clipboard, "link " + Link, "bell \x07",
        "cr\rFAKE LINE", nul, surrogate, "c1 " + QString(QChar(0x9b)) + "31m del \x7f" };
}

/**
 * Bytes a terminal would act on: C0 controls but line feed, DEL, and C1 controls in UTF-8
 * (0xc2 0x80..0x9f). Returns a description of the first one, empty when there is none.
 */
QByteArray firstControl(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const uchar c = uchar(bytes.at(i));
        const uchar next = i + 1 < bytes.size() ? uchar(bytes.at(i + 1)) : 0;
        if ((c < 0x20 && c != '\n') || c == 0x7f || (c == 0xc2 && next >= 0x80 && next <= 0x9f))
            return "byte 0x" + QByteArray::number(c, 16) + " at " + QByteArray::number(i)
                + " in: " + bytes.mid(qMax<qsizetype>(0, i - 40), 80).toPercentEncoding(" /:[]-_.");
    }
    return {};
}

bool isStrictUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

} // namespace

class TestHostileRunOutput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void terminalGetsNoControlBytes();
    void jsonReportWellFormed();
    void junitReportKeepsEveryTestcase();

private:
    QString writeCollection();
    ProcessResult run(const QStringList &extra);

    TestServer m_server;
    QTemporaryDir m_dir;
};

void TestHostileRunOutput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start());
    m_server.route("/hostile", [](const RecordedRequest &) {
        Reply reply = Reply::text(200, "fine\n");
        reply.reason = HostileReason;
        return reply;
    });
    // A redirect whose location carries escape sequences, to a port nobody listens on.
    m_server.route("/hostile-redirect", [](const RecordedRequest &) {
        Reply reply = Reply::text(302, "moved\n");
        reply.headers.append(qMakePair(
            QByteArray("Location"), QByteArray("http://127.0.0.1:1/\x1b[2J\x1b]52;c;eA==\x07")));
        return reply;
    });
    m_server.route("/hostile-error", [](const RecordedRequest &) {
        Reply reply = Reply::text(500, "broken\n");
        reply.reason = "Server \x1b]52;c;cm0=\x07 Error";
        return reply;
    });
}

QString TestHostileRunOutput::writeCollection()
{
    const QStringList paths { "/hostile", "/hostile-redirect", "/hostile-error" };
    QJsonArray items;
    const QStringList names = hostileNames();
    for (qsizetype i = 0; i < names.size(); ++i)
        items.append(QJsonObject { { "name", names.at(i) },
            { "request",
                QJsonObject { { "method", "GET" },
                    { "url", m_server.baseUrl() + paths.at(i % paths.size()) } } } });
    // A folder and the collection itself with hostile names too.
    const QJsonArray folder { QJsonObject {
        { "name", "folder " + ClearScreen + Clipboard }, { "item", items } } };
    const QJsonObject root { { "info",
                                 QJsonObject { { "name", "collection " + Clipboard + Link },
                                     { "schema",
                                         "https://schema.getpostman.com/json/collection/v2.1.0/"
                                         "collection.json" } } },
        { "item", folder } };
    QFile f(m_dir.filePath("hostile.json"));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QJsonDocument(root).toJson());
    return f.fileName();
}

ProcessResult TestHostileRunOutput::run(const QStringList &extra)
{
    return runPlayground(QStringList { "run", writeCollection(), "--allow-http-errors" } + extra);
}

void TestHostileRunOutput::terminalGetsNoControlBytes()
{
    const ProcessResult r = run({});
    QCOMPARE(r.exitCode, 1); // the redirect to port 1 fails
    QVERIFY2(firstControl(r.err).isEmpty(), firstControl(r.err).constData());
    QVERIFY2(firstControl(r.out).isEmpty(), firstControl(r.out).constData());
    // Shown, escaped: a reader still sees what the server sent.
    QVERIFY2(r.err.contains("\\x1b[2J"), r.err.constData());
    QVERIFY2(r.err.contains("\\x1b]52;c;cm0gLXJmIH4=\\x07"), r.err.constData());
    // NUL no longer ends the line: what follows it is printed.
    QVERIFY2(r.err.contains("before NUL\\x00after NUL"), r.err.constData());
    QVERIFY2(r.err.contains("cr\\x0dFAKE LINE"), r.err.constData());
    // One progress line per request, nothing split by a CR or LF from a name.
    QCOMPARE(r.err.count("] GET "), hostileNames().size());
    QVERIFY(isStrictUtf8(r.err));
    QVERIFY(isStrictUtf8(r.out));
}

void TestHostileRunOutput::jsonReportWellFormed()
{
    // On stdout (a terminal, often) and in a file.
    const QString out = m_dir.filePath("report.json");
    const ProcessResult toFile = run({ "--reporter", "json", "--out", out });
    QCOMPARE(toFile.exitCode, 1);
    QVERIFY2(firstControl(toFile.err).isEmpty(), firstControl(toFile.err).constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const ProcessResult toStdout = run({ "--reporter", "json" });
    QVERIFY2(firstControl(toStdout.out).isEmpty(), firstControl(toStdout.out).constData());
    for (const QByteArray &bytes : { f.readAll(), toStdout.out }) {
        QVERIFY(isStrictUtf8(bytes));
        QVERIFY2(!bytes.contains("\\ud800"), "a lone surrogate that strict JSON readers refuse");
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray requests = doc.object().value("requests").toArray();
        QCOMPARE(requests.size(), hostileNames().size());
        // Data stays data: the name is the one in the file (but the lone surrogate).
        QCOMPARE(requests.at(0).toObject().value("name").toString(), hostileNames().at(0));
    }
}

void TestHostileRunOutput::junitReportKeepsEveryTestcase()
{
    const QString out = m_dir.filePath("report.xml");
    const ProcessResult r = run({ "--reporter", "junit", "--out", out });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(firstControl(r.err).isEmpty(), firstControl(r.err).constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(isStrictUtf8(bytes));
    QXmlStreamReader xml(bytes);
    QStringList testcases;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"testcase")
            testcases.append(xml.attributes().value("name").toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString() + "\n" + QString::fromUtf8(bytes)));
    QCOMPARE(testcases.size(), hostileNames().size());
    QCOMPARE(testcases.at(0), QStringLiteral("clear \\x1b[2J"));
}

QTEST_GUILESS_MAIN(TestHostileRunOutput)
#include "TestHostileRunOutput.moc"
