// The collection tree observes the document's structural commands with row signals, never a
// reset, so selections and the shown request survive; QAbstractItemModelTester checks each step.
#include "app/document/CollectionDocument.h"
#include "app/document/InsertItemsCommand.h"
#include "app/document/MoveItemCommand.h"
#include "app/document/RemoveItemsCommand.h"
#include "app/document/RenameItemCommand.h"
#include "app/model/CollectionTreeModel.h"

#include <QAbstractItemModelTester>
#include <QDataStream>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Playground;

namespace {

CollectionItem request(const QString &name)
{
    CollectionItem item;
    item.name = name;
    return item;
}

CollectionItem folder(const QString &name, QList<CollectionItem> children)
{
    CollectionItem item;
    item.isFolder = true;
    item.name = name;
    item.children = std::move(children);
    return item;
}

/** a, F(b, c), d */
Collection sample()
{
    Collection c;
    c.items = { request(QStringLiteral("a")),
        folder(QStringLiteral("F"), { request(QStringLiteral("b")), request(QStringLiteral("c")) }),
        request(QStringLiteral("d")) };
    return c;
}

/** The model's tree as text, read through the model API only: "a F(b c) d". */
QString shape(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList parts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString name = index.data().toString();
        if (index.data(CollectionTreeModel::IsFolderRole).toBool())
            name += u'(' + shape(model, index) + u')';
        parts.append(name);
    }
    return parts.join(u' ');
}

/** Applies and undoes commands like the window's undo stack. */
struct History {
    CollectionDocument *doc;
    std::vector<std::unique_ptr<DocumentCommand>> done;

    void push(std::unique_ptr<DocumentCommand> command)
    {
        doc->redo(*command);
        done.push_back(std::move(command));
    }
    void undo()
    {
        doc->undo(*done.back());
        done.pop_back();
    }
};

} // namespace

class TestCollectionTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void insertRemoveMoveUndoWithoutReset();
    void persistentIndexesFollowTheirItems();
    void dropMovesThroughTheDocument();
    void dropRefusesForeignAndCyclicMoves();
    void dropMovesBetweenCollections();
    void rowsThatAreNotThereResetInsteadOfCorrupting();
};

void TestCollectionTreeModel::insertRemoveMoveUndoWithoutReset()
{
    CollectionDocument doc;
    doc.load(sample());
    CollectionTreeModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    History history { &doc, {} };

    history.push(std::make_unique<InsertItemsCommand>(
        QList<int> { 1, 2 }, QList<CollectionItem> { request(QStringLiteral("x")) }, QString()));
    QCOMPARE(shape(model), QStringLiteral("a F(b c x) d"));
    QCOMPARE(inserted.size(), 1);
    history.push(std::make_unique<InsertItemsCommand>(QList<int> { 0 },
        QList<CollectionItem> { folder(QStringLiteral("G"), { request(QStringLiteral("y")) }) },
        QString()));
    QCOMPARE(shape(model), QStringLiteral("G(y) a F(b c x) d"));
    history.push(std::make_unique<RemoveItemsCommand>(QList<int> { 2 }));
    QCOMPARE(shape(model), QStringLiteral("G(y) a d"));
    QCOMPARE(removed.size(), 1);
    history.push(std::make_unique<MoveItemCommand>(QList<int> { 2 }, QList<int> { 0 }, 0));
    QCOMPARE(shape(model), QStringLiteral("G(d y) a"));
    history.push(std::make_unique<MoveItemCommand>(QList<int> { 1 }, QList<int> {}, 0));
    QCOMPARE(shape(model), QStringLiteral("a G(d y)"));
    QCOMPARE(moved.size(), 2);
    history.push(std::make_unique<RenameItemCommand>(
        QList<int> { 1, 0 }, QStringLiteral("d"), QStringLiteral("D")));
    QCOMPARE(shape(model), QStringLiteral("a G(D y)"));

    const QStringList back = { QStringLiteral("a G(d y)"), QStringLiteral("G(d y) a"),
        QStringLiteral("G(y) a d"), QStringLiteral("G(y) a F(b c x) d"),
        QStringLiteral("a F(b c x) d"), QStringLiteral("a F(b c) d") };
    for (const QString &expected : back) {
        history.undo();
        QCOMPARE(shape(model), expected);
    }
    QCOMPARE(resets.size(), 0);
}

void TestCollectionTreeModel::persistentIndexesFollowTheirItems()
{
    CollectionDocument doc;
    doc.load(sample());
    CollectionTreeModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QPersistentModelIndex c = model.indexAt({ 1, 1 });
    const QPersistentModelIndex a = model.indexAt({ 0 });
    History history { &doc, {} };
    history.push(std::make_unique<MoveItemCommand>(QList<int> { 1, 1 }, QList<int> {}, 0));
    QCOMPARE(model.rowPath(c), QList<int>({ 0 }));
    QCOMPARE(c.data().toString(), QStringLiteral("c"));
    QCOMPARE(model.rowPath(a), QList<int>({ 1 }));
    history.push(std::make_unique<RemoveItemsCommand>(QList<int> { 0 }));
    QVERIFY(!c.isValid()); // the window shows something else then
    QCOMPARE(a.data().toString(), QStringLiteral("a"));
    history.undo();
    history.undo();
    QCOMPARE(model.rowPath(a), QList<int>({ 0 }));
}

void TestCollectionTreeModel::dropMovesThroughTheDocument()
{
    CollectionDocument doc;
    doc.load(sample());
    CollectionTreeModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<std::unique_ptr<DocumentCommand>> submitted;
    doc.setCommandSink([&](std::unique_ptr<DocumentCommand> command) {
        doc.redo(*command);
        submitted.push_back(std::move(command));
    });
    QVERIFY(model.supportedDropActions() & Qt::MoveAction);
    QVERIFY(model.flags(model.indexAt({ 1 })) & Qt::ItemIsDropEnabled);
    QVERIFY(!(model.flags(model.indexAt({ 0 })) & Qt::ItemIsDropEnabled));

    // d dropped on the folder F: at its end.
    std::unique_ptr<QMimeData> data(model.mimeData({ model.indexAt({ 2 }) }));
    QVERIFY(data);
    const QModelIndex f = model.indexAt({ 1 });
    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, -1, -1, f));
    QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, -1, -1, f));
    QCOMPARE(shape(model), QStringLiteral("a F(b c d)"));
    QCOMPARE(submitted.size(), size_t(1));
    QVERIFY(doc.isDirty());

    // a dropped between the top rows, after F.
    data.reset(model.mimeData({ model.indexAt({ 0 }) }));
    QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, 2, 0, {}));
    QCOMPARE(shape(model), QStringLiteral("F(b c d) a"));

    // b dropped onto the request a: after it.
    data.reset(model.mimeData({ model.indexAt({ 0, 0 }) }));
    QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, -1, -1, model.indexAt({ 1 })));
    QCOMPARE(shape(model), QStringLiteral("F(c d) a b"));

    doc.undo(*submitted.back());
    QCOMPARE(shape(model), QStringLiteral("F(b c d) a"));
}

void TestCollectionTreeModel::dropRefusesForeignAndCyclicMoves()
{
    CollectionDocument doc;
    doc.load(sample());
    CollectionTreeModel model(&doc);
    CollectionDocument other;
    other.load(sample());
    CollectionTreeModel otherModel(&other);

    std::unique_ptr<QMimeData> folderData(model.mimeData({ model.indexAt({ 1 }) }));
    QVERIFY(!model.canDropMimeData(
        folderData.get(), Qt::MoveAction, 0, 0, model.indexAt({ 1 }))); // into itself
    QVERIFY(!model.dropMimeData(folderData.get(), Qt::MoveAction, 0, 0, model.indexAt({ 1 })));
    // A document that is gone (closed, or another process's) is not a source.
    QByteArray stale;
    QDataStream out(&stale, QIODevice::WriteOnly);
    out << quint64(999'999) << QList<int> { 0 };
    QMimeData staleData;
    staleData.setData(folderData->formats().first(), stale);
    QVERIFY(!otherModel.canDropMimeData(&staleData, Qt::MoveAction, 0, 0, {}));
    QVERIFY(!otherModel.dropMimeData(&staleData, Qt::MoveAction, 0, 0, {}));
    QVERIFY(!model.dropMimeData(folderData.get(), Qt::CopyAction, 0, 0, {}));
    QMimeData text;
    text.setText(QStringLiteral("a"));
    QVERIFY(!model.dropMimeData(&text, Qt::MoveAction, 0, 0, {}));
    QCOMPARE(shape(model), QStringLiteral("a F(b c) d"));
    QVERIFY(!doc.isDirty());
}

void TestCollectionTreeModel::dropMovesBetweenCollections()
{
    // Shop: a, F(b, c), d with variables; Other: x. b uses {{token}} and {{page}} (F's) and
    // {{shared}}, which Other defines too.
    Collection shop = sample();
    shop.name = QStringLiteral("Shop");
    shop.variables = { Variable { QStringLiteral("token"), QString() },
        Variable { QStringLiteral("shared"), QStringLiteral("1") } };
    shop.items[1].variables = { Variable { QStringLiteral("page"), QStringLiteral("2") } };
    shop.items[1].children[0].request.url
        = UrlSpec::fromRaw(QStringLiteral("https://h.example/{{page}}?t={{token}}&s={{shared}}"));
    CollectionDocument doc;
    doc.load(shop);
    CollectionTreeModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Collection otherCollection;
    otherCollection.name = QStringLiteral("Other");
    otherCollection.items = { request(QStringLiteral("x")) };
    otherCollection.variables = { Variable { QStringLiteral("shared"), QStringLiteral("9") } };
    CollectionDocument other;
    other.load(otherCollection);
    CollectionTreeModel otherModel(&other);
    QAbstractItemModelTester otherTester(
        &otherModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    History shopHistory { &doc, {} };
    History otherHistory { &other, {} };
    doc.setCommandSink([&](std::unique_ptr<DocumentCommand> c) { shopHistory.push(std::move(c)); });
    other.setCommandSink(
        [&](std::unique_ptr<DocumentCommand> c) { otherHistory.push(std::move(c)); });
    QSignalSpy movedIn(&otherModel, &CollectionTreeModel::movedIn);

    // b dragged from Shop's folder to the top of Other.
    std::unique_ptr<QMimeData> data(model.mimeData({ model.indexAt({ 1, 0 }) }));
    QVERIFY(otherModel.canDropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
    QVERIFY(otherModel.dropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
    QCOMPARE(shape(otherModel), QStringLiteral("b x"));
    QCOMPARE(shape(model), QStringLiteral("a F(c) d"));
    QCOMPARE(other.collection().items.first().request.url.raw(),
        QStringLiteral("https://h.example/{{page}}?t={{token}}&s={{shared}}"));
    QVERIFY(doc.isDirty() && other.isDirty());
    // What it uses that Other does not define is said.
    QCOMPARE(movedIn.size(), 1);
    QCOMPARE(movedIn.first().at(0).toString(), QStringLiteral("Shop"));
    QCOMPARE(movedIn.first().at(1).toStringList(), (QStringList { "token", "page" }));

    // A whole folder, back the other way, into... Shop's top after a.
    data.reset(otherModel.mimeData({ otherModel.indexAt({ 0 }) }));
    QVERIFY(model.dropMimeData(data.get(), Qt::MoveAction, 1, 0, {}));
    QCOMPARE(shape(model), QStringLiteral("a b F(c) d"));
    QCOMPARE(shape(otherModel), QStringLiteral("x"));

    // Each collection undoes its own half.
    shopHistory.undo();
    otherHistory.undo();
    QCOMPARE(shape(model), QStringLiteral("a F(c) d"));
    QCOMPARE(shape(otherModel), QStringLiteral("b x"));
    otherHistory.undo();
    shopHistory.undo();
    QCOMPARE(shape(model), QStringLiteral("a F(b c) d"));
    QCOMPARE(shape(otherModel), QStringLiteral("x"));
    QVERIFY(!doc.isDirty() && !other.isDirty());
}

void TestCollectionTreeModel::rowsThatAreNotThereResetInsteadOfCorrupting()
{
    CollectionDocument doc;
    doc.load(sample());
    CollectionTreeModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    History history { &doc, {} };
    // Past the end: the command appends, the model cannot name that row, so it resets.
    history.push(std::make_unique<InsertItemsCommand>(
        QList<int> { 9 }, QList<CollectionItem> { request(QStringLiteral("x")) }, QString()));
    QCOMPARE(shape(model), QStringLiteral("a F(b c) d x"));
    QCOMPARE(resets.size(), 1);
    history.push(std::make_unique<RemoveItemsCommand>(QList<int> { 7, 0 }));
    QCOMPARE(shape(model), QStringLiteral("a F(b c) d x"));
    QCOMPARE(resets.size(), 2);
    history.undo();
    history.undo(); // the insert is undone where it really went
    QCOMPARE(shape(model), QStringLiteral("a F(b c) d"));
}

QTEST_GUILESS_MAIN(TestCollectionTreeModel)
#include "TestCollectionTreeModel.moc"
