// The structural commands of a collection document: insert, remove, move, rename; each applied and
// reverted exactly, naming the rows it touches, and the document dirty until the saved state.
#include "app/document/CollectionDocument.h"
#include "app/document/InsertItemsCommand.h"
#include "app/document/MoveItemCommand.h"
#include "app/document/RemoveItemsCommand.h"
#include "app/document/RenameItemCommand.h"
#include "app/document/SetDescriptionCommand.h"

#include <QSignalSpy>
#include <QTest>

using namespace Playground;

namespace {

CollectionItem request(const QString &name)
{
    CollectionItem item;
    item.name = name;
    item.request.url = UrlSpec::fromRaw(QStringLiteral("https://example.com/") + name);
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
    c.name = QStringLiteral("Shop");
    c.items = { request(QStringLiteral("a")),
        folder(QStringLiteral("F"), { request(QStringLiteral("b")), request(QStringLiteral("c")) }),
        request(QStringLiteral("d")) };
    return c;
}

/** The tree as text: "a F(b c) d". */
QString shape(const QList<CollectionItem> &items)
{
    QStringList parts;
    for (const CollectionItem &item : items)
        parts.append(item.isFolder ? item.name + u'(' + shape(item.children) + u')' : item.name);
    return parts.join(u' ');
}

QString shape(const CollectionDocument &doc)
{
    return shape(doc.collection().items);
}

} // namespace

class TestDocumentCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void insertAtTopAndInFolder();
    void removeKeepsItemsForUndo();
    void renameIsUndoable();
    void descriptionOfCollectionFolderAndRequest();
    void aCopyOfTheCollectionKeepsItsItems();
    void move_data();
    void move();
    void moveRefusesNoOpsAndCycles();
    void structuralChangeAnnouncedBeforeApply();
    void pathHelpers();
};

void TestDocumentCommands::insertAtTopAndInFolder()
{
    CollectionDocument doc;
    doc.load(sample());
    QSignalSpy changed(&doc, &CollectionDocument::changed);
    InsertItemsCommand top({ 1 }, { request(QStringLiteral("x")) }, QStringLiteral("New request"));
    doc.redo(top);
    QCOMPARE(shape(doc), QStringLiteral("a x F(b c) d"));
    QVERIFY(doc.isDirty());
    const auto change = changed.last().at(0).value<DocumentChange>();
    QCOMPARE(change.kind, DocumentChange::Kind::ItemsInserted);
    QCOMPARE(change.path, QList<int>({ 1 }));
    QCOMPARE(change.count, 1);

    InsertItemsCommand nested(
        { 2, 2 }, { request(QStringLiteral("y")), request(QStringLiteral("z")) }, QString());
    doc.redo(nested);
    QCOMPARE(shape(doc), QStringLiteral("a x F(b c y z) d"));
    doc.undo(nested);
    QCOMPARE(shape(doc), QStringLiteral("a x F(b c) d"));
    QCOMPARE(changed.last().at(0).value<DocumentChange>().kind, DocumentChange::Kind::ItemsRemoved);
    QCOMPARE(changed.last().at(0).value<DocumentChange>().count, 2);
    doc.undo(top);
    QCOMPARE(shape(doc), QStringLiteral("a F(b c) d"));
    QVERIFY(!doc.isDirty());
}

void TestDocumentCommands::removeKeepsItemsForUndo()
{
    CollectionDocument doc;
    Collection c = sample();
    c.items[1].children[0].request.method = QStringLiteral("PATCH");
    doc.load(c);
    RemoveItemsCommand removeFolder({ 1 });
    doc.redo(removeFolder);
    QCOMPARE(shape(doc), QStringLiteral("a d"));
    QVERIFY(doc.isDirty());
    doc.undo(removeFolder);
    QCOMPARE(shape(doc), QStringLiteral("a F(b c) d"));
    QCOMPARE(doc.collection().items.at(1).children.at(0).request.method, QStringLiteral("PATCH"));
    QVERIFY(!doc.isDirty());

    RemoveItemsCommand removeTwo({ 1, 0 }, 2);
    doc.redo(removeTwo);
    QCOMPARE(shape(doc), QStringLiteral("a F() d"));
    doc.undo(removeTwo);
    QCOMPARE(shape(doc), QStringLiteral("a F(b c) d"));
    doc.redo(removeTwo); // redo after undo removes the same again
    QCOMPARE(shape(doc), QStringLiteral("a F() d"));
}

void TestDocumentCommands::renameIsUndoable()
{
    CollectionDocument doc;
    doc.load(sample());
    QSignalSpy changed(&doc, &CollectionDocument::changed);
    RenameItemCommand rename({ 1, 1 }, QStringLiteral("c"), QStringLiteral("Checkout"));
    doc.redo(rename);
    QCOMPARE(shape(doc), QStringLiteral("a F(b Checkout) d"));
    QCOMPARE(changed.last().at(0).value<DocumentChange>().kind, DocumentChange::Kind::Item);
    QCOMPARE(changed.last().at(0).value<DocumentChange>().path, QList<int>({ 1, 1 }));
    QVERIFY(doc.isDirty());
    doc.undo(rename);
    QCOMPARE(shape(doc), QStringLiteral("a F(b c) d"));
    QVERIFY(!doc.isDirty());
}

void TestDocumentCommands::descriptionOfCollectionFolderAndRequest()
{
    CollectionDocument doc;
    doc.load(sample());
    SetDescriptionCommand top(doc.collection(), {}, QStringLiteral("The shop API"));
    doc.redo(top);
    QCOMPARE(doc.collection().description, QStringLiteral("The shop API"));
    SetDescriptionCommand typed(doc.collection(), { 1 }, QStringLiteral("O"));
    SetDescriptionCommand more(doc.collection(), { 1 }, QStringLiteral("Orders"));
    QVERIFY(typed.absorb(more));
    QVERIFY(!typed.absorb(top)); // another item's description is its own step
    doc.redo(typed);
    QCOMPARE(doc.collection().items.at(1).description, QStringLiteral("Orders"));
    SetDescriptionCommand request(doc.collection(), { 1, 0 }, QStringLiteral("One order"));
    doc.redo(request);
    QCOMPARE(doc.collection().items.at(1).children.at(0).request.description,
        QStringLiteral("One order"));
    doc.undo(request);
    doc.undo(typed);
    QCOMPARE(doc.collection().items.at(1).description, QString());
    doc.undo(top);
    QCOMPARE(doc.collection().description, QString());
    QVERIFY(!doc.isDirty());
}

void TestDocumentCommands::aCopyOfTheCollectionKeepsItsItems()
{
    // A copy taken before an edit (the saved snapshot, a keychain lookup's copy) is a value: an
    // edit of the document, deep in a folder, never shows through it.
    CollectionDocument doc;
    doc.load(sample());
    const Collection before = doc.collection();
    RenameItemCommand rename({ 1, 1 }, QStringLiteral("c"), QStringLiteral("Checkout"));
    doc.redo(rename);
    QCOMPARE(shape(doc), QStringLiteral("a F(b Checkout) d"));
    QCOMPARE(shape(before.items), QStringLiteral("a F(b c) d"));
}

void TestDocumentCommands::move_data()
{
    QTest::addColumn<QList<int>>("from");
    QTest::addColumn<QList<int>>("toParent");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QList<int>>("finalPath");

    QTest::newRow("down among the top") << QList<int> { 0 } << QList<int> {} << 3
                                        << QStringLiteral("F(b c) d a") << QList<int> { 2 };
    QTest::newRow("up among the top") << QList<int> { 2 } << QList<int> {} << 0
                                      << QStringLiteral("d a F(b c)") << QList<int> { 0 };
    QTest::newRow("into the folder after it")
        << QList<int> { 0 } << QList<int> { 1 } << 1 << QStringLiteral("F(b a c) d")
        << QList<int> { 0, 1 };
    QTest::newRow("into the folder before it")
        << QList<int> { 2 } << QList<int> { 1 } << 0 << QStringLiteral("a F(d b c)")
        << QList<int> { 1, 0 };
    QTest::newRow("out of the folder") << QList<int> { 1, 0 } << QList<int> {} << 0
                                       << QStringLiteral("b a F(c) d") << QList<int> { 0 };
    QTest::newRow("within the folder") << QList<int> { 1, 0 } << QList<int> { 1 } << 2
                                       << QStringLiteral("a F(c b) d") << QList<int> { 1, 1 };
}

void TestDocumentCommands::move()
{
    QFETCH(QList<int>, from);
    QFETCH(QList<int>, toParent);
    QFETCH(int, row);
    QFETCH(QString, after);
    QFETCH(QList<int>, finalPath);

    CollectionDocument doc;
    doc.load(sample());
    QVERIFY(MoveItemCommand::isValid(doc.collection(), from, toParent, row));
    MoveItemCommand move(from, toParent, row);
    QCOMPARE(move.finalPath(), finalPath);
    doc.redo(move);
    QCOMPARE(shape(doc), after);
    QVERIFY(doc.isDirty());
    doc.undo(move);
    QCOMPARE(shape(doc), QStringLiteral("a F(b c) d"));
    QVERIFY(!doc.isDirty());
    doc.redo(move);
    QCOMPARE(shape(doc), after);
}

void TestDocumentCommands::moveRefusesNoOpsAndCycles()
{
    const Collection c = sample();
    QVERIFY(!MoveItemCommand::isValid(c, { 0 }, {}, 0)); // where it is
    QVERIFY(!MoveItemCommand::isValid(c, { 0 }, {}, 1)); // right after itself
    QVERIFY(!MoveItemCommand::isValid(c, { 1 }, { 1 }, 0)); // a folder into itself
    QVERIFY(!MoveItemCommand::isValid(c, { 0 }, { 2 }, 0)); // into a request
    QVERIFY(!MoveItemCommand::isValid(c, { 7 }, {}, 0)); // nothing there
    QVERIFY(!MoveItemCommand::isValid(c, { 0 }, {}, 4)); // past the end
    QVERIFY(MoveItemCommand::isValid(c, { 0 }, {}, 2));
}

void TestDocumentCommands::structuralChangeAnnouncedBeforeApply()
{
    CollectionDocument doc;
    doc.load(sample());
    QStringList seen;
    connect(&doc, &CollectionDocument::aboutToChange, this,
        [&] { seen.append(QStringLiteral("about:") + shape(doc)); });
    connect(&doc, &CollectionDocument::changed, this,
        [&] { seen.append(QStringLiteral("changed:") + shape(doc)); });
    RemoveItemsCommand remove({ 0 });
    doc.redo(remove);
    doc.undo(remove);
    QCOMPARE(seen,
        QStringList({ QStringLiteral("about:a F(b c) d"), QStringLiteral("changed:F(b c) d"),
            QStringLiteral("about:F(b c) d"), QStringLiteral("changed:a F(b c) d") }));
    seen.clear();
    RenameItemCommand rename({ 0 }, QStringLiteral("a"), QStringLiteral("A"));
    doc.redo(rename); // not structural: no announcement
    QCOMPARE(seen, QStringList({ QStringLiteral("changed:A F(b c) d") }));
}

void TestDocumentCommands::pathHelpers()
{
    QCOMPARE(pathAfterRemoval({ 2, 1 }, { 1 }), QList<int>({ 1, 1 }));
    QCOMPARE(pathAfterRemoval({ 0, 1 }, { 1 }), QList<int>({ 0, 1 }));
    QCOMPARE(pathAfterRemoval({ 1, 3 }, { 1, 2 }), QList<int>({ 1, 2 }));
    QCOMPARE(pathAfterRemoval({ 2, 3 }, { 1, 2 }), QList<int>({ 2, 3 }));
    QCOMPARE(pathAfterInsertion({ 1, 0 }, { 1 }), QList<int>({ 2, 0 }));
    QCOMPARE(pathAfterInsertion({ 1, 0 }, { 1, 0 }, 2), QList<int>({ 1, 2 }));
    QCOMPARE(pathAfterInsertion({ 0 }, { 1 }), QList<int>({ 0 }));
}

QTEST_GUILESS_MAIN(TestDocumentCommands)
#include "TestDocumentCommands.moc"
