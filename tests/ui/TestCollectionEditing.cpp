// The collection edited from the sidebar like a user would: F2, Ctrl+D, Del and Ctrl+Z on the real
// tree, a new collection with a folder, a scratch request saved into it; checked in the saved file.
#include "app/formats/PostmanReader.h"
#include "app/model/CollectionTreeModel.h"
#include "app/secrets/MemorySecretStore.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/CollectionPanel.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Playground;

namespace {

using Test::find;
using Test::ShopJson;
using Test::writeFile;

/** The saved tree as text: "Users(List users Create user) Health". */
QString shape(const QList<CollectionItem> &items)
{
    QStringList parts;
    for (const CollectionItem &item : items)
        parts.append(item.isFolder ? item.name + u'(' + shape(item.children) + u')' : item.name);
    return parts.join(u' ');
}

QString savedShape(const QString &path)
{
    const Result<Collection> reread = PostmanReader::readCollectionFile(path);
    return reread ? shape(reread->items) : reread.error();
}

QString treeShape(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList parts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        QString name = index.data().toString();
        if (index.data(CollectionTreeModel::IsFolderRole).toBool())
            name += u'(' + treeShape(model, index) + u')';
        parts.append(name);
    }
    return parts.join(u' ');
}

QModelIndex findRow(QTreeView *tree, const QString &name)
{
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
        name, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

/** Types name into the tree's open name editor and presses Enter; false when none is open. */
bool typeName(QTreeView *tree, const QString &name)
{
    QPointer<QLineEdit> editor = tree->viewport()->findChild<QLineEdit *>();
    if (!editor || !editor->isVisible())
        return false;
    editor->selectAll();
    QTest::keyClicks(editor, name);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits from the event loop, once the editor has seen the key.
    return QTest::qWaitFor([&] { return !editor; });
}

} // namespace

class TestCollectionEditing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void keysRenameDuplicateDeleteAndUndo();
    void deletingTheShownRequestLeavesNoStaleEditor();
    void newCollectionFolderAndScratchRequestSaved();
    void droppedOnAFolderMovesIntoIt();
    void draggedToAnotherWindowMovesBetweenCollections();
    void aPastedCommandsSecretIsNotWrittenWhenSavedToTheCollection();
};

void TestCollectionEditing::keysRenameDuplicateDeleteAndUndo()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    MemorySecretStore store;
    MainWindow window(&store);
    window.setDiscardConfirmer([](const QString &) { return true; });
    auto *panel = window.findChild<CollectionPanel *>();
    QStringList asked;
    panel->setConfirmer([&](const QString &question) {
        asked.append(question);
        return true;
    });
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setFocus();
    tree->setCurrentIndex(findRow(tree, QStringLiteral("Health")));

    // F2 opens the name for typing; Enter renames.
    QTest::keyClick(tree, Qt::Key_F2);
    QVERIFY(typeName(tree, QStringLiteral("Status")));
    QCOMPARE(treeShape(*tree->model()), QStringLiteral("Users(List users Create user) Status"));
    QVERIFY(window.isWindowModified());

    // Ctrl+D: a copy right after it, selected; Del: the copy goes, no question for a request.
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(treeShape(*tree->model()),
        QStringLiteral("Users(List users Create user) Status Status copy"));
    QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("Status copy"));
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(treeShape(*tree->model()), QStringLiteral("Users(List users Create user) Status"));
    QVERIFY(asked.isEmpty());

    // A folder with requests is asked about, then goes; Ctrl+Z brings it back whole.
    tree->setCurrentIndex(findRow(tree, QStringLiteral("Users")));
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(QLatin1String("Users")), qPrintable(asked.first()));
    QCOMPARE(treeShape(*tree->model()), QStringLiteral("Status"));
    QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(treeShape(*tree->model()), QStringLiteral("Users(List users Create user) Status"));

    find<QAction>(&window, "saveAction")->trigger();
    QVERIFY(!window.isWindowModified());
    QCOMPARE(savedShape(path), QStringLiteral("Users(List users Create user) Status"));

    // Undo down to the file as it was opened.
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(treeShape(*tree->model()), QStringLiteral("Users(List users Create user) Health"));
    find<QAction>(&window, "saveAction")->trigger();
    QCOMPARE(savedShape(path), QStringLiteral("Users(List users Create user) Health"));
}

void TestCollectionEditing::deletingTheShownRequestLeavesNoStaleEditor()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    MemorySecretStore store;
    MainWindow window(&store);
    window.setDiscardConfirmer([](const QString &) { return true; });
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setFocus();
    tree->setCurrentIndex(findRow(tree, QStringLiteral("Health")));
    QPointer<QLineEdit> shown = find<QLineEdit>(&window, "urlLineEdit");
    QCOMPARE(shown->text(), QStringLiteral("https://example.com/health"));

    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(treeShape(*tree->model()), QStringLiteral("Users(List users Create user)"));
    // Its tab closed with it; what is shown now is not the deleted request.
    QVERIFY(!shown);
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    QVERIFY2(url->text() != QLatin1String("https://example.com/health"), qPrintable(url->text()));
    // Typing now edits what is shown, never the deleted request's path in the document.
    QTest::keyClicks(url, QStringLiteral("x"));
    QVERIFY(window.saveCollection());
    QCOMPARE(savedShape(path), QStringLiteral("Users(List users Create user)"));

    // Ctrl+Z puts it back where it was.
    QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(treeShape(*tree->model()), QStringLiteral("Users(List users Create user) Health"));
}

void TestCollectionEditing::newCollectionFolderAndScratchRequestSaved()
{
    QTemporaryDir dir;
    MemorySecretStore store;
    MainWindow window(&store);
    window.setDiscardConfirmer([](const QString &) { return true; });
    auto *panel = window.findChild<CollectionPanel *>();
    QStringList offered;
    panel->setFolderChooser([&](const QStringList &choices) {
        offered = choices;
        return int(choices.indexOf(QStringLiteral("Auth")));
    });
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *tree = find<QTreeView>(&window, "collectionTreeView");

    find<QAction>(&window, "newCollectionAction")->trigger();
    QVERIFY(tree->isVisible());
    QCOMPARE(tree->model()->rowCount(), 0);
    find<QAction>(&window, "newFolderAction")->trigger();
    QVERIFY(typeName(tree, QStringLiteral("Auth")));
    find<QAction>(&window, "newRequestAction")->trigger(); // inside the selected folder
    QVERIFY(typeName(tree, QStringLiteral("Ping")));
    QCOMPARE(treeShape(*tree->model()), QStringLiteral("Auth(Ping)"));

    // A scratch request typed, then saved into the chosen folder.
    find<QAction>(&window, "newScratchAction")->trigger();
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    QTest::keyClicks(url, QStringLiteral("https://example.com/token"));
    QStringList suggested;
    window.setRequestNamer([&](const QString &name) -> std::optional<QString> {
        suggested.append(name);
        return QStringLiteral("Token");
    });
    find<QAction>(&window, "saveToCollectionAction")->trigger();
    QCOMPARE(suggested, QStringList { QStringLiteral("https://example.com/token") });
    QCOMPARE(offered, QStringList({ QStringLiteral("(top level)"), QStringLiteral("Auth") }));
    QCOMPARE(treeShape(*tree->model()).left(10), QStringLiteral("Auth(Ping "));
    QVERIFY(window.isWindowModified());

    const QString path = dir.filePath(QStringLiteral("new.postman_collection.json"));
    QVERIFY(window.saveCollectionAs(path));
    const Result<Collection> reread = PostmanReader::readCollectionFile(path);
    QVERIFY2(reread.ok(), qPrintable(reread.error()));
    QCOMPARE(reread->name, QStringLiteral("New collection"));
    QCOMPARE(reread->items.size(), 1);
    const CollectionItem &folder = reread->items.at(0);
    QCOMPARE(folder.children.size(), 2);
    QCOMPARE(folder.children.at(1).request.url.raw(), QStringLiteral("https://example.com/token"));
    QCOMPARE(folder.children.at(1).name, QStringLiteral("Token"));
    // The saved request is the one on screen now: typing edits it in the collection.
    url->end(false);
    QTest::keyClicks(url, QStringLiteral("?x=1"));
    QVERIFY(window.saveCollection());
    QCOMPARE(PostmanReader::readCollectionFile(path)->items.at(0).children.at(1).request.url.raw(),
        QStringLiteral("https://example.com/token?x=1"));
}

void TestCollectionEditing::droppedOnAFolderMovesIntoIt()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    MemorySecretStore store;
    MainWindow window(&store);
    window.setDiscardConfirmer([](const QString &) { return true; });
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    QCOMPARE(tree->dragDropMode(), QAbstractItemView::DragDrop);
    const QModelIndex health = findRow(tree, QStringLiteral("Health"));
    tree->setCurrentIndex(health);

    // What the tree does on a drop: the view's (filtering) model, then the document.
    QAbstractItemModel *model = tree->model();
    std::unique_ptr<QMimeData> dragged(model->mimeData({ health }));
    const QModelIndex users = findRow(tree, QStringLiteral("Users"));
    QVERIFY(model->canDropMimeData(dragged.get(), Qt::MoveAction, 0, 0, users));
    QVERIFY(model->dropMimeData(dragged.get(), Qt::MoveAction, 0, 0, users));
    QCOMPARE(treeShape(*model), QStringLiteral("Users(Health List users Create user)"));
    // The moved request stays the one shown and edited.
    QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("Health"));
    url->end(false);
    QTest::keyClicks(url, QStringLiteral("z"));
    find<QAction>(&window, "saveAction")->trigger();
    const Result<Collection> reread = PostmanReader::readCollectionFile(path);
    QVERIFY2(reread.ok(), qPrintable(reread.error()));
    QCOMPARE(shape(reread->items), QStringLiteral("Users(Health List users Create user)"));
    QCOMPARE(reread->items.at(0).children.at(0).request.url.raw(),
        QStringLiteral("https://example.com/healthz"));
}

void TestCollectionEditing::draggedToAnotherWindowMovesBetweenCollections()
{
    // Two windows, two collections: Shop API, and Billing whose "Invoices" uses {{billingKey}}.
    QTemporaryDir dir;
    const QString shopPath = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    const QString billingPath = writeFile(dir, QStringLiteral("billing.json"),
        "{\"info\":{\"name\":\"Billing\"},\"variable\":[{\"key\":\"billingKey\","
        "\"value\":\"k\"}],\"item\":[{\"name\":\"Invoices\",\"request\":{\"method\":"
        "\"GET\",\"url\":\"https://billing.example/invoices?key={{billingKey}}\"}}]}");
    MemorySecretStore store;
    MainWindow shop(&store);
    shop.setDiscardConfirmer([](const QString &) { return true; });
    shop.show();
    // File › New window: another window of the same process, sharing its stores.
    find<QAction>(&shop, "newWindowAction")->trigger();
    MainWindow *opened = nullptr;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (auto *w = qobject_cast<MainWindow *>(top); w && w != &shop && w->isVisible())
            opened = w;
    }
    QVERIFY(opened);
    QPointer<MainWindow> guard(opened);
    MainWindow &billing = *opened;
    billing.setDiscardConfirmer([](const QString &) { return true; });
    shop.openCollection(shopPath);
    billing.openCollection(billingPath);
    auto *shopTree = find<QTreeView>(&shop, "collectionTreeView");
    auto *billingTree = find<QTreeView>(&billing, "collectionTreeView");

    // What the trees do on a drop from one window into the other: the dragged item's data from
    // one, dropped on the other's folder "Users".
    std::unique_ptr<QMimeData> dragged(
        billingTree->model()->mimeData({ findRow(billingTree, QStringLiteral("Invoices")) }));
    const QModelIndex users = findRow(shopTree, QStringLiteral("Users"));
    QVERIFY(shopTree->model()->canDropMimeData(dragged.get(), Qt::MoveAction, 0, 0, users));
    QVERIFY(shopTree->model()->dropMimeData(dragged.get(), Qt::MoveAction, 0, 0, users));
    QCOMPARE(treeShape(*shopTree->model()),
        QStringLiteral("Users(Invoices List users Create user) Health"));
    QCOMPARE(treeShape(*billingTree->model()), QString());
    QVERIFY(shop.isWindowModified() && billing.isWindowModified());
    // Shop does not define {{billingKey}}: the window says so.
    auto *banner = find<QLabel>(&shop, "errorBannerLabel");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("{{billingKey}}")), qPrintable(banner->text()));

    // Each window undoes its own half; saved, each file holds what its window shows.
    find<QAction>(&billing, "undoAction")->trigger();
    QCOMPARE(treeShape(*billingTree->model()), QStringLiteral("Invoices"));
    find<QAction>(&billing, "redoAction")->trigger();
    QVERIFY(shop.saveCollection());
    QVERIFY(billing.saveCollection());
    QTRY_VERIFY(!shop.isWindowModified() && !billing.isWindowModified());
    const Result<Collection> shopFile = PostmanReader::readCollectionFile(shopPath);
    const Result<Collection> billingFile = PostmanReader::readCollectionFile(billingPath);
    QVERIFY(shopFile.ok() && billingFile.ok());
    QCOMPARE(
        shape(shopFile->items), QStringLiteral("Users(Invoices List users Create user) Health"));
    QVERIFY(billingFile->items.isEmpty());
    QCOMPARE(shopFile->items.at(0).children.at(0).request.url.raw(),
        QStringLiteral("https://billing.example/invoices?key={{billingKey}}"));
    // Closed, the new window is gone (the first keeps the shared stores).
    billing.close();
    QTRY_VERIFY(guard.isNull());
}

void TestCollectionEditing::aPastedCommandsSecretIsNotWrittenWhenSavedToTheCollection()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    MemorySecretStore store;
    MainWindow window(&store);
    window.setDiscardConfirmer([](const QString &) { return true; });
    window.findChild<CollectionPanel *>()->setFolderChooser([](const QStringList &) { return 0; });
    window.setRequestNamer([](const QString &name) -> std::optional<QString> { return name; });
    window.show();
    QApplication::setActiveWindow(&window);
    window.openCollection(path);
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    url->setFocus();
    QGuiApplication::clipboard()->setText(QStringLiteral(
        "curl https://example.com/me -H 'Authorization: Bearer tok-from-the-customer-123'"));
    QTest::keySequence(url, QKeySequence::Paste);
    QCOMPARE(url->text(), QStringLiteral("https://example.com/me"));

    find<QAction>(&window, "saveToCollectionAction")->trigger();
    // The token goes to the keychain first, then the file is written.
    QSignalSpy written(&window, &MainWindow::collectionSaved);
    window.saveCollection();
    QTRY_COMPARE(written.count(), 1);
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QVERIFY(bytes.contains("https://example.com/me"));
    QVERIFY2(!bytes.contains("tok-from-the-customer-123"), bytes.constData());
    QVERIFY(
        store.persistentValues().values().contains(QStringLiteral("tok-from-the-customer-123")));
}

QTEST_MAIN(TestCollectionEditing)
#include "TestCollectionEditing.moc"
