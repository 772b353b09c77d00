// OpenAPI import: what the written Postman collection sends for each operation (URL, headers,
// auth, body), checked on the JSON newman and `api-playground run` read.
#include "app/formats/OpenApiImporter.h"
#include "app/formats/PostmanWriter.h"
#include "app/formats/YamlJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Playground;

namespace {

/** A one-operation document: GET /things with these parameters (YAML flow or block list). */
QByteArray withParameters(const QByteArray &parameters)
{
    return "openapi: 3.0.3\n"
           "info: {title: t, version: '1'}\n"
           "servers: [{url: 'https://api.example.com'}]\n"
           "paths:\n"
           "  /things:\n"
           "    get:\n"
           "      operationId: op\n"
           "      parameters:\n"
        + parameters + "      responses: {'200': {description: ok}}\n";
}

struct Written {
    QJsonObject collection;
    QStringList warnings;
};

Written written(const QByteArray &document)
{
    const Result<ImportedCollection> imported = OpenApiImporter::read(document, "test.yaml");
    if (!imported) {
        qWarning() << imported.error();
        return {};
    }
    return { PostmanWriter::collectionJson(imported->collection), imported->warnings };
}

QJsonObject findItem(const QJsonArray &items, const QString &name)
{
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        if (item.value("name").toString() == name)
            return item;
        const QJsonObject inside = findItem(item.value("item").toArray(), name);
        if (!inside.isEmpty())
            return inside;
    }
    return {};
}

/** The request of the item named name. */
QJsonObject request(const QJsonObject &collection, const QString &name)
{
    return findItem(collection.value("item").toArray(), name).value("request").toObject();
}

QString rawUrl(const QJsonObject &request)
{
    const QJsonValue url = request.value("url");
    return url.isString() ? url.toString() : url.toObject().value("raw").toString();
}

/** "key: value" of each header, "(off)" after disabled ones, "null" for a null value. */
QString headers(const QJsonObject &request)
{
    QStringList out;
    for (const QJsonValue &v : request.value("header").toArray()) {
        const QJsonObject h = v.toObject();
        out.append(h.value("key").toString() + ": "
            + (h.value("value").isString() ? h.value("value").toString() : QString("null"))
            + (h.value("disabled").toBool() ? QString(" (off)") : QString()));
    }
    return out.join(" | ");
}

QString variable(const QJsonObject &collection, const QString &key)
{
    for (const QJsonValue &v : collection.value("variable").toArray()) {
        if (v.toObject().value("key").toString() == key)
            return v.toObject().value("value").toString();
    }
    return "(none)";
}

const QByteArray securityDocument = "openapi: 3.0.3\n"
                                    "info: {title: t, version: '1'}\n"
                                    "servers: [{url: 'https://api.example.com'}]\n"
                                    "components:\n"
                                    "  securitySchemes:\n"
                                    "    bearer: {type: http, scheme: bearer}\n"
                                    "    cookieKey: {type: apiKey, in: cookie, name: SESSION}\n"
                                    "    oidc: {type: openIdConnect, openIdConnectUrl: "
                                    "'https://x.test/.well-known'}\n"
                                    "security: [{bearer: []}]\n"
                                    "paths:\n"
                                    "  /a:\n"
                                    "    get: {operationId: inherits, responses: {}}\n"
                                    "    put: {operationId: cookie, security: [{cookieKey: []}], "
                                    "responses: {}}\n"
                                    "    post: {operationId: unmapped, security: [{oidc: []}], "
                                    "responses: {}}\n"
                                    "    delete: {operationId: anonymous, security: [], "
                                    "responses: {}}\n";

} // namespace

class TestOpenApiImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void queryParameters_data()
    {
        QTest::addColumn<QByteArray>("parameters");
        QTest::addColumn<QString>("url");

        QTest::newRow("reserved characters stay in one value")
            << QByteArray("        - {name: q, in: query, example: 'hello world&more'}\n"
                          "        - {name: h, in: query, example: 'a#b=c+d'}\n")
            << "https://api.example.com/things?h=a%23b%3Dc%2Bd&q=hello%20world%26more";
        QTest::newRow("non-ASCII")
            << QByteArray("        - {name: 'é', in: query, example: 'ça'}\n")
            << "https://api.example.com/things?%C3%A9=%C3%A7a";
        QTest::newRow("form exploded array")
            << QByteArray("        - {name: status, in: query, schema: {type: array}, "
                          "example: [available, sold]}\n")
            << "https://api.example.com/things?status=available&status=sold";
        QTest::newRow("form array, explode false")
            << QByteArray(
                   "        - {name: ids, in: query, explode: false, example: [1, 2, 'a,b']}\n")
            << "https://api.example.com/things?ids=1,2,a%2Cb";
        QTest::newRow("pipeDelimited array") << QByteArray(
            "        - {name: ids, in: query, style: pipeDelimited, explode: false, "
            "example: [1, 2]}\n") << "https://api.example.com/things?ids=1|2";
        QTest::newRow("deepObject")
            << QByteArray("        - {name: filter, in: query, style: deepObject, explode: true, "
                          "example: {color: red, size: L}}\n")
            << "https://api.example.com/things?filter[color]=red&filter[size]=L";
        QTest::newRow("form exploded object")
            << QByteArray("        - {name: filter, in: query, example: {color: red}}\n")
            << "https://api.example.com/things?color=red";
        QTest::newRow("form object, explode false")
            << QByteArray("        - {name: filter, in: query, explode: false, "
                          "example: {color: red, size: L}}\n")
            << "https://api.example.com/things?filter=color,red,size,L";
        QTest::newRow("optional, no example: listed, switched off")
            << QByteArray("        - {name: opt, in: query}\n") << "https://api.example.com/things";
    }

    void queryParameters()
    {
        QFETCH(QByteArray, parameters);
        QFETCH(QString, url);
        const Written w = written(withParameters(parameters));
        QString raw = rawUrl(request(w.collection, "op"));
        raw.replace("{{baseUrl}}", variable(w.collection, "baseUrl"));
        QCOMPARE(raw, url);
    }

    void optionalHeaderWithoutExampleIsEmptyAndOff()
    {
        const Written w = written(withParameters("        - {name: X-Num, in: header}\n"
                                                 "        - {name: X-Req, in: header, required: "
                                                 "true}\n"
                                                 "        - {name: X-Ids, in: header, example: [1, "
                                                 "2, 3]}\n"));
        QCOMPARE(headers(request(w.collection, "op")), "X-Ids: 1,2,3 | X-Num:  (off) | X-Req: ");
    }

    void simplePathArray()
    {
        QByteArray doc = withParameters(
            "        - {name: ids, in: path, required: true, example: [1, 2, 3]}\n");
        doc.replace("/things:", "/things/{ids}:");
        const QJsonObject r = request(written(doc).collection, "op");
        QCOMPARE(rawUrl(r), "{{baseUrl}}/things/:ids");
        const QJsonObject pathVariable = r.value("url").toObject().value("variable")[0].toObject();
        QCOMPARE(pathVariable.value("key").toString(), "ids");
        QCOMPARE(pathVariable.value("value").toString(), "1,2,3");
    }

    void pathParameterInsideASegment()
    {
        QByteArray doc
            = withParameters("        - {name: id, in: path, required: true, example: 'a-1'}\n"
                             "        - {name: version, in: path, required: true, example: '2'}\n");
        doc.replace("/things:", "/b/{id}.json/{version}/v{version}-{id}:");
        const Written w = written(doc);
        const QJsonObject r = request(w.collection, "op");
        // ":version" is a whole segment; inside a segment ":id" would be sent literally.
        QCOMPARE(rawUrl(r), "{{baseUrl}}/b/{{id}}.json/:version/v{{version}}-{{id}}");
        QCOMPARE(variable(w.collection, "id"), "a-1");
        QCOMPARE(variable(w.collection, "version"), "2");
    }

    void pathValueAPathCannotHoldIsWrittenEncoded()
    {
        QByteArray doc = withParameters(
            "        - {name: id, in: path, required: true, example: 'a/b c'}\n"
            "        - {name: name, in: path, required: true, example: 'dir/a b#c?%.txt'}\n");
        doc.replace("/things:", "/b/{id}.json/{name}:");
        const QJsonObject r = request(written(doc).collection, "op");
        // From a variable, newman would send the '/' as it is, splitting the segment.
        QCOMPARE(rawUrl(r), "{{baseUrl}}/b/a%2Fb%20c.json/dir%2Fa%20b%23c%3F%25.txt");
    }

    void securityOfAnOperation()
    {
        const Written w = written(securityDocument);
        QCOMPARE(w.collection.value("auth").toObject().value("type").toString(), "bearer");
        QVERIFY(!request(w.collection, "inherits").contains("auth"));

        const QJsonObject cookie = request(w.collection, "cookie");
        QCOMPARE(cookie.value("auth").toObject().value("type").toString(), "noauth");
        QCOMPARE(headers(cookie), "Cookie: SESSION={{cookieKey}}");

        // Never inherit the bearer token for an endpoint that asked for another scheme.
        QCOMPARE(
            request(w.collection, "unmapped").value("auth").toObject().value("type"), "noauth");
        QVERIFY(w.warnings.join('\n').contains("POST /a: its security could not be carried over"));
        QCOMPARE(
            request(w.collection, "anonymous").value("auth").toObject().value("type"), "noauth");
    }

    void serversOfAPathOrOperation()
    {
        const QByteArray doc = "openapi: 3.0.0\n"
                               "info: {title: t, version: '1'}\n"
                               "servers: [{url: 'https://prod.example.com/api/'}]\n"
                               "paths:\n"
                               "  /files:\n"
                               "    servers: [{url: 'https://files.example.com'}]\n"
                               "    get: {operationId: pathLevel, responses: {}}\n"
                               "  /upload:\n"
                               "    post:\n"
                               "      operationId: opLevel\n"
                               "      servers:\n"
                               "        - url: '{scheme}://{host}/v2'\n"
                               "          variables:\n"
                               "            scheme: {default: http}\n"
                               "            host: {default: '127.0.0.1:8765'}\n"
                               "      responses: {}\n"
                               "  /plain:\n"
                               "    get: {operationId: plain, responses: {}}\n";
        const Written w = written(doc);
        QCOMPARE(variable(w.collection, "baseUrl"), "https://prod.example.com/api");
        QCOMPARE(rawUrl(request(w.collection, "pathLevel")), "https://files.example.com/files");
        QCOMPARE(rawUrl(request(w.collection, "opLevel")), "http://127.0.0.1:8765/v2/upload");
        QCOMPARE(rawUrl(request(w.collection, "plain")), "{{baseUrl}}/plain");
    }

    void yamlMergeKeys()
    {
        const Result<QJsonValue> v = YamlJson::parse("base: &b {a: 1, tags: [x]}\n"
                                                     "more: &m {c: 3}\n"
                                                     "one: {<<: *b, a: 2}\n"
                                                     "two: {<<: [*m, *b]}\n"
                                                     "quoted: {'<<': 5}\n",
            "t.yaml");
        QVERIFY2(v, qPrintable(v.error()));
        const QJsonObject o = v->toObject();
        QCOMPARE(QJsonDocument(o.value("one").toObject()).toJson(QJsonDocument::Compact),
            R"({"a":2,"tags":["x"]})");
        QCOMPARE(QJsonDocument(o.value("two").toObject()).toJson(QJsonDocument::Compact),
            R"({"a":1,"c":3,"tags":["x"]})");
        QCOMPARE(o.value("quoted").toObject().value("<<").toInt(), 5);
    }

    /** Mappings merged into each other twice per level: refused, not expanded 2^40 times. */
    void mergeKeysAreBounded()
    {
        QByteArray yaml = "a0: &a0 {}\n";
        for (int i = 1; i <= 40; ++i)
            yaml += QStringLiteral("a%1: &a%1 {<<: [*a%2, *a%2]}\n").arg(i).arg(i - 1).toUtf8();
        const Result<QJsonValue> v = YamlJson::parse(yaml, "bomb.yaml", 1, true);
        QVERIFY(!v);
        QVERIFY2(v.error().contains("too many nodes"), qPrintable(v.error()));
    }

    /** A document's own key named like the recorded order is not read: it cannot replace it. */
    void aKeyNamedLikeTheOrderIsNotRead()
    {
        const QByteArray doc
            = "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
              "\"servers\":[{\"url\":\"https://x.test\"}],\"paths\":{\"/d\":{"
              "\"post\":{\"operationId\":\"d\",\"requestBody\":{\"content\":{"
              "\"application/json\":{\"example\":{\"\\u0000order\":[\"zz\"],"
              "\"b\":1,\"a\":2}}}}}}}}";
        const Written w = written(doc);
        QCOMPARE(request(w.collection, "d").value("body").toObject().value("raw").toString(),
            QStringLiteral("{\n    \"b\": 1,\n    \"a\": 2\n}"));
    }

    void mergedTagsMakeFolders()
    {
        const QByteArray doc = "openapi: 3.0.1\n"
                               "info: {title: t, version: '1'}\n"
                               "x-common: &common\n"
                               "  tags: [things]\n"
                               "paths:\n"
                               "  /a:\n"
                               "    get:\n"
                               "      <<: *common\n"
                               "      operationId: getA\n";
        const QJsonArray items = written(doc).collection.value("item").toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].toObject().value("name").toString(), "things");
    }

    /** The same document in YAML and in minified JSON: both keep the document's order. */
    void theDocumentsOrderIsKept_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::newRow("yaml") << QByteArray(
            "openapi: 3.1.0\n"
            "info: {title: t, version: '1'}\n"
            "servers: [{url: 'https://api.example.com'}]\n"
            "components:\n"
            "  schemas:\n"
            "    Base: {type: object, properties: {zid: {type: integer}, kind: {type: string}}}\n"
            "paths:\n"
            "  /zebras:\n"
            "    post:\n"
            "      operationId: addZebra\n"
            "      requestBody:\n"
            "        content:\n"
            "          text/plain: {example: plain}\n"
            "          application/x-www-form-urlencoded:\n"
            "            example: {stripes: 40, name: Zed, age: 3}\n"
            "  /ants:\n"
            "    post:\n"
            "      operationId: addAnt\n"
            "      requestBody:\n"
            "        content:\n"
            "          application/json:\n"
            "            examples:\n"
            "              small: {value: {z: 1, a: {y: 2, b: 3}}}\n"
            "              big: {value: {every: 1}}\n"
            "  /bees:\n"
            "    post:\n"
            "      operationId: addBee\n"
            "      requestBody:\n"
            "        content:\n"
            "          application/json:\n"
            "            schema:\n"
            "              allOf:\n"
            "                - {$ref: '#/components/schemas/Base'}\n"
            "                - {properties: {wings: {type: integer, example: 4}, "
            "buzz: {type: boolean}}}\n");
        QTest::newRow("minified json") << QByteArray(
            R"({"openapi":"3.1.0","info":{"title":"t","version":"1"},)"
            R"("servers":[{"url":"https://api.example.com"}],)"
            R"("components":{"schemas":{"Base":{"type":"object","properties":)"
            R"({"zid":{"type":"integer"},"kind":{"type":"string"}}}}},)"
            R"("paths":{"/zebras":{"post":{"operationId":"addZebra","requestBody":{"content":)"
            R"({"text/plain":{"example":"plain"},"application/x-www-form-urlencoded":)"
            R"({"example":{"stripes":40,"name":"Zed","age":3}}}}}},)"
            R"("/ants":{"post":{"operationId":"addAnt","requestBody":{"content":)"
            R"({"application/json":{"examples":{"small":{"value":{"z":1,"a":{"y":2,"b":3}}},)"
            R"("big":{"value":{"every":1}}}}}}}},)"
            R"("/bees":{"post":{"operationId":"addBee","requestBody":{"content":)"
            R"({"application/json":{"schema":{"allOf":[{"$ref":"#/components/schemas/Base"},)"
            R"({"properties":{"wings":{"type":"integer","example":4},)"
            R"("buzz":{"type":"boolean"}}}]}}}}}}}})");
    }

    void theDocumentsOrderIsKept()
    {
        QFETCH(QByteArray, document);
        const Written w = written(document);
        // Requests in the order of the paths, not sorted.
        QStringList names;
        for (const QJsonValue &item : w.collection.value("item").toArray())
            names.append(item.toObject().value("name").toString());
        QCOMPARE(names, (QStringList { "addZebra", "addAnt", "addBee" }));
        // Form fields in the example's order; the first of several media types with no JSON.
        QStringList fields;
        const QJsonObject zebra = request(w.collection, "addZebra");
        for (const QJsonValue &row : zebra.value("body").toObject().value("urlencoded").toArray())
            fields.append(row.toObject().value("key").toString());
        QCOMPARE(fields, (QStringList { "stripes", "name", "age" }));
        // The first example as written, its members in order at every depth.
        QCOMPARE(request(w.collection, "addAnt").value("body").toObject().value("raw").toString(),
            QStringLiteral("{\n    \"z\": 1,\n    \"a\": {\n        \"y\": 2,\n        \"b\": "
                           "3\n    }\n}"));
        // A body made from a schema: properties in order, allOf parts one after the other.
        QCOMPARE(request(w.collection, "addBee").value("body").toObject().value("raw").toString(),
            QStringLiteral("{\n    \"zid\": 0,\n    \"kind\": \"string\",\n    \"wings\": "
                           "4,\n    \"buzz\": true\n}"));
        // The order itself is never written.
        const QByteArray file = QJsonDocument(w.collection).toJson();
        QVERIFY(!file.contains("order\""));
        QVERIFY(!file.contains("\\u0000"));
    }

    /** Integers beyond a double's (ids of 2^63) stay the numbers written, in bodies and queries. */
    void largeIntegersStayExact()
    {
        const QByteArray doc
            = "openapi: 3.0.3\n"
              "info: {title: t, version: '1'}\n"
              "servers: [{url: 'https://api.example.com'}]\n"
              "paths:\n"
              "  /orders:\n"
              "    post:\n"
              "      operationId: add\n"
              "      parameters:\n"
              "        - {name: after, in: query, example: 9223372036854775807}\n"
              "      requestBody:\n"
              "        content:\n"
              "          application/json:\n"
              "            example: {id: 9007199254740993, neg: -12345678901234567890,"
              " small: 7}\n"
              "  /count:\n"
              "    put:\n"
              "      operationId: count\n"
              "      requestBody:\n"
              "        content:\n"
              "          application/json: {example: 9223372036854775807}\n";
        // A whole body that is one such number.
        QCOMPARE(request(written(doc).collection, "count").value("body").toObject().value("raw"),
            QJsonValue(QStringLiteral("9223372036854775807")));
        const QJsonObject r = request(written(doc).collection, "add");
        QCOMPARE(r.value("body").toObject().value("raw").toString(),
            QStringLiteral("{\n    \"id\": 9007199254740993,\n    \"neg\": "
                           "-12345678901234567890,\n    \"small\": 7\n}"));
        QCOMPARE(r.value("url")
                     .toObject()
                     .value("query")
                     .toArray()
                     .first()
                     .toObject()
                     .value("value")
                     .toString(),
            QStringLiteral("9223372036854775807"));
    }

    /** A YAML document too large for its reader's memory: refused at once, said why. */
    void largeYamlIsRefused()
    {
        const QByteArray yaml = "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n"
                                "x-pad: '"
            + QByteArray(OpenApiImporter::MaxYamlBytes, 'x') + "'\n";
        const Result<ImportedCollection> r = OpenApiImporter::read(yaml, "huge.yaml");
        QVERIFY(!r);
        QVERIFY2(r.error().contains("huge.yaml: YAML larger than 32 MiB"), qPrintable(r.error()));
    }

    void swagger2IsRefused()
    {
        const Result<ImportedCollection> r
            = OpenApiImporter::read("swagger: '2.0'\ninfo: {title: t}\npaths: {}\n", "old.yaml");
        QVERIFY(!r);
        QVERIFY2(r.error().contains("Swagger 2.0 is not read"), qPrintable(r.error()));
    }
};

QTEST_GUILESS_MAIN(TestOpenApiImport)
#include "TestOpenApiImport.moc"
