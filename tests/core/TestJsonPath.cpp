// The response filter's JSONPath: what each form selects, in document order, and errors with
// the column a person can find.
#include "app/response/JsonPath.h"
#include "app/response/JsonTreeModel.h"

#include <QTest>

using namespace Playground;

namespace {

const QByteArray Shop = R"({
  "data": [
    {"id": 1, "name": "Ada", "tags": ["a", "b"], "address": {"city": "Rabat", "id": 10}},
    {"id": 2, "name": "Grace", "tags": [], "odd key": true},
    {"id": 3, "name": "Linus", "tags": ["c"]}
  ],
  "meta": {"total": 3, "next": null},
  "ünïcode": "é"
})";

QByteArray filter(const QByteArray &json, const QString &expression, int cap = 100)
{
    auto path = JsonPath::parse(expression);
    if (!path)
        return "error: " + path.error().toUtf8();
    auto tree = JsonTreeModel::parse(json);
    if (!tree)
        return "bad json";
    return path->evaluate(*tree.value(), cap).toJsonArray();
}

} // namespace

class TestJsonPath : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void selects_data();
    void selects();
    void capsTheMatches();
    void errorsNameTheColumn_data();
    void errorsNameTheColumn();
};

void TestJsonPath::selects_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("root") << "$"
                          << QByteArray(R"([{"data":[{"id":1,"name":"Ada","tags":["a","b"],)"
                                        R"("address":{"city":"Rabat","id":10}},{"id":2,"name":)"
                                        R"("Grace","tags":[],"odd key":true},{"id":3,"name":)"
                                        R"("Linus","tags":["c"]}],"meta":{"total":3,"next":)"
                                        R"(null},"ünïcode":"é"}])");
    QTest::newRow("member chain") << "$.data[0].name" << QByteArray(R"(["Ada"])");
    QTest::newRow("no dollar") << "data[1].name" << QByteArray(R"(["Grace"])");
    QTest::newRow("negative index") << "$.data[-1].id" << QByteArray("[3]");
    QTest::newRow("out of range") << "$.data[7]" << QByteArray("[]");
    QTest::newRow("wildcard items") << "$.data[*].id" << QByteArray("[1,2,3]");
    QTest::newRow("dot wildcard") << "$.meta.*" << QByteArray("[3,null]");
    QTest::newRow("descendants") << "$..id" << QByteArray("[1,10,2,3]");
    QTest::newRow("descendants bracket") << "$..tags[0]" << QByteArray(R"(["a","c"])");
    QTest::newRow("quoted name") << "$.data[1]['odd key']" << QByteArray("[true]");
    QTest::newRow("double quoted") << R"($["meta"]["total"])" << QByteArray("[3]");
    QTest::newRow("unicode name") << "$.ünïcode" << QByteArray(R"(["é"])");
    QTest::newRow("union of indices") << "$.data[0,2].name" << QByteArray(R"(["Ada","Linus"])");
    QTest::newRow("union of names") << "$.meta['next','total']" << QByteArray("[null,3]");
    QTest::newRow("slice") << "$.data[1:].id" << QByteArray("[2,3]");
    QTest::newRow("slice end") << "$.data[:2].id" << QByteArray("[1,2]");
    QTest::newRow("slice step") << "$.data[::2].id" << QByteArray("[1,3]");
    QTest::newRow("slice backwards") << "$.data[::-1].id" << QByteArray("[3,2,1]");
    QTest::newRow("slice negative") << "$.data[-2:].id" << QByteArray("[2,3]");
    QTest::newRow("objects kept whole")
        << "$.data[0].address" << QByteArray(R"([{"city":"Rabat","id":10}])");
    QTest::newRow("missing member") << "$.nothing.here" << QByteArray("[]");
    QTest::newRow("member of a scalar") << "$.meta.total.x" << QByteArray("[]");
    QTest::newRow("spaces inside brackets") << "$.data[ 0 , 1 ].id" << QByteArray("[1,2]");
}

void TestJsonPath::selects()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, expected);
    QCOMPARE(filter(Shop, expression), expected);
}

void TestJsonPath::capsTheMatches()
{
    QByteArray json = "[";
    for (int i = 0; i < 1000; ++i)
        json += (i ? "," : "") + QByteArray::number(i);
    json += "]";
    auto tree = JsonTreeModel::parse(json);
    QVERIFY(tree);
    const JsonPath::Matches all = JsonPath::parse("$[*]")->evaluate(*tree.value(), 5000);
    QCOMPARE(all.values.size(), 1000);
    QVERIFY(!all.capped);
    const JsonPath::Matches some = JsonPath::parse("$..*")->evaluate(*tree.value(), 10);
    QCOMPARE(some.values.size(), 10);
    QVERIFY(some.capped);
    QCOMPARE(some.toJsonArray(), QByteArray("[0,1,2,3,4,5,6,7,8,9]"));
}

void TestJsonPath::errorsNameTheColumn_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("says");
    QTest::newRow("unclosed bracket") << "$.data[0"
                                      << "column 9: expected ',' or ']'";
    QTest::newRow("unclosed quote") << "$['name"
                                    << "column 8: the quoted name is not closed";
    QTest::newRow("empty name") << "$.data."
                                << "column 8: expected a member name";
    QTest::newRow("filter") << "$.data[?(@.id>1)]"
                            << "not supported";
    QTest::newRow("zero step") << "$.data[::0]"
                               << "step cannot be 0";
    QTest::newRow("garbage after") << "$.data]"
                                   << "column 7: expected '.' or '['";
    QTest::newRow("empty brackets") << "$[]"
                                    << "column 3: expected a name in quotes";
    QTest::newRow("huge number") << "$[99999999999999999999999]"
                                 << "expected a whole number";
}

void TestJsonPath::errorsNameTheColumn()
{
    QFETCH(QString, expression);
    QFETCH(QString, says);
    auto path = JsonPath::parse(expression);
    QVERIFY(!path);
    QVERIFY2(path.error().contains(says), qPrintable(path.error()));
}

QTEST_GUILESS_MAIN(TestJsonPath)
#include "TestJsonPath.moc"
