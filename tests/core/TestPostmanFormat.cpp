// Postman v2.1/v2.0 reading and writing: the model, the round trip, and bad files.
#include "app/formats/JsonFile.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"
#include "tests/support/TestPaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

QString fixture(const QString &name)
{
    return Test::sourcePath(QStringLiteral("tests/data/") + name);
}

} // namespace

class TestPostmanFormat : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheModel();
    void roundTripKeepsEveryField();
    void everyBodyModeRoundTrips();
    void anEmptyValueIsNullOnlyWhereTheFileSaidSo();
    void writerOutputIsStableAndPretty();
    void readsV20();
    void badFiles_data();
    void badFiles();
    void oneBadItemIsSkippedAndListed();
    void hugeFileIsRefusedWithoutReadingIt();
    void failedSaveKeepsTheOldFile();
    void environmentSecretsAreNotWritten();
    void bundledDigishareCollectionReads();
};

void TestPostmanFormat::readsTheModel()
{
    const Result<Collection> c = PostmanReader::readCollectionFile(
        fixture(QStringLiteral("full-v21.postman_collection.json")));
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(c->name, QStringLiteral("Full v2.1"));
    QCOMPARE(c->postmanId, QStringLiteral("6a1c0f52-3f1e-4f65-9a0b-5d1b3c7e9f10"));
    QCOMPARE(c->auth->type, QStringLiteral("bearer"));
    QCOMPARE(c->auth->param(QStringLiteral("token")), QStringLiteral("{{token}}"));
    QCOMPARE(c->variables.first().value, QStringLiteral("https://api.digishare.ma/v1"));
    QVERIFY(c->hasScripts());

    const QList<RequestPath> requests = flattenRequests(c->items);
    QCOMPARE(requests.size(), 5);
    const CollectionItem &folder = c->items.first();
    QVERIFY(folder.isFolder);
    QCOMPARE(folder.description, QStringLiteral("Folder *markdown* description"));
    QCOMPARE(folder.auth->type, QStringLiteral("noauth"));
    QCOMPARE(folder.variables.first().key, QStringLiteral("folderVar"));

    const RequestSpec &get = requests.at(0).item->request;
    QCOMPARE(requests.at(0).folders.size(), 1);
    QCOMPARE(get.method, QStringLiteral("GET"));
    QCOMPARE(get.url.base, QStringLiteral("{{baseUrl}}/campaigns/:id"));
    QCOMPARE(get.url.query.size(), 2);
    QVERIFY(!get.url.query.at(1).enabled);
    QCOMPARE(get.url.pathVariables.first().value, QStringLiteral("17"));
    QCOMPARE(get.headers.size(), 2);
    QVERIFY(!get.headers.at(1).enabled);
    QCOMPARE(get.description, QStringLiteral("Fetch one campaign"));
    QCOMPARE(get.responses.size(), 1);

    const RequestSpec &raw = requests.at(1).item->request;
    QCOMPARE(raw.body.mode, RequestBody::Mode::Raw);
    QCOMPARE(raw.body.rawLanguage, QStringLiteral("json"));
    QVERIFY(raw.url.writtenAsString);

    const RequestSpec &form = requests.at(2).item->request;
    QCOMPARE(form.body.mode, RequestBody::Mode::FormData);
    QVERIFY(form.body.formData.at(1).isFile);
    QCOMPARE(form.body.formData.at(1).src, QStringLiteral("upload.txt"));
    QCOMPARE(form.auth->param(QStringLiteral("username")), QStringLiteral("alice"));

    const RequestSpec &oauth = requests.at(3).item->request;
    QCOMPARE(oauth.auth->type, QStringLiteral("oauth2"));
    QCOMPARE(oauth.body.mode, RequestBody::Mode::UrlEncoded);

    const RequestSpec &purge = requests.at(4).item->request;
    QCOMPARE(purge.method, QStringLiteral("PURGE"));
    QCOMPARE(purge.body.mode, RequestBody::Mode::File);
    QCOMPARE(purge.body.filePath, QStringLiteral("payload.bin"));
}

void TestPostmanFormat::roundTripKeepsEveryField()
{
    const QString path = fixture(QStringLiteral("full-v21.postman_collection.json"));
    const QJsonObject original = readJson(path);
    QVERIFY(!original.isEmpty());
    const Result<Collection> c = PostmanReader::readCollectionFile(path);
    QVERIFY(c.ok());
    const QJsonObject written = PostmanWriter::collectionJson(c.value());
    if (written != original) {
        qWarning().noquote() << QString::fromUtf8(QJsonDocument(written).toJson());
    }
    QCOMPARE(written, original);
}

void TestPostmanFormat::anEmptyValueIsNullOnlyWhereTheFileSaidSo()
{
    // The file's "value": null comes back null; an empty value made anywhere else (an importer's,
    // an edit) is written "" — newman would send a null header as the text "null".
    const QJsonObject original = QJsonDocument::fromJson(R"({
  "info": { "name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "item": [ { "name": "r", "request": { "method": "GET", "url": "https://example.com/",
    "header": [ { "key": "X-Null", "value": null } ] } } ]
})")
                                     .object();
    Result<Collection> read = PostmanReader::readCollection(original, QStringLiteral("n"));
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(PostmanWriter::collectionJson(read.value()), original);

    Collection edited = read.value();
    edited.items[0].request.headers.append({ QStringLiteral("X-Made"), QString() });
    const QJsonArray headers = PostmanWriter::collectionJson(edited)
                                   .value(QLatin1String("item"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QLatin1String("request"))
                                   .toObject()
                                   .value(QLatin1String("header"))
                                   .toArray();
    QVERIFY(headers.at(0).toObject().value(QLatin1String("value")).isNull());
    QCOMPARE(headers.at(1).toObject().value(QLatin1String("value")), QJsonValue(QLatin1String("")));
}

void TestPostmanFormat::everyBodyModeRoundTrips()
{
    // One request per body mode the editor offers.
    const QByteArray json = R"({
  "info": { "name": "Bodies", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "item": [
    { "name": "none", "request": { "header": [], "method": "POST", "url": "https://example.com/a" } },
    { "name": "json", "request": { "header": [], "method": "POST", "url": "https://example.com/a",
      "body": { "mode": "raw", "raw": "{\"id\": {{id}}}", "options": { "raw": { "language": "json" } } } } },
    { "name": "xml", "request": { "header": [], "method": "POST", "url": "https://example.com/a",
      "body": { "mode": "raw", "raw": "<a/>", "options": { "raw": { "language": "xml" } } } } },
    { "name": "html", "request": { "header": [], "method": "POST", "url": "https://example.com/a",
      "body": { "mode": "raw", "raw": "<p>", "options": { "raw": { "language": "html" } } } } },
    { "name": "js", "request": { "header": [], "method": "POST", "url": "https://example.com/a",
      "body": { "mode": "raw", "raw": "let a", "options": { "raw": { "language": "javascript" } } } } },
    { "name": "text", "request": { "header": [], "method": "POST", "url": "https://example.com/a",
      "body": { "mode": "raw", "raw": "plain", "options": { "raw": { "language": "text" } } } } },
    { "name": "urlencoded", "request": { "header": [], "method": "POST", "url": "https://example.com/a",
      "body": { "mode": "urlencoded", "urlencoded": [
        { "key": "a b", "value": "c&d", "type": "text" },
        { "key": "off", "value": "1", "disabled": true, "description": "kept" } ] } } },
    { "name": "formdata", "request": { "header": [], "method": "POST", "url": "https://example.com/a",
      "body": { "mode": "formdata", "formdata": [
        { "key": "title", "value": "Hello", "type": "text", "contentType": "text/plain; charset=utf-8" },
        { "key": "upload", "src": "/data/notes.txt", "type": "file" },
        { "key": "many", "src": ["/data/a.png", "/data/b.png"], "type": "file", "disabled": true } ] } } },
    { "name": "file", "request": { "header": [], "method": "PUT", "url": "https://example.com/a",
      "body": { "mode": "file", "file": { "src": "/data/blob.bin" } } } },
    { "name": "graphql", "request": { "header": [], "method": "POST", "url": "https://example.com/a",
      "body": { "mode": "graphql", "graphql": { "query": "{ me { id } }", "variables": "" } } } }
  ]
})";
    const QJsonObject original = QJsonDocument::fromJson(json).object();
    QVERIFY(!original.isEmpty());
    Result<Collection> read = PostmanReader::readCollection(original, QStringLiteral("bodies"));
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(PostmanWriter::collectionJson(read.value()), original);

    const QList<CollectionItem> &items = read.value().items;
    QCOMPARE(items.size(), 10);
    QCOMPARE(items.at(1).request.body.rawLanguage, QStringLiteral("json"));
    QCOMPARE(items.at(7).request.body.formData.at(1).src, QStringLiteral("/data/notes.txt"));
    QCOMPARE(items.at(8).request.body.filePath, QStringLiteral("/data/blob.bin"));
    QCOMPARE(items.at(9).request.body.mode, RequestBody::Mode::GraphQl);
    QCOMPARE(items.at(9).request.body.graphQlQuery, QStringLiteral("{ me { id } }"));

    // Edited as the Body tab edits: a new file for the part that listed several is written.
    Collection edited = read.value();
    FormPart &many = edited.items[7].request.body.formData[2];
    many.src = QStringLiteral("/data/c.png");
    edited.items[8].request.body.filePath = QStringLiteral("/data/other.bin");
    const QJsonObject written = PostmanWriter::collectionJson(edited);
    const QJsonArray writtenItems = written.value(QLatin1String("item")).toArray();
    const QJsonObject formBody = writtenItems.at(7)
                                     .toObject()
                                     .value(QLatin1String("request"))
                                     .toObject()
                                     .value(QLatin1String("body"))
                                     .toObject();
    QCOMPARE(formBody.value(QLatin1String("formdata"))
                 .toArray()
                 .at(2)
                 .toObject()
                 .value(QLatin1String("src")),
        QJsonValue(QStringLiteral("/data/c.png")));
    const QJsonObject fileBody = writtenItems.at(8)
                                     .toObject()
                                     .value(QLatin1String("request"))
                                     .toObject()
                                     .value(QLatin1String("body"))
                                     .toObject();
    QCOMPARE(fileBody.value(QLatin1String("file")).toObject().value(QLatin1String("src")),
        QJsonValue(QStringLiteral("/data/other.bin")));
}

void TestPostmanFormat::writerOutputIsStableAndPretty()
{
    QTemporaryDir dir;
    const Result<Collection> c = PostmanReader::readCollectionFile(
        fixture(QStringLiteral("full-v21.postman_collection.json")));
    const QString a = dir.filePath(QStringLiteral("a.json"));
    const QString b = dir.filePath(QStringLiteral("b.json"));
    QVERIFY(PostmanWriter::writeCollectionFile(a, c.value()).ok());
    const Result<Collection> again = PostmanReader::readCollectionFile(a);
    QVERIFY(again.ok());
    QVERIFY(PostmanWriter::writeCollectionFile(b, again.value()).ok());
    QFile fa(a), fb(b);
    QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
    const QByteArray bytes = fa.readAll();
    QCOMPARE(bytes, fb.readAll());
    // Pretty-printed with sorted keys, so a one-field change is a one-line diff.
    QVERIFY(bytes.startsWith("{\n    \"auth\": {\n        \"bearer\": ["));
}

void TestPostmanFormat::readsV20()
{
    const Result<Collection> c
        = PostmanReader::readCollectionFile(fixture(QStringLiteral("v20.postman_collection.json")));
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(c->auth->param(QStringLiteral("token")), QStringLiteral("{{token}}"));
    const RequestSpec &list = c->items.at(0).request;
    QCOMPARE(list.headers.size(), 2);
    QCOMPARE(list.headers.at(1).key, QStringLiteral("X-Trace"));
    QCOMPARE(list.headers.at(1).value, QStringLiteral("abc"));
    QCOMPARE(list.url.query.first().key, QStringLiteral("limit"));
    QCOMPARE(c->items.at(1).request.url.base, QStringLiteral("https://api.digishare.ma/v1/ping"));
    QCOMPARE(c->items.at(1).request.method, QStringLiteral("GET"));
    // Written back as v2.1 auth rows.
    const QJsonObject out = PostmanWriter::collectionJson(c.value());
    QCOMPARE(out.value("auth")
                 .toObject()
                 .value("bearer")
                 .toArray()
                 .first()
                 .toObject()
                 .value("value")
                 .toString(),
        QStringLiteral("{{token}}"));
}

void TestPostmanFormat::badFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("truncated JSON names line and column")
        << QByteArray("{\n  \"info\": {\n    \"name\": \"x\"\n") << ":4:1: not valid JSON";
    QTest::newRow("binary garbage")
        << QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11) << "not valid JSON";
    QTest::newRow("empty file") << QByteArray() << "not valid JSON";
    QTest::newRow("array at top level") << QByteArray("[1,2]") << "expected a JSON object";
    QTest::newRow("not a collection") << QByteArray("{\"hello\": 1}") << "not a Postman collection";
    QTest::newRow("v1 collection")
        << QByteArray("{\"id\":\"x\",\"name\":\"n\",\"requests\":[],\"order\":[]}") << "Postman v1";
    QTest::newRow("items not an array")
        << QByteArray("{\"info\":{\"name\":\"n\"},\"item\":{}}") << "expected an array";
    QTest::newRow("item neither folder nor request")
        << QByteArray("{\"info\":{\"name\":\"n\"},\"item\":[{\"name\":\"odd\"}]}")
        << "item[0] (\"odd\")";
    QTest::newRow("item is a number")
        << QByteArray("{\"info\":{\"name\":\"n\"},\"item\":[3]}") << "item[0]: expected an object";
    QTest::newRow("unknown schema") << QByteArray(
        "{\"info\":{\"name\":\"n\",\"schema\":\"https://example.com/v9\"},\"item\":[]}")
                                    << "unsupported collection schema";
    QByteArray deep = "{\"info\":{\"name\":\"n\"},\"item\":[";
    for (int i = 0; i < 70; ++i)
        deep += "{\"name\":\"f\",\"item\":[";
    for (int i = 0; i < 70; ++i)
        deep += "]}";
    deep += "]}";
    QTest::newRow("folders nested too deep") << deep << "deeper than 64";
}

void TestPostmanFormat::badFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, messagePart);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("bad.json"), content);
    const Result<Collection> c = PostmanReader::readCollectionFile(path);
    QVERIFY(!c.ok());
    QVERIFY2(c.error().startsWith(path), qPrintable(c.error()));
    QVERIFY2(c.error().contains(messagePart), qPrintable(c.error()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content); // a failed read never modifies the file
}

void TestPostmanFormat::oneBadItemIsSkippedAndListed()
{
    const QJsonObject root = QJsonDocument::fromJson(
        R"({"info":{"name":"x"},"item":[{"name":"a","request":{"method":"GET","url":"http://a/"}},
{"name":"bad","request":{"method":123,"url":{"raw":5}}},
{"name":"f","item":[{"name":"odd"},{"name":"c","request":"http://c/"}]}]})")
                                 .object();
    QStringList skipped;
    const Result<Collection> c
        = PostmanReader::readCollection(root, QStringLiteral("p.json"), &skipped);
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QCOMPARE(c->items.size(), 2);
    QCOMPARE(c->items.at(0).name, QStringLiteral("a"));
    QCOMPARE(c->items.at(1).children.size(), 1);
    QCOMPARE(c->items.at(1).children.at(0).request.url.raw(), QStringLiteral("http://c/"));
    QCOMPARE(skipped.size(), 2);
    QVERIFY2(skipped.at(0).startsWith(
                 QStringLiteral("p.json: item[1].request.method: expected a string")),
        qPrintable(skipped.at(0)));
    QVERIFY2(skipped.at(1).contains(QStringLiteral("item[2].item[0] (\"odd\")")),
        qPrintable(skipped.at(1)));
    // Without a list to report to (a collection opened for editing), nothing is dropped silently.
    QVERIFY(!PostmanReader::readCollection(root, QStringLiteral("p.json")).ok());
    // Not a collection at all: an error naming the file and a line.
    const Result<Collection> none = PostmanReader::readCollection(
        QJsonObject { { "a", 1 } }, QStringLiteral("p.json"), &skipped);
    QVERIFY(!none.ok());
    QVERIFY2(none.error().startsWith(QStringLiteral("p.json:1: ")), qPrintable(none.error()));
}

void TestPostmanFormat::hugeFileIsRefusedWithoutReadingIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(JsonFile::MaxBytes + 1)); // sparse: no real disk use
    f.close();
    const Result<Collection> c = PostmanReader::readCollectionFile(path);
    QVERIFY(!c.ok());
    QVERIFY2(
        c.error().contains(QLatin1String("larger than the 64 MiB limit")), qPrintable(c.error()));
    const Result<Collection> missing
        = PostmanReader::readCollectionFile(dir.filePath(QStringLiteral("nope.json")));
    QVERIFY(missing.error().endsWith(QLatin1String("nope.json: no such file")));
}

void TestPostmanFormat::failedSaveKeepsTheOldFile()
{
    QTemporaryDir dir;
    Collection c;
    c.name = QStringLiteral("New");
    // A save that cannot even start names the file.
    const QString nowhere = dir.filePath(QStringLiteral("missing-folder/c.json"));
    const Status s = PostmanWriter::writeCollectionFile(nowhere, c);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().startsWith(nowhere), qPrintable(s.error()));
    // A save over a folder fails and leaves the folder and its content alone.
    const QString folder = dir.filePath(QStringLiteral("taken"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/inner")));
    QVERIFY(!PostmanWriter::writeCollectionFile(folder, c).ok());
    QVERIFY(QFileInfo(folder + QStringLiteral("/inner")).isDir());
}

void TestPostmanFormat::environmentSecretsAreNotWritten()
{
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("env.json"), QByteArray(R"({"id":"e1","name":"Prod","values":[
        {"key":"baseUrl","value":"https://api.digishare.ma/v1","type":"default","enabled":true},
        {"key":"token","value":"pat-very-secret","type":"secret","enabled":true},
        {"key":"old","value":"x","type":"default","enabled":false}],"_postman_variable_scope":"environment"})"));
    const Result<Environment> env = PostmanReader::readEnvironmentFile(path);
    QVERIFY2(env.ok(), qPrintable(env.error()));
    QCOMPARE(env->values.size(), 3);
    QVERIFY(env->values.at(1).isSecret());
    QVERIFY(!env->values.at(2).enabled);
    const QString out = dir.filePath(QStringLiteral("out.json"));
    QVERIFY(PostmanWriter::writeEnvironmentFile(out, env.value()).ok());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(!bytes.contains("pat-very-secret"));
    QVERIFY(bytes.contains("\"_postman_variable_scope\": \"environment\""));
    QVERIFY(bytes.contains("\"key\": \"token\""));
}

void TestPostmanFormat::bundledDigishareCollectionReads()
{
    const Result<Collection> c = PostmanReader::readCollectionFile(
        Test::sourcePath(QStringLiteral("resources/digishare.postman_collection.json")));
    QVERIFY2(c.ok(), qPrintable(c.error()));
    QVERIFY(flattenRequests(c->items).size() >= 2);
}

QTEST_GUILESS_MAIN(TestPostmanFormat)
#include "TestPostmanFormat.moc"
