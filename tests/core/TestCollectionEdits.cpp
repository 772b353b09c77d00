// Where the sidebar's new, duplicated and saved items go and what they are called.
#include "app/document/CollectionDocument.h"
#include "app/document/CollectionEdits.h"
#include "app/model/CollectionTreeModel.h"

#include <QTest>

using namespace Playground;

namespace {

CollectionItem request(const QString &name)
{
    CollectionItem item;
    item.name = name;
    item.request.name = name;
    return item;
}

/** a, F(b, New request), d */
Collection sample()
{
    Collection c;
    CollectionItem folder;
    folder.isFolder = true;
    folder.name = QStringLiteral("F");
    folder.children = { request(QStringLiteral("b")), request(QStringLiteral("New request")) };
    folder.extra.insert(QStringLiteral("id"), QStringLiteral("folder-id"));
    c.items = { request(QStringLiteral("a")), folder, request(QStringLiteral("d")) };
    return c;
}

} // namespace

class TestCollectionEdits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newItemGoesNextToTheSelection();
    void newItemNamesAreFree();
    void duplicateCopiesTheWholeItemAfterIt();
    void scratchRequestSavedAtTheFolderEnd();
    void renameThroughTheModel();
};

void TestCollectionEdits::newItemGoesNextToTheSelection()
{
    const Collection c = sample();
    QCOMPARE(CollectionEdits::insertionPath(c, {}), QList<int>({ 3 }));
    QCOMPARE(CollectionEdits::insertionPath(c, { 0 }), QList<int>({ 1 }));
    QCOMPARE(CollectionEdits::insertionPath(c, { 1 }), QList<int>({ 1, 2 }));
    QCOMPARE(CollectionEdits::insertionPath(c, { 1, 0 }), QList<int>({ 1, 1 }));
    QCOMPARE(CollectionEdits::insertionPath(c, { 9 }), QList<int>({ 3 }));
}

void TestCollectionEdits::newItemNamesAreFree()
{
    CollectionDocument doc;
    doc.load(sample());
    auto inFolder = CollectionEdits::newItem(doc.collection(), { 1 }, false);
    doc.redo(*inFolder);
    QCOMPARE(doc.collection().items.at(1).children.at(2).name, QStringLiteral("New request 2"));
    QVERIFY(!doc.collection().items.at(1).children.at(2).isFolder);
    auto atTop = CollectionEdits::newItem(doc.collection(), {}, true);
    doc.redo(*atTop);
    QCOMPARE(doc.collection().items.at(3).name, QStringLiteral("New folder"));
    QVERIFY(doc.collection().items.at(3).isFolder);
    QCOMPARE(atTop->text(), QStringLiteral("New folder"));
}

void TestCollectionEdits::duplicateCopiesTheWholeItemAfterIt()
{
    CollectionDocument doc;
    doc.load(sample());
    auto copy = CollectionEdits::duplicate(doc.collection(), { 1 });
    QVERIFY(copy);
    QCOMPARE(copy->path(), QList<int>({ 2 }));
    doc.redo(*copy);
    const CollectionItem &dup = doc.collection().items.at(2);
    QCOMPARE(dup.name, QStringLiteral("F copy"));
    QCOMPARE(dup.children.size(), 2);
    QVERIFY(!dup.extra.contains(QStringLiteral("id"))); // a Postman id names one item
    QCOMPARE(doc.collection().items.at(1).extra.value(QStringLiteral("id")).toString(),
        QStringLiteral("folder-id"));
    auto again = CollectionEdits::duplicate(doc.collection(), { 1 });
    doc.redo(*again);
    QCOMPARE(doc.collection().items.at(2).name, QStringLiteral("F copy 2"));
    QVERIFY(!CollectionEdits::duplicate(doc.collection(), { 9 }));
}

void TestCollectionEdits::scratchRequestSavedAtTheFolderEnd()
{
    CollectionDocument doc;
    doc.load(sample());
    RequestSpec spec;
    spec.method = QStringLiteral("POST");
    spec.url = UrlSpec::fromRaw(QStringLiteral("https://example.com/token"));
    auto save = CollectionEdits::addRequest(doc.collection(), { 1 }, spec);
    QCOMPARE(save->path(), QList<int>({ 1, 2 }));
    doc.redo(*save);
    const CollectionItem &saved = doc.collection().items.at(1).children.at(2);
    QCOMPARE(saved.name, QStringLiteral("POST https://example.com/token"));
    QCOMPARE(saved.request.url.raw(), QStringLiteral("https://example.com/token"));
    QVERIFY(doc.isDirty());
}

void TestCollectionEdits::renameThroughTheModel()
{
    CollectionDocument doc;
    doc.load(sample());
    CollectionTreeModel model(&doc);
    const QModelIndex b = model.indexAt({ 1, 0 });
    QVERIFY(model.flags(b) & Qt::ItemIsEditable);
    QCOMPARE(b.data(Qt::EditRole).toString(), QStringLiteral("b"));
    QVERIFY(!model.setData(b, QStringLiteral("   "))); // a name is needed
    QVERIFY(!doc.isDirty());
    QVERIFY(model.setData(b, QStringLiteral(" Basket ")));
    QCOMPARE(doc.collection().items.at(1).children.at(0).name, QStringLiteral("Basket"));
    QCOMPARE(doc.collection().items.at(1).children.at(0).request.name, QStringLiteral("Basket"));
    QVERIFY(doc.isDirty());
}

QTEST_GUILESS_MAIN(TestCollectionEdits)
#include "TestCollectionEdits.moc"
