// `api-playground run` refuses input it cannot handle before sending anything: a pipe or device
// instead of a file, a collection too big in items or values, a request whose method, request or
// url has the wrong JSON type, a report file that cannot be written.
#include "tests/support/PlaygroundProcess.h"
#include "tests/support/TestServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using Playground::Test::ProcessResult;
using Playground::Test::runPlayground;
using Playground::Test::TestServer;

namespace {

constexpr int ExitBadInput = 2;

QByteArray collection(const QJsonArray &items)
{
    return QJsonDocument(
        QJsonObject { { "info",
                          QJsonObject { { "name", "bounds" },
                              { "schema",
                                  "https://schema.getpostman.com/json/collection/v2.1.0/"
                                  "collection.json" } } },
            { "item", items } })
        .toJson(QJsonDocument::Compact);
}

QJsonObject item(const QString &name, const QJsonValue &request)
{
    return QJsonObject { { "name", name }, { "request", request } };
}

} // namespace

class TestRunInputBounds : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void pipeRefusedAtOnce_data();
    void pipeRefusedAtOnce();
    void wrongJsonTypesAreBadInput_data();
    void wrongJsonTypesAreBadInput();
    void tooManyItemsRefused();
    void tooManyValuesRefused();
    void unwritableOutRefusedBeforeSending_data();
    void unwritableOutRefusedBeforeSending();
    void outWrittenWholeAtTheEnd();

private:
    QString write(const QString &name, const QByteArray &content);

    TestServer m_server;
    QTemporaryDir m_dir;
};

void TestRunInputBounds::init()
{
    m_server.close();
    m_server.clear();
    QVERIFY(m_server.start());
}

QString TestRunInputBounds::write(const QString &name, const QByteArray &content)
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return f.fileName();
}

void TestRunInputBounds::pipeRefusedAtOnce_data()
{
    QTest::addColumn<int>("where");
    QTest::newRow("collection") << 0;
    QTest::newRow("--env") << 1;
    QTest::newRow("convert from a .http file") << 2;
    QTest::newRow("convert from docs Markdown") << 3;
}

void TestRunInputBounds::pipeRefusedAtOnce()
{
    QFETCH(int, where);
    // Nobody ever writes to this FIFO: opening it for reading would wait forever.
    const QString fifo = m_dir.filePath(QStringLiteral("fifo-%1").arg(where));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString ok = write("ok.json",
        collection({ item(
            "a", QJsonObject { { "method", "GET" }, { "url", m_server.baseUrl() + "/echo" } }) }));
    const QList<QStringList> commands { { "run", fifo }, { "run", ok, "--env", fifo },
        { "convert", fifo, "--from", "http", "--to", "postman" },
        { "convert", fifo, "--from", "markdown", "--to", "postman" } };
    const QStringList args = commands.at(where);
    const ProcessResult r = runPlayground(args);
    QCOMPARE(r.exitCode, ExitBadInput);
    QVERIFY2(r.err.contains(fifo.toUtf8() + ": not a regular file"), r.err.constData());
    QCOMPARE(m_server.requests().size(), 0);
}

void TestRunInputBounds::wrongJsonTypesAreBadInput_data()
{
    QTest::addColumn<QJsonValue>("request");
    QTest::addColumn<QByteArray>("message");
    const QString url = QStringLiteral("http://127.0.0.1:1/");
    QTest::newRow("method is a number")
        << QJsonValue(QJsonObject { { "method", 42 }, { "url", url } })
        << QByteArray("item[0].request.method: expected a string such as \"GET\", not a number");
    QTest::newRow("method is an object")
        << QJsonValue(QJsonObject { { "method", QJsonObject { { "x", 1 } } }, { "url", url } })
        << QByteArray("item[0].request.method: expected a string");
    QTest::newRow("request is a number")
        << QJsonValue(7) << QByteArray("item[0].request: expected an object or a URL string");
    QTest::newRow("request is an array")
        << QJsonValue(QJsonArray { url })
        << QByteArray("item[0].request: expected an object or a URL string, not an array");
    QTest::newRow("url is a number")
        << QJsonValue(QJsonObject { { "method", "GET" }, { "url", 5 } })
        << QByteArray("item[0].request.url: expected a string or an "
                      "object, not a number");
    QTest::newRow("url is an array")
        << QJsonValue(QJsonObject { { "method", "GET" }, { "url", QJsonArray { url } } })
        << QByteArray("item[0].request.url: expected a string or an object");
}

void TestRunInputBounds::wrongJsonTypesAreBadInput()
{
    QFETCH(QJsonValue, request);
    QFETCH(QByteArray, message);
    const QString path = write("types.json", collection({ item("typed", request) }));
    const ProcessResult r = runPlayground({ "run", path });
    QCOMPARE(r.exitCode, ExitBadInput);
    QVERIFY2(r.err.contains(path.toUtf8() + ": " + message), r.err.constData());
}

void TestRunInputBounds::tooManyItemsRefused()
{
    // 150 000 tiny requests (4 MB): far below the size limit, above the item limit. The last item
    // is broken, so before the limit existed this also ended with exit 2, after parsing them all.
    QByteArray items;
    items.reserve(5'000'000);
    for (int i = 0; i < 150'000; ++i)
        items += "{\"name\":\"a\",\"request\":\"u\"},";
    items += "1";
    const QString path
        = write("items.json", "{\"info\":{\"name\":\"many\"},\"item\":[" + items + "]}");
    const ProcessResult r = runPlayground({ "run", path });
    QCOMPARE(r.exitCode, ExitBadInput);
    QVERIFY2(r.err.contains(path.toUtf8() + ": item: more than 100000 requests and folders"),
        r.err.constData());
}

void TestRunInputBounds::tooManyValuesRefused()
{
    // 2.1 million numbers in a variable list (12 MB): refused before any tree is built.
    const QByteArray values = QByteArray("1,").repeated(2'100'000) + "1";
    const QString path = write("values.json",
        "{\"info\":{\"name\":\"values\"},\"item\":[],\"variable\":[" + values + "]}");
    const ProcessResult r = runPlayground({ "run", path });
    QCOMPARE(r.exitCode, ExitBadInput);
    QVERIFY2(
        r.err.contains(path.toUtf8() + ": holds more than 2000000 JSON values"), r.err.constData());
}

void TestRunInputBounds::unwritableOutRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("out");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("missing folder")
        << m_dir.filePath("no/such/folder/report.json") << QByteArray("cannot write the report");
    QTest::newRow("a folder") << m_dir.path() << QByteArray("not a regular file");
    // Not a real device: a program that saved over it (as root) would replace it for everyone.
    QTest::newRow("a pipe") << m_dir.filePath("out-fifo") << QByteArray("not a regular file");
}

void TestRunInputBounds::unwritableOutRefusedBeforeSending()
{
    QFETCH(QString, out);
    QFETCH(QByteArray, message);
    if (out.endsWith("fifo") && !QFile::exists(out))
        QCOMPARE(::mkfifo(QFile::encodeName(out).constData(), 0600), 0);
    const QString path = write("out.json",
        collection({ item("a",
                         QJsonObject {
                             { "method", "GET" }, { "url", m_server.baseUrl() + "/echo" } }),
            item("b",
                QJsonObject { { "method", "GET" }, { "url", m_server.baseUrl() + "/echo" } }) }));
    const ProcessResult r = runPlayground({ "run", path, "--out", out });
    QCOMPARE(r.exitCode, ExitBadInput);
    QVERIFY2(r.err.contains(out.toUtf8()) && r.err.contains(message), r.err.constData());
    QCOMPARE(m_server.requests().size(), 0); // nothing was sent for a report nobody could read
}

void TestRunInputBounds::outWrittenWholeAtTheEnd()
{
    const QString path = write("whole.json",
        collection({ item(
            "a", QJsonObject { { "method", "GET" }, { "url", m_server.baseUrl() + "/echo" } }) }));
    QDir reports(m_dir.filePath("reports"));
    QVERIFY(reports.mkpath("."));
    const QString out = reports.filePath("report.json");
    const ProcessResult r = runPlayground({ "run", path, "--reporter", "json", "--out", out });
    QCOMPARE(r.exitCode, 0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value("total").toInt(), 1);
    // No temporary file of the atomic save is left beside it.
    QCOMPARE(reports.entryList(QDir::Files), QStringList { "report.json" });
}

QTEST_GUILESS_MAIN(TestRunInputBounds)
#include "TestRunInputBounds.moc"
