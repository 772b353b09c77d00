// The JSON tree: a valid item model, lazy children, paths and values, parse errors in words.
#include "app/response/JsonTreeModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Playground;

class TestJsonTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void isAValidModel();
    void childrenComeInBatches();
    void pathsAndValues();
    void scalarDocument();
    void invalidJsonSaysSo();
};

void TestJsonTreeModel::isAValidModel()
{
    JsonTreeModel model;
    auto tree = JsonTreeModel::parse("{\"a\":{\"b\":[1,{\"c\":null}]},\"d\":\"e\"}");
    QVERIFY(tree);
    model.setTree(tree.value());
    // After the reset: the tester fetches more inside its own reset handler, which it then
    // counts as an insertion during a reset.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex a = model.index(0, 0);
    QVERIFY(model.hasChildren(a));
    if (model.canFetchMore(a))
        model.fetchMore(a);
    QCOMPARE(model.rowCount(a), 1);
}

void TestJsonTreeModel::childrenComeInBatches()
{
    QByteArray json = "[";
    for (int i = 0; i < 1234; ++i)
        json += (i ? "," : "") + QByteArray::number(i);
    json += "]";
    JsonTreeModel model;
    model.setTree(JsonTreeModel::parse(json).value());
    QCOMPARE(model.rowCount(), JsonTreeModel::FetchBatch);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 1234);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(
        model.index(1233, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("1233"));
    QCOMPARE(
        model.index(1233, JsonTreeModel::KeyColumn).data().toString(), QStringLiteral("[1233]"));
}

void TestJsonTreeModel::pathsAndValues()
{
    JsonTreeModel model;
    model.setTree(JsonTreeModel::parse("{\"data\":[{\"odd key\":{\"x\":true}}]}").value());
    const QModelIndex data = model.index(0, 0);
    model.fetchMore(data);
    const QModelIndex first = model.index(0, 0, data);
    model.fetchMore(first);
    const QModelIndex odd = model.index(0, 0, first);
    QCOMPARE(model.pathOf(odd), QStringLiteral("$.data[0]['odd key']"));
    QCOMPARE(model.valueTextOf(odd), QStringLiteral("{\"x\":true}"));
    QCOMPARE(model.index(0, JsonTreeModel::TypeColumn, first).data().toString(),
        QStringLiteral("object"));
    QCOMPARE(model.index(0, JsonTreeModel::ValueColumn, first).data().toString(),
        QStringLiteral("{1 key}"));
}

void TestJsonTreeModel::scalarDocument()
{
    JsonTreeModel model;
    model.setTree(JsonTreeModel::parse("\"just text\"").value());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, JsonTreeModel::ValueColumn).data().toString(),
        QStringLiteral("\"just text\""));
}

void TestJsonTreeModel::invalidJsonSaysSo()
{
    const auto tree = JsonTreeModel::parse("{\"a\":");
    QVERIFY(!tree);
    QVERIFY(tree.error().startsWith(QLatin1String("Not valid JSON")));
}

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "TestJsonTreeModel.moc"
