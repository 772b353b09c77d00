// Docs Markdown import: every ::api-playground block of a page, per spec/mdc-playground.md; the
// bundled docs page gives both of its requests.
#include "app/formats/MarkdownImporter.h"
#include "tests/support/TestPaths.h"

#include <QTest>

using namespace Playground;

class TestDocsImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void digishareAuthenticationPage()
    {
        const QString page = Test::sourcePath("../shared/spec/digishare-authentication.md");
        const QString local = Test::sourcePath("tests/data/digishare-authentication.md");
        const Result<ImportedCollection> r = MarkdownImporter::readFile(local);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        Q_UNUSED(page);
        const Collection &c = r->collection;
        QCOMPARE(c.name, QString("Authentication"));
        QCOMPARE(c.items.size(), 2);
        const RequestSpec &list = c.items.at(0).request;
        QCOMPARE(list.method, QString("GET"));
        QCOMPARE(list.url.raw(), QString("https://api.digishare.ma/v1/campaigns"));
        QVERIFY(list.auth && list.auth->type == "bearer");
        QCOMPARE(list.auth->param("token"), QString("{{token}}"));
        QCOMPARE(list.description,
            QString("List all your campaigns using Bearer Token authentication."));
        QCOMPARE(c.variables.size(), 1);
        QCOMPARE(c.variables.first().key, QString("token"));
        QVERIFY(c.variables.first().isSecret());
        const RequestSpec &token = c.items.at(1).request;
        QCOMPARE(token.method, QString("POST"));
        QCOMPARE(token.url.raw(), QString("https://api.digishare.ma/v1/oauth/token"));
        QCOMPARE(token.body.raw,
            QString(
                R"({"grant_type": "client_credentials", "client_id": "YOUR_CLIENT_ID", "client_secret": "YOUR_CLIENT_SECRET"})"));
        QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join('\n')));
    }

    void blocks_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("requests");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("headers");
        QTest::addColumn<QString>("warning");
        QTest::newRow("double-quoted JSON, {id} declared")
            << "::api-playground{method=\"DELETE\" url=\"https://h.test/c/{id}\" "
               ":variables='{\"id\": \"17\"}'}\n::\n"
            << 1 << "https://h.test/c/{{id}}"
            << ""
            << "";
        QTest::newRow("props over several lines")
            << "::api-playground{\n  method=\"GET\"\n  url='https://h.test/{a}/{b}'\n  "
               ":variables='{\"a\": \"1\"}'\n  :headers='{\"X-A\": \"{a}-{b}\"}'\n}\n::\n"
            << 1 << "https://h.test/{{a}}/{b}"
            << "X-A: {{a}}-{b}"
            << "";
        QTest::newRow("YAML props")
            << "::api-playground\n---\nmethod: DELETE\nurl: https://h.test/c/{id}\nvariables:\n  "
               "id: \"17\"\n---\n::\n"
            << 1 << "https://h.test/c/{{id}}"
            << ""
            << "";
        QTest::newRow("in a code fence: an example")
            << "```md\n::api-playground{url=\"https://h.test/no\"}\n::\n```\n"
               "::api-playground{url=\"https://h.test/yes\"}\n::\n"
            << 1 << "https://h.test/yes"
            << ""
            << "";
        QTest::newRow("nested component and other blocks")
            << "::note\ntext\n::\n::api-playground{url=\"https://h.test/"
               "a\"}\nslot\n:::tip\nx\n:::\n::\n"
            << 1 << "https://h.test/a"
            << ""
            << "";
        QTest::newRow("bad JSON prop: skipped with file:line")
            << "intro\n\n::api-playground{url=\"https://h.test/a\" :headers='{nope}'}\n::\n"
            << 1 << "https://h.test/a"
            << ""
            << "page.md:3";
        QTest::newRow("unclosed props: block skipped, next read")
            << "::api-playground{url=\"https://h.test/a\n\n::api-playground{url=\"https://h.test/"
               "b\"}\n::\n"
            << 1 << "https://h.test/b"
            << ""
            << "page.md:1";
    }
    void blocks()
    {
        QFETCH(QString, markdown);
        QFETCH(int, requests);
        QFETCH(QString, url);
        QFETCH(QString, headers);
        QFETCH(QString, warning);
        const Result<ImportedCollection> r = MarkdownImporter::read(markdown, "page.md");
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->collection.items.size(), requests);
        const RequestSpec &req = r->collection.items.last().request;
        QCOMPARE(req.url.raw(), url);
        QStringList h;
        for (const KeyValue &kv : req.headers)
            h.append(kv.key + ": " + kv.value);
        QCOMPARE(h.join(" | "), headers);
        if (warning.isEmpty())
            QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join('\n')));
        else
            QVERIFY2(r->warnings.join('\n').contains(warning), qPrintable(r->warnings.join('\n')));
    }

    /** Headers, variables and a YAML body in the order the page writes them (not sorted). */
    void thePagesOrderIsKept()
    {
        const Result<ImportedCollection> r = MarkdownImporter::read(
            "::api-playground\n---\nmethod: POST\nurl: https://h.test/{zone}/{area}\n"
            "variables:\n  zone: eu\n  area: north\n"
            "headers:\n  X-Zeta: '1'\n  Accept: application/json\n"
            "body:\n  zeta: {y: 1, b: 2}\n  alpha: [3]\n---\n::\n\n"
            "::api-playground{method=\"GET\" url=\"https://h.test/x\" "
            ":headers='{\"X-Zeta\": \"1\", \"Accept\": \"2\"}'}\n::\n",
            "order.md");
        QVERIFY2(r.ok(), qPrintable(r.error()));
        const Collection &c = r->collection;
        QCOMPARE(c.items.size(), 2);
        QStringList variables;
        for (const Variable &v : c.variables)
            variables.append(v.key);
        QCOMPARE(variables, (QStringList { "zone", "area" }));
        for (const CollectionItem &item : c.items) {
            QCOMPARE(item.request.headers.size(), 2);
            QCOMPARE(item.request.headers.at(0).key, QString("X-Zeta"));
            QCOMPARE(item.request.headers.at(1).key, QString("Accept"));
        }
        QCOMPARE(c.items.at(0).request.body.raw,
            QString("{\n    \"zeta\": {\n        \"y\": 1,\n        \"b\": 2\n    },\n"
                    "    \"alpha\": [\n        3\n    ]\n}"));
    }

    void nothingToImport()
    {
        const Result<ImportedCollection> r = MarkdownImporter::read("# Title\ntext\n", "empty.md");
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains("empty.md"));
    }
};

QTEST_GUILESS_MAIN(TestDocsImport)
#include "TestDocsImport.moc"
