// Request tabs driven like a user: open several, edit, close (with the unsaved prompt scripted),
// switch with the keyboard, reorder, send in two at once, and find them again at the next start.
#include "app/document/CollectionDocument.h"
#include "app/document/MoveItemCommand.h"
#include "app/formats/PostmanReader.h"
#include "app/model/CollectionTreeModel.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/session/TabSession.h"
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/CollectionPanel.h"
#include "ui/MainWindow.h"
#include "ui/RequestTab.h"
#include "ui/RequestTabs.h"
#include "ui/ResponseView.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Playground;

namespace {

using Test::find;
using Test::ShopJson;
using Test::writeFile;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList tabTexts(const RequestTabs *tabs)
{
    QStringList texts;
    for (int i = 0; i < tabs->count(); ++i)
        texts.append(tabs->tabText(i));
    return texts;
}

} // namespace

class TestRequestTabs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void twoEditedTabsAskBeforeClosing();
    void keyboardOpensClosesAndCycles();
    void reorderedTabsKeepTheirRequests();
    void middleClickCloses();
    void sendsInTwoTabsAnswerInTheirOwnTab();
    void tabsFollowRenameAndDelete();
    void closingTheWindowAsksOnce();
    void saveOnAScratchTabSavesItIntoTheCollection();
    void tabsComeBackAtTheNextStart();

private:
    /** The row of the tree (its filter's index). */
    QModelIndex findRow(MainWindow &window, const QString &name);
    /** The same row in the collection's model. */
    QModelIndex sourceRow(MainWindow &window, const QString &name);
    /** Opens the shop collection (written in dir) in window; its path. */
    QString openShop(MainWindow &window, const QTemporaryDir &dir);
    void choose(MainWindow &window, const QString &name);
};

QModelIndex TestRequestTabs::findRow(MainWindow &window, const QString &name)
{
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
        name, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

QModelIndex TestRequestTabs::sourceRow(MainWindow &window, const QString &name)
{
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    return static_cast<QAbstractProxyModel *>(tree->model())->mapToSource(findRow(window, name));
}

QString TestRequestTabs::openShop(MainWindow &window, const QTemporaryDir &dir)
{
    const QString path = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    window.setDiscardConfirmer([](const QString &) { return true; });
    window.show();
    window.openCollection(path);
    return path;
}

void TestRequestTabs::choose(MainWindow &window, const QString &name)
{
    find<QTreeView>(&window, "collectionTreeView")->setCurrentIndex(findRow(window, name));
}

void TestRequestTabs::twoEditedTabsAskBeforeClosing()
{
    QTemporaryDir dir;
    MemorySecretStore store;
    MainWindow window(&store);
    const QString path = openShop(window, dir);
    RequestTabs *tabs = window.requestTabs();

    choose(window, QStringLiteral("List users"));
    find<QLineEdit>(&window, "urlLineEdit")->end(false);
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("?page=2"));
    choose(window, QStringLiteral("Health"));
    find<QLineEdit>(&window, "urlLineEdit")->end(false);
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("z"));
    // Each edited request keeps a tab of its own, marked, with its method in the title.
    QCOMPARE(tabTexts(tabs),
        QStringList({ QStringLiteral("GET List users ●"), QStringLiteral("HEAD Health ●") }));
    QCOMPARE(tabs->tabToolTip(1), QStringLiteral("HEAD https://example.com/healthz"));

    QStringList asked;
    RequestTabs::CloseAnswer answer = RequestTabs::CloseAnswer::Cancel;
    window.setTabCloseConfirmer([&](const QString &title) {
        asked.append(title);
        return answer;
    });
    // Cancel: the tab and the edit stay.
    find<QAction>(&window, "closeTabAction")->trigger();
    QCOMPARE(asked, QStringList { QStringLiteral("Health") });
    QCOMPARE(tabs->count(), 2);
    const CollectionTreeModel *model = window.collectionModel();
    QCOMPARE(model->item(sourceRow(window, QStringLiteral("Health")))->request.url.raw(),
        QStringLiteral("https://example.com/healthz"));

    // Discard: the tab closes and the request is as the file has it; the file is untouched.
    answer = RequestTabs::CloseAnswer::Discard;
    find<QAction>(&window, "closeTabAction")->trigger();
    QCOMPARE(asked.size(), 2);
    QCOMPARE(tabTexts(tabs), QStringList { QStringLiteral("GET List users ●") });
    QCOMPARE(model->item(sourceRow(window, QStringLiteral("Health")))->request.url.raw(),
        QStringLiteral("https://example.com/health"));
    QCOMPARE(readAll(path), ShopJson);

    // Save: the other edit reaches the file and the marker goes.
    answer = RequestTabs::CloseAnswer::Save;
    QVERIFY(tabs->closeTab(tabs->current()));
    QVERIFY(readAll(path).contains("https://example.com/users?page=2"));
    QVERIFY(!readAll(path).contains("healthz"));
    QCOMPARE(tabs->count(), 1); // a fresh scratch tab takes the last one's place
    QVERIFY(tabs->current()->isScratch());
}

void TestRequestTabs::keyboardOpensClosesAndCycles()
{
    MemorySecretStore store;
    MainWindow window(&store);
    window.setTabCloseConfirmer([](const QString &) {
        QTest::qFail("an untouched tab closes without asking", __FILE__, __LINE__);
        return RequestTabs::CloseAnswer::Cancel;
    });
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    RequestTabs *tabs = window.requestTabs();
    QCOMPARE(tabs->count(), 1);

    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("https://a.test/"));
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(find<QLineEdit>(&window, "urlLineEdit")->hasFocus()); // type the URL right away
    QCOMPARE(find<QLineEdit>(&window, "urlLineEdit")->text(), QString());
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("https://b.test/"));
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 3);

    // Ctrl+Tab goes right and wraps around; Ctrl+Shift+Tab goes left.
    QTest::keyClick(&window, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(find<QLineEdit>(&window, "urlLineEdit")->text(), QStringLiteral("https://a.test/"));
    QTest::keyClick(&window, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(tabs->currentIndex(), 2);
    QTest::keyClick(&window, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(find<QLineEdit>(&window, "urlLineEdit")->text(), QStringLiteral("https://b.test/"));

    // Ctrl+W closes the empty third tab without asking.
    QTest::keyClick(&window, Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 2);
    QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->tabText(0), QStringLiteral("GET https://a.test/ ●"));
}

void TestRequestTabs::reorderedTabsKeepTheirRequests()
{
    QTemporaryDir dir;
    MemorySecretStore store;
    MainWindow window(&store);
    openShop(window, dir);
    RequestTabs *tabs = window.requestTabs();
    choose(window, QStringLiteral("List users"));
    QVERIFY(tabs->tabToolTip(0).contains(QLatin1String("Preview")));
    // The preview tab shows the next chosen request; kept, it stays.
    choose(window, QStringLiteral("Create user"));
    QCOMPARE(tabTexts(tabs), QStringList { QStringLiteral("POST Create user") });
    tabs->keep(tabs->current());
    QCOMPARE(tabs->tabToolTip(0), QStringLiteral("POST https://example.com/users"));
    choose(window, QStringLiteral("Health"));
    QCOMPARE(tabs->count(), 2);

    tabs->tabBar()->moveTab(1, 0); // as a drag does
    QCOMPARE(tabTexts(tabs),
        QStringList({ QStringLiteral("HEAD Health"), QStringLiteral("POST Create user") }));
    tabs->setCurrentIndex(1);
    QCOMPARE(find<QLineEdit>(&window, "urlLineEdit")->text(),
        QStringLiteral("https://example.com/users"));
    QCOMPARE(find<QComboBox>(&window, "methodComboBox")->currentText(), QStringLiteral("POST"));
    // Choosing an open request again goes to its tab, wherever it was moved.
    choose(window, QStringLiteral("Health"));
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(find<QLineEdit>(&window, "urlLineEdit")->text(),
        QStringLiteral("https://example.com/health"));
}

void TestRequestTabs::middleClickCloses()
{
    MemorySecretStore store;
    MainWindow window(&store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    RequestTabs *tabs = window.requestTabs();
    find<QAction>(&window, "newScratchAction")->trigger();
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("https://b.test/"));
    QCOMPARE(tabs->count(), 2);
    QTest::mouseClick(tabs->tabBar(), Qt::MiddleButton, {}, tabs->tabBar()->tabRect(0).center());
    QCOMPARE(tabTexts(tabs), QStringList { QStringLiteral("GET https://b.test/ ●") });
}

void TestRequestTabs::sendsInTwoTabsAnswerInTheirOwnTab()
{
    Test::TestServer server;
    server.setFallback([](const Test::RecordedRequest &request) {
        return Test::Reply::text(200, QByteArray("answer for ") + request.path, "text/plain");
    });
    QVERIFY(server.start());
    MemorySecretStore store;
    MainWindow window(&store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    RequestTabs *tabs = window.requestTabs();

    QTest::keyClicks(
        find<QLineEdit>(&window, "urlLineEdit"), server.baseUrl() + QStringLiteral("/first"));
    RequestTab *first = tabs->current();
    find<QAction>(&window, "newScratchAction")->trigger();
    QTest::keyClicks(
        find<QLineEdit>(&window, "urlLineEdit"), server.baseUrl() + QStringLiteral("/second"));
    RequestTab *second = tabs->current();
    // Both on their way at once: the second is sent while the first tab is in the background.
    tabs->setCurrentWidget(first);
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    tabs->setCurrentWidget(second);
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);

    QTRY_COMPARE(first->response()->exchange().body, QByteArray("answer for /first"));
    QTRY_COMPARE(second->response()->exchange().body, QByteArray("answer for /second"));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(find<QPushButton>(&window, "sendButton")->text(), QStringLiteral("Send"));
}

void TestRequestTabs::tabsFollowRenameAndDelete()
{
    QTemporaryDir dir;
    MemorySecretStore store;
    MainWindow window(&store);
    openShop(window, dir);
    RequestTabs *tabs = window.requestTabs();
    choose(window, QStringLiteral("Health"));
    tabs->keep(tabs->current());
    choose(window, QStringLiteral("List users"));
    QCOMPARE(tabs->count(), 2);

    // Renamed in the tree: the tab shows the new name (the document owns the request).
    CollectionTreeModel *model = window.collectionModel();
    QVERIFY(model->setData(sourceRow(window, QStringLiteral("Health")), QStringLiteral("Status")));
    QCOMPARE(tabs->tabText(0), QStringLiteral("HEAD Status ●"));

    // Moved into the Users folder: the same tab, and typing in it edits the moved request.
    QPointer<RequestTab> statusTab = tabs->tabs().at(0);
    model->document()->submit(
        std::make_unique<MoveItemCommand>(QList<int> { 1 }, QList<int> { 0 }, 2));
    QCOMPARE(tabs->count(), 2);
    QVERIFY(statusTab);
    tabs->setCurrentWidget(statusTab);
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    url->end(false);
    QTest::keyClicks(url, QStringLiteral("/deep"));
    const CollectionItem *moved = model->item(model->indexAt({ 0, 2 }));
    QVERIFY(moved);
    QCOMPARE(moved->name, QStringLiteral("Status"));
    QCOMPARE(moved->request.url.raw(), QStringLiteral("https://example.com/health/deep"));
    QCOMPARE(model->collection().items.size(), 1);

    // Deleted: its tab closes.
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(findRow(window, QStringLiteral("Status")));
    QCOMPARE(tabs->current(), statusTab.data());
    find<QAction>(&window, "deleteAction")->trigger();
    QVERIFY(!statusTab);
    // The other tab stays: the preview, showing what the tree selects next.
    QCOMPARE(tabs->count(), 1);
    QVERIFY(!tabs->current()->isScratch());
    QVERIFY2(!tabs->tabText(0).contains(QLatin1String("Status")), qPrintable(tabs->tabText(0)));
}

void TestRequestTabs::closingTheWindowAsksOnce()
{
    QTemporaryDir dir;
    MemorySecretStore store;
    MainWindow window(&store);
    openShop(window, dir);
    choose(window, QStringLiteral("List users"));
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("?a=1"));
    choose(window, QStringLiteral("Health"));
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("?b=1"));
    QCOMPARE(window.requestTabs()->count(), 2);
    int asked = 0;
    window.setDiscardConfirmer([&](const QString &) {
        ++asked;
        return false;
    });
    window.setTabCloseConfirmer([](const QString &) {
        QTest::qFail("the window asks once, not per tab", __FILE__, __LINE__);
        return RequestTabs::CloseAnswer::Cancel;
    });
    QVERIFY(!window.close());
    QCOMPARE(asked, 1);
    QCOMPARE(window.requestTabs()->count(), 2);
}

void TestRequestTabs::saveOnAScratchTabSavesItIntoTheCollection()
{
    QTemporaryDir dir;
    MemorySecretStore store;
    MainWindow window(&store);
    const QString path = openShop(window, dir);
    window.findChild<CollectionPanel *>()->setFolderChooser([](const QStringList &) { return 0; });
    QStringList suggested;
    window.setRequestNamer([&](const QString &name) -> std::optional<QString> {
        suggested.append(name);
        return QStringLiteral("Ping");
    });
    RequestTabs *tabs = window.requestTabs();
    find<QAction>(&window, "newScratchAction")->trigger();
    QTest::keyClicks(
        find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("https://x.test/ping"));
    find<QAction>(&window, "saveAction")->trigger();

    QCOMPARE(suggested, QStringList { QStringLiteral("https://x.test/ping") });
    const Result<Collection> saved = PostmanReader::readCollectionFile(path);
    QVERIFY2(saved.ok(), qPrintable(saved.error()));
    QCOMPARE(saved->items.size(), 3);
    QCOMPARE(saved->items.at(2).name, QStringLiteral("Ping"));
    // The tab is the collection's request now.
    QVERIFY(!tabs->current()->isScratch());
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("GET Ping"));

    // Cancelled at the name: nothing is added, and the tab keeps its request.
    window.setRequestNamer([](const QString &) -> std::optional<QString> { return std::nullopt; });
    find<QAction>(&window, "newScratchAction")->trigger();
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("https://x.test/2"));
    find<QAction>(&window, "saveAction")->trigger();
    QCOMPARE(PostmanReader::readCollectionFile(path)->items.size(), 3);
    QVERIFY(tabs->current()->isScratch());
    QCOMPARE(find<QLineEdit>(&window, "urlLineEdit")->text(), QStringLiteral("https://x.test/2"));
}

void TestRequestTabs::tabsComeBackAtTheNextStart()
{
    QTemporaryDir dir;
    MemorySecretStore store;
    QFile::remove(TabSession::defaultPath());
    {
        MainWindow window(&store);
        openShop(window, dir);
        choose(window, QStringLiteral("Create user"));
        window.requestTabs()->keep(window.requestTabs()->current());
        choose(window, QStringLiteral("Health"));
        window.requestTabs()->keep(window.requestTabs()->current());
        find<QAction>(&window, "newScratchAction")->trigger();
        QTest::keyClicks(
            find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("https://x.test/me"));
        // A token typed as plain text into a scratch request's header.
        auto *headers = find<QTableWidget>(&window, "headersTableWidget");
        headers->item(0, 1)->setText(QStringLiteral("Authorization"));
        headers->item(0, 2)->setText(QStringLiteral("Bearer typed-secret-42"));
        window.requestTabs()->setCurrentIndex(1);
        window.resize(1100, 700);
        QVERIFY(window.close());
    }
    const QByteArray written = readAll(TabSession::defaultPath());
    QVERIFY(written.contains("https://x.test/me"));
    QVERIFY2(!written.contains("typed-secret-42"), written.constData());

    MainWindow again(&store);
    again.show();
    again.restoreSession();
    RequestTabs *tabs = again.requestTabs();
    QCOMPARE(tabTexts(tabs),
        QStringList({ QStringLiteral("POST Create user"), QStringLiteral("HEAD Health"),
            QStringLiteral("GET https://x.test/me ●") }));
    QCOMPARE(tabs->currentIndex(), 1);
    QCOMPARE(again.size(), QSize(1100, 700));
    QCOMPARE(again.collectionPath(), dir.filePath(QStringLiteral("shop.json")));
    QCOMPARE(find<QLineEdit>(&again, "urlLineEdit")->text(),
        QStringLiteral("https://example.com/health"));
    QFile::remove(TabSession::defaultPath());
}

QTEST_MAIN(TestRequestTabs)
#include "TestRequestTabs.moc"
