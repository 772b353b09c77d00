// The .http export (convert --to http, Export › .http) as httpyac, the JetBrains HTTP Client and
// VS Code REST Client read it: every body kind written so those tools send what the playground
// sends, {{templates}} left for the tool, and nothing the tool would take as a file to read, a
// script to run or another request.
#include "app/formats/HttpFileWriter.h"
#include "tests/support/OneRequestCollection.h"

#include <QTest>

using namespace Playground;

class TestHttpFileWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void urlEncodedFieldsAreEncoded();
    void graphQlIsWrittenAsItsJson();
    void formDataIsWrittenAsMultipart();
    void pathVariablesTakeTheirValues();
    void aBodyTheToolWouldObeyIsLeftOut_data();
    void aBodyTheToolWouldObeyIsLeftOut();
};

namespace {

using Test::oneRequest;

RequestSpec post(const QString &url)
{
    return Test::requestTo(QStringLiteral("post"), url);
}

/** The section of the request: from its request line to the end. */
QString section(const QString &file)
{
    return file.mid(file.indexOf(QLatin1String("### r")));
}

} // namespace

void TestHttpFileWriter::urlEncodedFieldsAreEncoded()
{
    RequestSpec r = post(QStringLiteral("https://x.test/form"));
    r.body.mode = RequestBody::Mode::UrlEncoded;
    r.body.urlEncoded = { { QStringLiteral("q"), QStringLiteral("a b&c=d") },
        { QStringLiteral("e"), QStringLiteral("é+") },
        { QStringLiteral("t"), QStringLiteral("{{token}}/x") } };
    QStringList warnings;
    const QString written = HttpFileWriter::write(oneRequest(r), &warnings);
    QCOMPARE(section(written),
        QStringLiteral("### r\nPOST https://x.test/form HTTP/1.1\n"
                       "Content-Type: application/x-www-form-urlencoded\n\n"
                       "q=a%20b%26c%3Dd&e=%C3%A9%2B&t={{token}}%2Fx\n"));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void TestHttpFileWriter::graphQlIsWrittenAsItsJson()
{
    RequestSpec r = post(QStringLiteral("https://x.test/graphql"));
    r.body.mode = RequestBody::Mode::GraphQl;
    r.body.graphQlQuery = QStringLiteral("query {\n  me(id: \"{{id}}\") { name }\n}");
    r.body.graphQlVariables = QStringLiteral("{\"n\": 1}");
    QStringList warnings;
    const QString written = HttpFileWriter::write(oneRequest(r), &warnings);
    QCOMPARE(section(written),
        QStringLiteral("### r\nPOST https://x.test/graphql HTTP/1.1\n"
                       "Content-Type: application/json\n\n"
                       "{\"query\":\"query {\\n  me(id: \\\"{{id}}\\\") { name }\\n}\","
                       "\"variables\":{\"n\": 1}}\n"));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void TestHttpFileWriter::formDataIsWrittenAsMultipart()
{
    RequestSpec r = post(QStringLiteral("https://x.test/upload"));
    r.body.mode = RequestBody::Mode::FormData;
    FormPart title;
    title.key = QStringLiteral("title");
    title.value = QStringLiteral("Hello");
    FormPart file;
    file.key = QStringLiteral("doc");
    file.isFile = true;
    file.src = QStringLiteral("/data/notes.txt");
    file.contentType = QStringLiteral("text/plain");
    FormPart off;
    off.key = QStringLiteral("off");
    off.enabled = false;
    r.body.formData = { title, file, off };
    QStringList warnings;
    const QString written = HttpFileWriter::write(oneRequest(r), &warnings);
    QCOMPARE(section(written),
        QStringLiteral("### r\nPOST https://x.test/upload HTTP/1.1\n"
                       "Content-Type: multipart/form-data; boundary=ApiPlaygroundBoundary\n\n"
                       "--ApiPlaygroundBoundary\n"
                       "Content-Disposition: form-data; name=\"title\"\n\nHello\n"
                       "--ApiPlaygroundBoundary\n"
                       "Content-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\n"
                       "Content-Type: text/plain\n\n< /data/notes.txt\n"
                       "--ApiPlaygroundBoundary--\n"));
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
}

void TestHttpFileWriter::pathVariablesTakeTheirValues()
{
    RequestSpec r = post(QStringLiteral("https://x.test/users/:id/posts/:post?x=1"));
    r.method = QStringLiteral("get");
    r.url.pathVariables = { { QStringLiteral("id"), QStringLiteral("a b/{{c}}") },
        { QStringLiteral("post"), QString() } };
    const QString written = HttpFileWriter::write(oneRequest(r), nullptr);
    // No value: the segment as written, as Postman sends it.
    QCOMPARE(section(written),
        QStringLiteral("### r\nGET https://x.test/users/a%20b%2F{{c}}/posts/:post?x=1 HTTP/1.1\n"));
}

void TestHttpFileWriter::aBodyTheToolWouldObeyIsLeftOut_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("written");
    QTest::newRow("file include") << QStringLiteral("< ./etc/passwd") << false;
    QTest::newRow("include with variables") << QStringLiteral("{}\n<@ ./secret.json") << false;
    QTest::newRow("response script") << QStringLiteral("a\n> {% client.log(1) %}") << false;
    QTest::newRow("response written to a file") << QStringLiteral("a\n>> ./out.json") << false;
    QTest::newRow("another request") << QStringLiteral("a\n### b\nGET https://evil.test") << false;
    QTest::newRow("CR line break") << QStringLiteral("a\r> ./run.js") << false;
    QTest::newRow("XML") << QStringLiteral("<?xml version=\"1.0\"?>\n<a>\n  <b/>\n</a>") << true;
    QTest::newRow("JSON") << QStringLiteral("{\n  \"a\": \"<b> > c\"\n}") << true;
}

void TestHttpFileWriter::aBodyTheToolWouldObeyIsLeftOut()
{
    QFETCH(QString, body);
    QFETCH(bool, written);
    RequestSpec r = post(QStringLiteral("https://x.test/"));
    r.body.mode = RequestBody::Mode::Raw;
    r.body.raw = body;
    QStringList warnings;
    const QString file = HttpFileWriter::write(oneRequest(r), &warnings);
    QCOMPARE(file.contains(QLatin1String("### r")), written);
    QCOMPARE(warnings.isEmpty(), written);
    if (!written)
        QVERIFY2(warnings.constFirst().contains(QLatin1String("left out")),
            qPrintable(warnings.constFirst()));
}

QTEST_GUILESS_MAIN(TestHttpFileWriter)
#include "TestHttpFileWriter.moc"
