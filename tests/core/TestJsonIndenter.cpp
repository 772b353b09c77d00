// The streaming JSON re-indenter: same output in any pieces, order and spelling kept.
#include "app/response/JsonIndenter.h"
#include "app/response/ResponseFormatter.h"

#include <QTest>

using namespace Playground;

class TestJsonIndenter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void indents_data();
    void indents();
    void piecesDoNotMatter();
    void deepNestingGrowsTheOutput();
};

void TestJsonIndenter::indents_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("pretty");
    QTest::newRow("object") << QByteArray("{\"b\":1,\"a\":[true,null]}")
                            << QByteArray(
                                   "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null\n  ]\n}");
    QTest::newRow("empties") << QByteArray("{ \"o\" : { } , \"a\" : [ ] }")
                             << QByteArray("{\n  \"o\": {},\n  \"a\": []\n}");
    QTest::newRow("string with brackets and escapes")
        << QByteArray("[\"{,:}\\\"[\",1.50e3]") << QByteArray("[\n  \"{,:}\\\"[\",\n  1.50e3\n]");
    QTest::newRow("numbers and literals next to brackets")
        << QByteArray("[-0.5e-3,false,{\"k\":-12}]")
        << QByteArray("[\n  -0.5e-3,\n  false,\n  {\n    \"k\": -12\n  }\n]");
    QTest::newRow("truncated") << QByteArray("{\"a\":[1,")
                               << QByteArray("{\n  \"a\": [\n    1,\n    ");
}

void TestJsonIndenter::indents()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, pretty);
    QCOMPARE(JsonIndenter::indent(json), pretty);
}

void TestJsonIndenter::piecesDoNotMatter()
{
    QByteArray json = "[";
    for (int i = 0; i < 500; ++i)
        json += "{\"id\":" + QByteArray::number(i) + ",\"s\":\"a\\\"b{}\",\"e\":{},\"l\":[ ]},";
    json.chop(1);
    json += "]";
    const QByteArray whole = JsonIndenter::indent(json);
    QCOMPARE(whole, ResponseFormatter::indentJson(json));
    for (int piece : { 1, 2, 3, 7, 64, 1000 }) {
        JsonIndenter indenter;
        QByteArray out;
        for (qsizetype pos = 0; pos < json.size(); pos += piece)
            indenter.feed(
                QByteArrayView(json).sliced(pos, qMin<qsizetype>(piece, json.size() - pos)), out);
        indenter.finish(out);
        QCOMPARE(out, whole);
    }
}

void TestJsonIndenter::deepNestingGrowsTheOutput()
{
    // 3000 levels: the indentation alone is megabytes, far past any reserved room.
    constexpr int Depth = 3000;
    const QByteArray json = QByteArray(Depth, '[') + "7" + QByteArray(Depth, ']');
    QByteArray expected;
    for (int i = 0; i < Depth; ++i)
        expected += QByteArray(i * 2, ' ') + "[\n";
    expected += QByteArray(Depth * 2, ' ') + "7";
    for (int i = Depth - 1; i >= 0; --i)
        expected += "\n" + QByteArray(i * 2, ' ') + "]";
    QCOMPARE(JsonIndenter::indent(json), expected);
}

QTEST_GUILESS_MAIN(TestJsonIndenter)
#include "TestJsonIndenter.moc"
