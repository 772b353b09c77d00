// `convert` on input that is broken, hostile or huge: every importer's malformed input exits 2 with
// a message naming the file and the line, nothing is written; stdin is read whole and bounded;
// partly importable input converts what it can and lists what it skipped on stderr.
#include "tests/support/PlaygroundProcess.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using Playground::Test::ProcessResult;
using Playground::Test::runPlayground;

namespace {

QByteArray hugeLine(const QByteArray &head, const QByteArray &tail)
{
    return head + QByteArray(10 * 1024 * 1024, 'a') + tail; // one line of 10 MiB
}

} // namespace

class TestConvertBadInput : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void malformedNamesFileAndLine_data();
    void malformedNamesFileAndLine();
    void stdinIsReadWhole();
    void stdinOverTheLimitIsRefused();
    void partlyImportableListsWhatWasSkipped_data();
    void partlyImportableListsWhatWasSkipped();
    void hugeInputsEndWithAnAnswer_data();
    void hugeInputsEndWithAnAnswer();
};

void TestConvertBadInput::malformedNamesFileAndLine_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line"); // the line the message must name

    const QByteArray garbage(
        "\x00\x01\xff\xfe\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xde\xad\xbe\xef", 24);
    const QByteArray jsonTruncated("{\n  \"info\": {\"name\": \"x\",\n  \"item\": [\n");
    for (const char *from : { "postman", "openapi" }) {
        const QString f = QString::fromLatin1(from);
        const QString n = f + ".json";
        QTest::addRow("%s: truncated JSON", from) << f << n << jsonTruncated << 4;
        QTest::addRow("%s: binary garbage", from) << f << n << garbage << 1;
        QTest::addRow("%s: empty file", from) << f << n << QByteArray() << 1;
    }
    QTest::newRow("postman: huge line") << "postman"
                                        << "postman.json" << hugeLine("{\n\"info\": \"", "") << 2;
    QTest::newRow("openapi: bad YAML")
        << "openapi"
        << "api.yaml"
        << QByteArray("openapi: 3.0.0\ninfo:\n  title: x\npaths:\n  /a: [1, 2\n  /b: {}\n")
        << 6; // where yaml-cpp finds the sequence unclosed
    QTest::newRow("openapi: huge line")
        << "openapi"
        << "api.yaml" << hugeLine("openapi: 3.0.0\ninfo: {title: '", "") << 2;

    QTest::newRow("curl: open quote")
        << "curl"
        << "c.txt" << QByteArray("curl \\\n  -H 'X-A: b' \\\n  'https://x.test/a\n") << 3;
    QTest::newRow("curl: binary garbage") << "curl"
                                          << "c.txt" << garbage << 1;
    QTest::newRow("curl: empty file") << "curl"
                                      << "c.txt" << QByteArray() << 1;
    QTest::newRow("curl: huge line") << "curl"
                                     << "c.txt" << hugeLine("curl 'https://x.test/", "") << 1;

    QTest::newRow("markdown: props never close")
        << "markdown"
        << "page.md"
        << QByteArray("# T\n\n::api-playground{method=\"GET\" url=\"https://x.test\"\n::\n") << 3;
    QTest::newRow("markdown: binary garbage") << "markdown"
                                              << "page.md" << garbage << 1;
    QTest::newRow("markdown: empty file") << "markdown"
                                          << "page.md" << QByteArray() << 1;
    QTest::newRow("markdown: huge line")
        << "markdown"
        << "page.md" << hugeLine("text\n::api-playground{url=\"https://x.test/", "") << 2;

    QTest::newRow("http: no request line")
        << "http"
        << "r.http" << QByteArray("@a = 1\n# only a comment\n\nnot a request\n") << 4;
    QTest::newRow("http: binary garbage") << "http"
                                          << "r.http" << garbage << 1;
    QTest::newRow("http: empty file") << "http"
                                      << "r.http" << QByteArray() << 1;
}

void TestConvertBadInput::malformedNamesFileAndLine()
{
    QFETCH(QString, from);
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QFile in(path);
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(bytes);
    in.close();
    const QString out = dir.filePath(QStringLiteral("out.json"));
    QFile previous(out);
    QVERIFY(previous.open(QIODevice::WriteOnly));
    previous.write("the user's earlier file");
    previous.close();

    for (const QString &fromArg : { from, QStringLiteral("auto") }) {
        const ProcessResult r
            = runPlayground({ "convert", path, "--from", fromArg, "--to", "postman", "-o", out });
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(r.exitCode == 2, qPrintable(fromArg + ": exit " + QString::number(r.exitCode)));
        QVERIFY2(err.startsWith(QLatin1String("api-playground convert: ") + path),
            qPrintable(err.left(600)));
        QVERIFY2(err.size() < 2000, "the message is a line, not the input echoed");
        QVERIFY(r.out.isEmpty());
        if (fromArg == from) {
            // "path:LINE: problem" or "path:LINE:COLUMN: problem".
            const QRegularExpression named(
                QRegularExpression::escape(path) + QStringLiteral(":%1(:\\d+)?: \\S").arg(line));
            QVERIFY2(named.match(err).hasMatch(), qPrintable(from + ": " + err.left(600)));
        }
        QFile kept(out);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("the user's earlier file"));
    }
}

void TestConvertBadInput::stdinIsReadWhole()
{
    // Several MiB through a pipe arrive in many reads; the URL comes last.
    const QByteArray body(6 * 1024 * 1024, 'b');
    const QByteArray command
        = "curl -H 'X-A: 1' --data-raw '" + body + "' 'https://last.example.test/end'\n";
    const ProcessResult r = runPlayground(
        { "convert", "-", "--to", "http" }, QProcessEnvironment::systemEnvironment(), command);
    QVERIFY2(r.exitCode == 0, r.err.left(600).constData());
    QVERIFY(r.out.contains("POST https://last.example.test/end"));
    QVERIFY(r.out.contains(body));
}

void TestConvertBadInput::stdinOverTheLimitIsRefused()
{
    QByteArray command = "curl https://x.test/ --data-raw '";
    command += QByteArray(128 * 1024 * 1024, 'x');
    command += "'\n";
    const ProcessResult r = runPlayground(
        { "convert", "-", "--to", "curl" }, QProcessEnvironment::systemEnvironment(), command);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("<stdin>") && r.err.contains("128 MiB"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestConvertBadInput::partlyImportableListsWhatWasSkipped_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("converted");
    QTest::addColumn<QByteArray>("skipped"); // said on stderr

    QTest::newRow("http: a file body")
        << "r.http"
        << QByteArray("### ok\nGET https://ok.test/a\n\n### upload\nPOST https://ok.test/up\n"
                      "Content-Type: application/octet-stream\n\n< ./secret.bin\n")
        << QByteArray("https://ok.test/a") << QByteArray("secret.bin");
    QTest::newRow("markdown: one broken block of two")
        << "page.md"
        << QByteArray("::api-playground{method=\"GET\" url=\"https://ok.test/a\"}\n::\n\n"
                      "::api-playground{method=\"GET\" url=\"https://ok.test/b\" :headers='{'}\n"
                      "::\n")
        << QByteArray("https://ok.test/a") << QByteArray("page.md:4");
    QTest::newRow("openapi: an external $ref")
        << "api.yaml"
        << QByteArray("openapi: 3.0.0\ninfo: {title: t, version: '1'}\n"
                      "servers: [{url: 'https://ok.test'}]\npaths:\n  /a:\n    get: {}\n"
                      "  /b:\n    post:\n      requestBody: {$ref: 'other.yaml#/b'}\n")
        << QByteArray("/a") << QByteArray("other.yaml");
    QTest::newRow("curl: a file upload")
        << "c.txt" << QByteArray("curl -F 'doc=@/etc/passwd' -F n=1 https://ok.test/up\n")
        << QByteArray("https://ok.test/up") << QByteArray("/etc/passwd");
    QTest::newRow("http: a Latin-1 file")
        << "latin.http" << QByteArray("GET https://ok.test/a\nX-Name: Jos\xe9\n")
        << QByteArray("https://ok.test/a") << QByteArray("latin.http:2: not UTF-8 text");
    QTest::newRow("markdown: a Windows-1252 quote")
        << "page.md"
        << QByteArray("Intro \x93quoted\x94\n\n::api-playground{method=\"GET\" "
                      "url=\"https://ok.test/a\"}\n::\n")
        << QByteArray("https://ok.test/a") << QByteArray("page.md:1: not UTF-8 text");
    QTest::newRow("postman: one bad item of two")
        << "p.postman_collection.json"
        << QByteArray("{\"info\":{\"name\":\"p\",\"schema\":\"https://schema.getpostman.com/"
                      "json/collection/v2.1.0/collection.json\"},\"item\":[{\"name\":\"ok\","
                      "\"request\":{\"method\":\"GET\",\"url\":\"https://ok.test/a\"}},"
                      "{\"name\":\"bad\",\"request\":{\"method\":123,\"url\":\"https://"
                      "ok.test/b\"}}]}")
        << QByteArray("https://ok.test/a") << QByteArray("item[1].request.method");
}

void TestConvertBadInput::partlyImportableListsWhatWasSkipped()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, converted);
    QFETCH(QByteArray, skipped);
    QTemporaryDir dir;
    QFile in(dir.filePath(name));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(bytes);
    in.close();
    const ProcessResult r = runPlayground({ "convert", in.fileName(), "--to", "postman" });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains(converted), r.out.constData());
    QVERIFY2(r.err.contains("warning: ") && r.err.contains(skipped), r.err.constData());
}

void TestConvertBadInput::hugeInputsEndWithAnAnswer_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");

    // A 10 MiB curl line: one body.
    QTest::newRow("10 MiB curl line")
        << "c.txt"
        << "curl https://big.test/ --data-raw '" + QByteArray(10 * 1024 * 1024, 'd') + "'\n";
    // A large OpenAPI document: 5 000 operations with parameters and schema bodies.
    QByteArray api = "openapi: 3.0.0\ninfo: {title: big, version: '1'}\n"
                     "servers: [{url: 'https://big.test'}]\n"
                     "components:\n  schemas:\n    Item:\n      type: object\n      properties:\n"
                     "        name: {type: string}\n        tags: {type: array, items: "
                     "{type: string}}\npaths:\n";
    for (int i = 0; i < 5000; ++i) {
        const QByteArray n = QByteArray::number(i);
        api += "  /items" + n + "/{id}:\n    post:\n      tags: [t" + QByteArray::number(i % 50)
            + "]\n      parameters:\n        - {name: id, in: path, example: '" + n
            + "'}\n        - {name: q, in: query, example: x}\n      requestBody:\n        "
              "content:\n          application/json:\n            schema: {$ref: "
              "'#/components/schemas/Item'}\n";
    }
    QTest::newRow("OpenAPI with 5000 operations") << "api.yaml" << api;
}

void TestConvertBadInput::hugeInputsEndWithAnAnswer()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QFile in(dir.filePath(name));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(bytes);
    in.close();
    // runPlayground kills a process that has not ended after 60 s (exit code -1).
    const ProcessResult r = runPlayground({ "convert", in.fileName(), "--to", "postman" });
    QVERIFY2(r.exitCode == 0, r.err.left(600).constData());
    QVERIFY(r.out.contains("https://big.test"));
}

QTEST_GUILESS_MAIN(TestConvertBadInput)
#include "TestConvertBadInput.moc"
