// Several collections in one window's sidebar, used as a user would: two files open side by side,
// a click in either tree shows that collection's tabs, a drag from one to the other, Edit › Undo
// for the collection in front, closing one (asked about its edits), the next start bringing them
// all back, and the first start opening the bundled Digishare collection.
#include "app/auth/CredentialProfile.h"
#include "app/document/CollectionDocument.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"
#include "app/model/CollectionTreeModel.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/session/TabSession.h"
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/CollectionPanel.h"
#include "ui/CollectionWorkspace.h"
#include "ui/EnvironmentEditorDialog.h"
#include "ui/ItemSettingsDialog.h"
#include "ui/MainWindow.h"
#include "ui/RequestTab.h"
#include "ui/RequestTabs.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Playground;

class TestCollectionsSidebar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void twoCollectionsSideBySide();
    void dragBetweenCollectionsAndUndoEach();
    void closingACollectionAsksAboutItsEdits();
    void theNextStartBringsEveryCollectionBack();
    void theFirstStartOpensTheBundledCollection();
    void historyReopensARequestInItsCollection();
    void oneFilterForEveryCollection();
    void quitKeepsTheCollectionsOfEveryWindow();
    void credentialEditsSurviveSwitchingCollections();
    void aMissingFileStaysInTheSession();
    void environmentEditStaysUndoableAfterClosingACollection();
};

namespace {

using Test::find;
using Test::ShopJson;
using Test::writeFile;

QByteArray billingJson(const QString &url = QStringLiteral("https://billing.example/invoices"))
{
    return "{\"info\":{\"_postman_id\":\"b1111111-2222-3333-4444-555555555555\","
           "\"name\":\"Billing\"},\"variable\":[{\"key\":\"billingKey\",\"value\":\"k\"}],"
           "\"item\":[{\"name\":\"Invoices\",\"request\":{\"method\":\"GET\",\"url\":\""
        + url.toUtf8() + "?key={{billingKey}}\"}}]}";
}

QModelIndex findRow(QTreeView *tree, const QString &name)
{
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
        name, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

/** Clicks the row name in workspace's tree, as a user picks a request. */
void click(CollectionWorkspace *workspace, const QString &name)
{
    QTreeView *tree = workspace->panel()->treeView();
    const QModelIndex row = findRow(tree, name);
    QVERIFY2(row.isValid(), qPrintable(name));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(row).center());
}

QString nameShown(CollectionWorkspace *workspace)
{
    return workspace->panel()->findChild<QLabel *>(QStringLiteral("collectionNameLabel"))->text();
}

QStringList tabTexts(const RequestTabs *tabs)
{
    QStringList texts;
    for (int i = 0; i < tabs->count(); ++i)
        texts.append(tabs->tabText(i));
    return texts;
}

QWidget *cellEditor(QTableWidget *table)
{
    for (auto *edit : table->viewport()->findChildren<QLineEdit *>()) {
        if (edit->isVisible())
            return edit;
    }
    qWarning("no cell editor open");
    return table;
}

QString urlShown(MainWindow &window)
{
    return find<QLineEdit>(&window, "urlLineEdit")->text();
}

/** Two collection files (Shop API, Billing) open in one shown window, Billing in front. */
struct TwoCollections {
    explicit TwoCollections(const QByteArray &billing = billingJson())
        : shopPath(writeFile(dir, QStringLiteral("shop.json"), ShopJson))
        , billingPath(writeFile(dir, QStringLiteral("billing.json"), billing))
    {
        window.show();
        exposed = QTest::qWaitForWindowExposed(&window); // clicks reach it
        window.openCollection(shopPath);
        window.openCollection(billingPath);
    }
    CollectionWorkspace *shop() const { return window.workspaces().at(0); }
    CollectionWorkspace *billing() const { return window.workspaces().at(1); }

    QTemporaryDir dir;
    const QString shopPath;
    const QString billingPath;
    MemorySecretStore store;
    MainWindow window { &store };
    bool exposed = false;
};

} // namespace

void TestCollectionsSidebar::twoCollectionsSideBySide()
{
    TwoCollections two;
    MainWindow &window = two.window;
    QVERIFY(two.exposed);

    // Both in the sidebar, one above the other; the one opened last is in front.
    QCOMPARE(window.workspaces().size(), 2);
    CollectionWorkspace *shop = window.workspaces().at(0);
    CollectionWorkspace *billing = window.workspaces().at(1);
    QVERIFY(shop->panel()->isVisible() && billing->panel()->isVisible());
    QVERIFY(shop->panel()->mapTo(&window, QPoint()).y()
        < billing->panel()->mapTo(&window, QPoint()).y());
    QCOMPARE(nameShown(shop), QStringLiteral("Shop API"));
    QCOMPARE(nameShown(billing), QStringLiteral("Billing"));
    QCOMPARE(window.currentWorkspace(), billing);
    QCOMPARE(window.windowTitle(), QStringLiteral("API Playground — Billing[*]"));

    // A click in a tree brings that collection, and its tabs, to the front.
    click(shop, QStringLiteral("Health"));
    QCOMPARE(window.currentWorkspace(), shop);
    QCOMPARE(window.windowTitle(), QStringLiteral("API Playground — Shop API[*]"));
    QCOMPARE(urlShown(window), QStringLiteral("https://example.com/health"));
    click(billing, QStringLiteral("Invoices"));
    QCOMPARE(window.currentWorkspace(), billing);
    QCOMPARE(
        urlShown(window), QStringLiteral("https://billing.example/invoices?key={{billingKey}}"));
    QCOMPARE(tabTexts(window.requestTabs()), QStringList { QStringLiteral("GET Invoices") });
    // Each keeps its own tabs: back in the shop, its request is where it was.
    click(shop, QStringLiteral("Health"));
    QCOMPARE(urlShown(window), QStringLiteral("https://example.com/health"));
    QCOMPARE(tabTexts(window.requestTabs()), QStringList { QStringLiteral("HEAD Health") });

    // Opening a file that is open already brings it to the front, without a second copy.
    window.openCollection(two.billingPath);
    QCOMPARE(window.workspaces().size(), 2);
    QCOMPARE(window.currentWorkspace(), billing);
    // Another spelling of the same file (a symlink) is the same collection.
    const QString link = two.dir.filePath(QStringLiteral("billing-link.json"));
    QVERIFY(QFile::link(two.billingPath, link));
    window.setCurrentWorkspace(shop);
    window.openCollection(link);
    QCOMPARE(window.workspaces().size(), 2);
    QCOMPARE(window.currentWorkspace(), billing);
    // The shop saved as the billing's file would undo the billing's next save: refused, said.
    window.setCurrentWorkspace(shop);
    QVERIFY(!window.saveCollectionAs(link));
    QCOMPARE(PostmanReader::readCollectionFile(two.billingPath)->name, QStringLiteral("Billing"));
    auto *refused = find<QLabel>(&window, "errorBannerLabel");
    QTRY_VERIFY(refused->isVisible());
    QVERIFY2(refused->text().contains(QLatin1String("Billing")), qPrintable(refused->text()));
    // A file that cannot be read changes nothing and says why.
    const QString broken = writeFile(two.dir, QStringLiteral("broken.json"), "{ \"info\": ");
    window.openCollection(broken);
    QCOMPARE(window.workspaces().size(), 2);
    auto *banner = find<QLabel>(&window, "errorBannerLabel");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("broken.json")), qPrintable(banner->text()));
}

void TestCollectionsSidebar::dragBetweenCollectionsAndUndoEach()
{
    TwoCollections two;
    MainWindow &window = two.window;
    CollectionWorkspace *shop = window.workspaces().at(0);
    CollectionWorkspace *billing = window.workspaces().at(1);
    QTreeView *shopTree = shop->panel()->treeView();
    QTreeView *billingTree = billing->panel()->treeView();

    // What the trees do on a drop: Invoices dragged from Billing onto the shop's folder Users.
    std::unique_ptr<QMimeData> dragged(
        billingTree->model()->mimeData({ findRow(billingTree, QStringLiteral("Invoices")) }));
    const QModelIndex users = findRow(shopTree, QStringLiteral("Users"));
    QVERIFY(shopTree->model()->canDropMimeData(dragged.get(), Qt::MoveAction, 0, 0, users));
    QVERIFY(shopTree->model()->dropMimeData(dragged.get(), Qt::MoveAction, 0, 0, users));
    QVERIFY(findRow(shopTree, QStringLiteral("Invoices")).isValid());
    QVERIFY(!findRow(billingTree, QStringLiteral("Invoices")).isValid());
    // Both unsaved, each marked in its header.
    QCOMPARE(nameShown(shop), QStringLiteral("Shop API ●"));
    QCOMPARE(nameShown(billing), QStringLiteral("Billing ●"));
    auto *banner = find<QLabel>(&window, "errorBannerLabel");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("{{billingKey}}")), qPrintable(banner->text()));

    // Edit › Undo undoes the edits of the collection in front, not the other's.
    window.setCurrentWorkspace(billing);
    find<QAction>(&window, "undoAction")->trigger();
    QVERIFY(findRow(billingTree, QStringLiteral("Invoices")).isValid());
    QVERIFY(findRow(shopTree, QStringLiteral("Invoices")).isValid());
    QCOMPARE(nameShown(billing), QStringLiteral("Billing"));
    find<QAction>(&window, "redoAction")->trigger();
    QVERIFY(!findRow(billingTree, QStringLiteral("Invoices")).isValid());

    // Saved (Ctrl+S saves the collection in front), each file holds what its tree shows.
    QVERIFY(window.saveCollection());
    window.setCurrentWorkspace(shop);
    find<QAction>(&window, "saveAction")->trigger();
    QTRY_VERIFY(!shop->isModified() && !billing->isModified());
    QCOMPARE(nameShown(shop), QStringLiteral("Shop API"));
    const Result<Collection> shopFile = PostmanReader::readCollectionFile(two.shopPath);
    const Result<Collection> billingFile = PostmanReader::readCollectionFile(two.billingPath);
    QVERIFY(shopFile.ok() && billingFile.ok());
    QCOMPARE(shopFile->items.at(0).children.at(0).name, QStringLiteral("Invoices"));
    QVERIFY(billingFile->items.isEmpty());
}

void TestCollectionsSidebar::closingACollectionAsksAboutItsEdits()
{
    TwoCollections two;
    MainWindow &window = two.window;
    CollectionWorkspace *billing = window.workspaces().at(1);
    QPointer<CollectionPanel> billingPanel = billing->panel();
    click(billing, QStringLiteral("Invoices"));
    billingPanel->findChild<QAction *>(QStringLiteral("duplicateAction"))->trigger();
    QVERIFY(billing->isModified());
    // The shop is in front when the billing's close button is clicked.
    click(window.workspaces().at(0), QStringLiteral("Health"));

    QStringList asked;
    bool discard = false;
    window.setDiscardConfirmer([&](const QString &name) {
        asked.append(name);
        return discard;
    });
    auto *close = billingPanel->findChild<QToolButton *>(QStringLiteral("closeCollectionButton"));
    QVERIFY(close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QCOMPARE(asked, QStringList { QStringLiteral("Billing") });
    QCOMPARE(window.workspaces().size(), 2); // kept: Cancel
    QCOMPARE(window.currentWorkspace(), billing); // shown while asked

    // Its settings open (Collection › Edit collection…) close with it.
    find<QAction>(&window, "editCollectionAction")->trigger();
    QPointer<ItemSettingsDialog> settings = window.findChild<ItemSettingsDialog *>();
    QVERIFY(settings && settings->isVisible());
    discard = true;
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(settings.isNull());
    QCOMPARE(window.workspaces().size(), 1);
    QTRY_VERIFY(billingPanel.isNull());
    QCOMPARE(window.collectionPath(), two.shopPath);
    QCOMPARE(window.windowTitle(), QStringLiteral("API Playground — Shop API[*]"));
    QCOMPARE(urlShown(window), QStringLiteral("https://example.com/health"));
    QCOMPARE(PostmanReader::readCollectionFile(two.billingPath)->items.size(), 1); // not saved

    // The last one closed (File › Close collection, nothing unsaved: not asked) leaves the hint.
    find<QAction>(&window, "closeCollectionAction")->trigger();
    QCOMPARE(asked.size(), 2); // the two clicks above only
    QCOMPARE(window.workspaces().size(), 1);
    QVERIFY(!window.collectionModel()->hasCollection());
    QCOMPARE(window.windowTitle(), QStringLiteral("API Playground"));
    QTRY_VERIFY(find<QLabel>(&window, "emptyHintLabel")->isVisible());
    QVERIFY(window.requestTabs()->current()->isScratch());
}

void TestCollectionsSidebar::theNextStartBringsEveryCollectionBack()
{
    QTemporaryDir dir;
    const QString shopPath = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    const QString billingPath = writeFile(dir, QStringLiteral("billing.json"), billingJson());
    const QString gonePath = writeFile(dir, QStringLiteral("gone.json"), ShopJson);
    MemorySecretStore store;
    QFile::remove(TabSession::defaultPath());
    {
        MainWindow window(&store);
        window.show();
        window.openCollection(shopPath);
        window.openCollection(gonePath);
        window.openCollection(billingPath);
        click(window.workspaces().at(0), QStringLiteral("Health"));
        window.requestTabs()->keep(window.requestTabs()->current());
        click(window.workspaces().at(1), QStringLiteral("Create user"));
        // A scratch request beside the collection that will be gone at the next start.
        window.requestTabs()->actions().constFirst()->trigger(); // Request › New tab
        QTest::keyClicks(
            find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("https://x.test/kept"));
        click(window.workspaces().at(2), QStringLiteral("Invoices"));
        QVERIFY(window.close());
    }
    // Away at the next start (a share not mounted yet): kept in the sidebar with what happened.
    QVERIFY(QFile::rename(gonePath, gonePath + QStringLiteral(".away")));

    MainWindow again(&store);
    again.show();
    again.restoreSession();
    QCOMPARE(again.workspaces().size(), 3);
    CollectionWorkspace *shop = again.workspaces().at(0);
    CollectionWorkspace *gone = again.workspaces().at(1);
    CollectionWorkspace *billing = again.workspaces().at(2);
    QCOMPARE(shop->document()->path(), shopPath);
    QCOMPARE(billing->document()->path(), billingPath);
    QCOMPARE(again.currentWorkspace(), billing);
    QCOMPARE(
        urlShown(again), QStringLiteral("https://billing.example/invoices?key={{billingKey}}"));
    QCOMPARE(tabTexts(shop->tabs()), QStringList { QStringLiteral("HEAD Health") });
    auto *banner = find<QLabel>(&again, "errorBannerLabel");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("gone.json")), qPrintable(banner->text()));
    QCOMPARE(nameShown(gone), QStringLiteral("gone.json"));
    auto *problem = gone->panel()->findChild<QLabel *>(QStringLiteral("emptyHintLabel"));
    QVERIFY2(problem->isVisible() && problem->text().contains(QLatin1String("gone.json")),
        qPrintable(problem->text()));
    auto *retry = gone->panel()->findChild<QPushButton *>(QStringLiteral("openCollectionButton"));
    QCOMPARE(retry->text(), QStringLiteral("Try again"));

    // Still away: Try again says so again. Back: it opens with its tabs, the scratch one too.
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(again.currentWorkspace(), gone);
    QVERIFY(!gone->model()->hasCollection());
    QVERIFY(QFile::rename(gonePath + QStringLiteral(".away"), gonePath));
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(gone->model()->hasCollection());
    QCOMPARE(gone->document()->path(), gonePath);
    QCOMPARE(tabTexts(gone->tabs()),
        QStringList(
            { QStringLiteral("POST Create user"), QStringLiteral("GET https://x.test/kept ●") }));
    QCOMPARE(nameShown(gone), QStringLiteral("Shop API"));
    QFile::remove(TabSession::defaultPath());
}

void TestCollectionsSidebar::theFirstStartOpensTheBundledCollection()
{
    const QString bundled = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/Digishare API.postman_collection.json");
    QFile::remove(TabSession::defaultPath());
    QFile::remove(bundled);
    MemorySecretStore store;
    QString id;
    {
        MainWindow window(&store);
        window.show();
        window.restoreSession();
        QCOMPARE(window.collectionModel()->collection().name, QStringLiteral("Digishare API"));
        QCOMPARE(window.collectionPath(), bundled);
        // Written to its own file: nothing to save for a user who only looks.
        QVERIFY(!window.isWindowModified());
        const Result<Collection> written = PostmanReader::readCollectionFile(bundled);
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(flattenRequests(written->items).size(), 2);
        // A copy of its own: not the id of the template in the program.
        id = written->postmanId;
        QVERIFY(!id.isEmpty());
        QVERIFY(id != QLatin1String("0d3f4a52-7c1e-4b8e-9a53-d1a15ba4e000"));
        QVERIFY(findRow(window.workspaces().at(0)->panel()->treeView(),
            QStringLiteral("List campaigns (Personal Access Token)"))
                    .isValid());
    }
    // Without a session again (the file kept): the same copy opens, not a new one.
    QFile::remove(TabSession::defaultPath());
    MainWindow again(&store);
    again.restoreSession();
    QCOMPARE(again.collectionPath(), bundled);
    QCOMPARE(again.collectionModel()->collection().postmanId, id);
    QFile::remove(TabSession::defaultPath());
}

void TestCollectionsSidebar::historyReopensARequestInItsCollection()
{
    Test::TestServer server;
    server.setFallback(
        [](const Test::RecordedRequest &) { return Test::Reply::text(200, "paid", "text/plain"); });
    QVERIFY(server.start());
    TwoCollections two(billingJson(server.baseUrl() + "/invoices"));
    MainWindow &window = two.window;
    CollectionWorkspace *billing = window.workspaces().at(1);
    click(billing, QStringLiteral("Invoices"));
    find<QAction>(&window, "sendAction")->trigger();
    QTRY_COMPARE(server.requests().size(), 1);
    QTRY_COMPARE(find<QPushButton>(&window, "sendButton")->text(), QStringLiteral("Send"));
    click(window.workspaces().at(0), QStringLiteral("Health"));

    // Opened from History while the shop is in front: back in Billing, as its request.
    find<QTabWidget>(&window, "sidebarTabWidget")->setCurrentIndex(1);
    auto *tree = find<QTreeView>(&window, "historyTreeView");
    QTRY_VERIFY(tree->model()->rowCount() > 0);
    const QModelIndex newest = tree->model()->index(0, 0, tree->model()->index(0, 0));
    QVERIFY2(newest.data().toString().contains(QLatin1String("/invoices")),
        qPrintable(newest.data().toString()));
    tree->setCurrentIndex(newest);
    QTest::mouseClick(find<QPushButton>(&window, "historyOpenButton"), Qt::LeftButton);
    QCOMPARE(window.currentWorkspace(), billing);
    QVERIFY(!window.requestTabs()->current()->isScratch());
    QCOMPARE(tabTexts(window.requestTabs()), QStringList { QStringLiteral("GET Invoices") });
}

void TestCollectionsSidebar::oneFilterForEveryCollection()
{
    QTemporaryDir dir;
    const QString shopPath = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    const QString billingPath = writeFile(dir, QStringLiteral("billing.json"), billingJson());
    MemorySecretStore store;
    MainWindow window(&store);
    window.show();
    auto *filter = find<QLineEdit>(&window, "filterLineEdit");
    QVERIFY(!filter->isVisible()); // nothing to filter yet
    window.openCollection(shopPath);
    window.openCollection(billingPath);
    QVERIFY(filter->isVisible());
    QTest::keyClicks(filter, QStringLiteral("in"));
    // "in" (any case) is in Invoices, and in no name of the shop.
    QTreeView *shopTree = window.workspaces().at(0)->panel()->treeView();
    QTreeView *billingTree = window.workspaces().at(1)->panel()->treeView();
    QCOMPARE(billingTree->model()->rowCount(), 1);
    QCOMPARE(shopTree->model()->rowCount(), 0);
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("user"));
    QCOMPARE(billingTree->model()->rowCount(), 0);
    QVERIFY(findRow(shopTree, QStringLiteral("Create user")).isValid());
    QVERIFY(!findRow(shopTree, QStringLiteral("Health")).isValid());
}

void TestCollectionsSidebar::credentialEditsSurviveSwitchingCollections()
{
    // A collection with OAuth client credentials, and Billing beside it.
    QTemporaryDir dir;
    Collection oauth;
    oauth.name = QStringLiteral("OAuth API");
    oauth.postmanId = QStringLiteral("c2222222-2222-3333-4444-555555555555");
    CollectionItem list;
    list.name = QStringLiteral("List");
    list.request.url = UrlSpec::fromRaw(QStringLiteral("https://api.example/list"));
    oauth.items = { list };
    oauth.auth = CredentialProfile::clientCredentials(QStringLiteral("first-client"),
        QStringLiteral("clientSecret"), QStringLiteral("https://api.example/oauth/token"))
                     .toAuthSpec();
    const QString oauthPath = writeFile(dir, QStringLiteral("oauth.json"),
        QJsonDocument(PostmanWriter::collectionJson(oauth)).toJson());
    const QString billingPath = writeFile(dir, QStringLiteral("billing.json"), billingJson());
    MemorySecretStore store;
    MainWindow window(&store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openCollection(oauthPath);
    window.openCollection(billingPath);
    CollectionWorkspace *api = window.workspaces().at(0);
    CollectionWorkspace *billing = window.workspaces().at(1);
    click(api, QStringLiteral("List"));
    QCOMPARE(window.currentWorkspace(), api);

    // View › Credentials; the client id typed (not saved yet with the form's Save).
    find<QAction>(&window, "credentialsAction")->trigger();
    auto *clientId = window.findChild<QLineEdit *>(QStringLiteral("clientIdLineEdit"));
    QVERIFY(clientId);
    QTRY_VERIFY(clientId->isVisible());
    QCOMPARE(clientId->text(), QStringLiteral("first-client"));
    clientId->selectAll();
    QTest::keyClicks(clientId, QStringLiteral("second-client"));
    QCOMPARE(clientId->text(), QStringLiteral("second-client"));

    // A click in Billing's tree, then back: the edit must be in the collection or still in the
    // form, not silently dropped.
    click(billing, QStringLiteral("Invoices"));
    QCOMPARE(window.currentWorkspace(), billing);
    click(api, QStringLiteral("List"));
    QCOMPARE(window.currentWorkspace(), api);
    const QString saved = api->document()->collection().auth->param(QStringLiteral("clientId"));
    QVERIFY2(saved == QLatin1String("second-client")
            || clientId->text() == QLatin1String("second-client"),
        qPrintable(QStringLiteral("document: %1, form: %2").arg(saved, clientId->text())));
}

void TestCollectionsSidebar::aMissingFileStaysInTheSession()
{
    QTemporaryDir dir;
    const QString shopPath = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    const QString awayPath = writeFile(dir, QStringLiteral("away.json"), billingJson());
    MemorySecretStore store;
    QFile::remove(TabSession::defaultPath());
    {
        MainWindow window(&store);
        window.show();
        window.openCollection(shopPath);
        window.openCollection(awayPath);
        click(window.workspaces().at(1), QStringLiteral("Invoices"));
        window.requestTabs()->keep(window.requestTabs()->current());
        QVERIFY(window.close());
    }
    // The file is away for one start (a network share not mounted yet, a sync in progress).
    const QByteArray away = [&] {
        QFile file(awayPath);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(QFile::remove(awayPath));
    {
        MainWindow window(&store);
        window.show();
        window.restoreSession();
        QCOMPARE(window.workspaces().size(), 2); // the missing one says why, in the sidebar
        QVERIFY(window.close());
    }
    writeFile(dir, QStringLiteral("away.json"), away);
    const Result<TabSession> session = TabSession::read(TabSession::defaultPath());
    QVERIFY2(session.ok(), qPrintable(session.error()));
    QStringList paths;
    for (const TabSession::Workspace &workspace : session->workspaces)
        paths.append(workspace.collectionPath);
    QFile::remove(TabSession::defaultPath());
    // Closing the window without touching it dropped the collection (and its tabs) for good.
    QVERIFY2(paths.contains(awayPath), qPrintable(paths.join(QLatin1String(", "))));
}

void TestCollectionsSidebar::environmentEditStaysUndoableAfterClosingACollection()
{
    TwoCollections two;
    MainWindow &window = two.window;
    // With Billing in front, a new environment is named (one undoable edit of the environment).
    find<QAction>(&window, "newEnvironmentAction")->trigger();
    auto *dialog = window.findChild<EnvironmentEditorDialog *>();
    QVERIFY(dialog);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("environmentNameLineEdit"));
    QVERIFY(name);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Stage"));
    auto *combo = find<QComboBox>(&window, "environmentComboBox");
    QCOMPARE(combo->currentText(), QStringLiteral("Stage"));
    auto *table
        = dialog->findChild<QTableWidget *>(QStringLiteral("environmentVariablesTableWidget"));
    QVERIFY(table);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Insert);
    QTest::keyClicks(cellEditor(table), QStringLiteral("baseUrl"));
    QTest::keyClick(cellEditor(table), Qt::Key_Return);
    QTRY_COMPARE(table->item(0, 1)->text(), QStringLiteral("baseUrl"));
    QVERIFY(find<QAction>(&window, "undoAction")->isEnabled());
    // Billing closed (nothing unsaved in it): the environment's edit is not Billing's.
    window.closeCollection(window.workspaces().at(1));
    QCOMPARE(window.workspaces().size(), 1);
    QVERIFY2(find<QAction>(&window, "undoAction")->isEnabled(),
        "the environment edit's undo step went with the closed collection");
}

void TestCollectionsSidebar::quitKeepsTheCollectionsOfEveryWindow()
{
    QTemporaryDir dir;
    const QString shopPath = writeFile(dir, QStringLiteral("shop.json"), ShopJson);
    const QString billingPath = writeFile(dir, QStringLiteral("billing.json"), billingJson());
    const QString petsPath = writeFile(dir, QStringLiteral("pets.json"), ShopJson);
    MemorySecretStore store;
    QFile::remove(TabSession::defaultPath());
    const auto sessionPaths = [] {
        QStringList paths;
        if (const Result<TabSession> session = TabSession::read(TabSession::defaultPath()))
            for (const TabSession::Workspace &workspace : session->workspaces)
                paths.append(workspace.collectionPath);
        return paths;
    };
    {
        MainWindow first(&store);
        first.show();
        first.openCollection(shopPath);
        // A window closed while another stays takes its collections with it.
        QPointer<MainWindow> pets = first.newWindow();
        pets->openCollection(petsPath);
        QVERIFY(pets->close());
        QTRY_VERIFY(pets.isNull());
        QVERIFY(!QFile::exists(TabSession::defaultPath()));
        // File › Quit from the second window: the next start has both windows' collections.
        QPointer<MainWindow> second = first.newWindow();
        second->openCollection(billingPath);
        find<QAction>(second, "quitAction")->trigger();
        QTRY_VERIFY(second.isNull());
        QVERIFY(!first.isVisible());
    }
    QCOMPARE(sessionPaths(), QStringList({ billingPath, shopPath }));
    MainWindow again(&store);
    again.restoreSession();
    QCOMPARE(again.workspaces().size(), 2);
    QCOMPARE(again.collectionPath(), billingPath);
    QFile::remove(TabSession::defaultPath());
}

QTEST_MAIN(TestCollectionsSidebar)
#include "TestCollectionsSidebar.moc"
