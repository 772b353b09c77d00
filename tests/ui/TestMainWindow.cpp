// The main window driven like a user: open a collection, pick a request, edit, send, save.
#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialProfile.h"
#include "app/auth/CredentialProfileModel.h"
#include "app/formats/PostmanReader.h"
#include "app/history/HistoryListModel.h"
#include "app/history/HistoryStore.h"
#include "app/model/CollectionTreeModel.h"
#include "app/response/ResponseFormatter.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/secrets/SecretKey.h"
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/BodyTextView.h"
#include "ui/CredentialsPanel.h"
#include "ui/HelpMenu.h"
#include "ui/HistoryPanel.h"
#include "ui/MainWindow.h"
#include "ui/RequestTab.h"
#include "ui/RequestTabs.h"
#include "ui/ResponseView.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Playground;

namespace {

/** The project's loopback test server answering every path with one canned response. */
class CannedServer {
public:
    explicit CannedServer(QByteArray body, QByteArray contentType = "application/json")
    {
        m_server.setFallback([body, contentType](const Test::RecordedRequest &) {
            Test::Reply reply = Test::Reply::text(200, body, contentType);
            reply.headers.append(QPair<QByteArray, QByteArray>("X-Canned", "yes"));
            return reply;
        });
        QVERIFY(m_server.start());
    }

    QString url(const QString &path) const { return m_server.baseUrl() + path; }
    /** The exact bytes of each request received. */
    QList<QByteArray> requests() const
    {
        QList<QByteArray> out;
        for (const Test::RecordedRequest &r : m_server.requests())
            out.append(r.raw);
        return out;
    }
    int connections() const { return m_server.connectionCount(); }

private:
    Test::TestServer m_server;
};

using Test::find;
using Test::writeFile;

QByteArray collectionJson(const QString &usersUrl)
{
    return QStringLiteral(
        "{\n"
        "  \"info\": { \"name\": \"Shop API\", \"schema\": "
        "\"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\" },\n"
        "  \"variable\": [ { \"key\": \"baseUrl\", \"value\": \"http://127.0.0.1:1\" } ],\n"
        "  \"item\": [\n"
        "    { \"name\": \"Users\", \"item\": [\n"
        "      { \"name\": \"List users\", \"request\": { \"method\": \"GET\", \"url\": \"%1\" } "
        "},\n"
        "      { \"name\": \"Create user\", \"request\": { \"method\": \"POST\", \"url\": "
        "\"{{baseUrl}}/users\",\n"
        "        \"body\": { \"mode\": \"raw\", \"raw\": \"{\\\"name\\\": \\\"Ada\\\"}\", "
        "\"options\": { \"raw\": { \"language\": \"json\" } } } } }\n"
        "    ] },\n"
        "    { \"name\": \"Health\", \"request\": { \"method\": \"HEAD\", \"url\": "
        "\"{{baseUrl}}/health\" } }\n"
        "  ]\n"
        "}\n")
        .arg(usersUrl)
        .toUtf8();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void credentialsComeFromTheKeychainAndShowRedacted();
    void secretVariablesMoveToTheKeychainOnSave();
    void aStoredSecretGoesOnlyWhereItWasStoredFor();
    void aSendWaitingForTheKeychainStaysWithItsTab();
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void emptyStateOffersAHintAndAScratchRequest();
    void everyLabelShowsPlainText();
    void warningsOfAnExchangeAreVisible();
    void openingACollectionShowsItsRequests();
    void aBrokenCollectionFileIsNamedInTheBanner();
    void choosingARequestShowsItsUrl();
    void sendShowsStatusAndPrettyJson();
    void typedUrlQueryShowsInParams();
    void paramValuesReachTheServerAsTyped();
    void unresolvedVariableShowsBannerAndSendsNothing();
    void refusedConnectionShowsBanner();
    void editAndSaveWritesTheFile();
    void typingKeepsCredentialsAddedMeanwhile();
    void undoAndRedoEdits();
    void bundledTokenRequestSaysWhereToSetItsValues();
    void historyReopensAndSendsAgain();
    void pastSendsAreListedOnceTheWindowIsUp();
    void typedUrlCanBeClearedWithItsButton();
    void pastedCurlBecomesTheRequest();
    void helpListsShortcutsAndVersion();
    void tlsChecksOffForOneRequest();
    void environmentGivesTheValues();
    void newFromTemplateIsAnUnsavedCopy();
    void aLargeBodyIsShownWhole();
    void ctrlEnterSendsEvenFromTheBodyEditor();
    void eachRequestKeepsItsLastResponse();
    void sendBecomesCancelWhileInFlight();
    void scratchRequestsNeverTakeTheCollectionsCredentials();

private:
    QModelIndex findRow(MainWindow &window, const QString &name);
    QString openShop(MainWindow &window, const QTemporaryDir &dir);
};

QModelIndex TestMainWindow::findRow(MainWindow &window, const QString &name)
{
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
        name, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

/** The shop collection written in dir and opened in window, "List users" chosen; its path. */
QString TestMainWindow::openShop(MainWindow &window, const QTemporaryDir &dir)
{
    const QString path = writeFile(dir, QStringLiteral("shop.json"),
        collectionJson(QStringLiteral("https://example.com/users")));
    window.setDiscardConfirmer([](const QString &) { return true; });
    window.show();
    window.openCollection(path);
    find<QTreeView>(&window, "collectionTreeView")
        ->setCurrentIndex(findRow(window, QStringLiteral("List users")));
    return path;
}

void TestMainWindow::emptyStateOffersAHintAndAScratchRequest()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("API Playground"));
    auto *hint = find<QLabel>(&window, "emptyHintLabel");
    QVERIFY(hint && hint->isVisible());
    QVERIFY(hint->text().contains(QLatin1String("Ctrl+O")));
    QCOMPARE(hint->textFormat(), Qt::PlainText);
    auto *send = find<QPushButton>(&window, "sendButton");
    QVERIFY(send && send->isEnabled());
    QVERIFY(!find<QWidget>(&window, "errorBanner")->isVisible());
}

void TestMainWindow::credentialsComeFromTheKeychainAndShowRedacted()
{
    CannedServer server("{\"ok\":true}");
    QTemporaryDir dir;
    const QByteArray json = QStringLiteral(
        "{\"info\":{\"name\":\"Keyed\",\"_postman_id\":\"c-42\"},"
        "\"auth\":{\"type\":\"bearer\",\"bearer\":[{\"key\":\"token\",\"value\":\"{{pat}}\"}]},"
        "\"variable\":[{\"key\":\"baseUrl\",\"value\":\"%2\"}],"
        "\"item\":[{\"name\":\"Me\",\"request\":{\"method\":\"GET\",\"url\":\"%1\"}}]}")
                                .arg(server.url(QStringLiteral("/me")), server.url(QString()))
                                .toUtf8();
    const QString path = writeFile(dir, QStringLiteral("keyed.json"), json);
    MemorySecretStore store;
    // Stored the way the app stores it: bound to the collection's {{baseUrl}}.
    const Result<Collection> parsed = PostmanReader::readCollectionFile(path);
    QVERIFY(parsed.ok());
    store.write(CollectionSecrets::keyFor(parsed.value(), QStringLiteral("pat")).value(),
        QStringLiteral("pat-from-keychain-123"), &store, [](const SecretResult &) {});
    QVERIFY(store.waitForPendingWrites(5000));

    MainWindow window(&store);
    window.show();
    window.openCollection(path);
    // The credentials panel is one shortcut away and lists the collection's PAT.
    auto *dock = find<QDockWidget>(&window, "credentialsDockWidget");
    QVERIFY(!dock->isVisible());
    find<QAction>(&window, "credentialsAction")->trigger();
    QVERIFY(dock->isVisible());
    QCOMPARE(find<QListView>(&window, "profilesListView")->model()->rowCount(), 1);

    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(findRow(window, QStringLiteral("Me")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 1);
    QVERIFY2(server.requests().first().contains("Authorization: Bearer pat-from-keychain-123\r\n"),
        server.requests().first().constData());
    // What the window shows of the request as sent never holds the token.
    auto *sent = find<QPlainTextEdit>(&window, "requestSentPlainTextEdit");
    QTRY_VERIFY(sent->toPlainText().contains(QLatin1String("Authorization: Bearer ***")));
    QVERIFY(!sent->toPlainText().contains(QLatin1String("pat-from-keychain")));
    QVERIFY(!window.windowTitle().contains(QLatin1String("pat-from")));
}

void TestMainWindow::secretVariablesMoveToTheKeychainOnSave()
{
    CannedServer server("{}");
    QTemporaryDir dir;
    const QByteArray json = QStringLiteral(
        "{\"info\":{\"name\":\"Vars\",\"_postman_id\":\"c-7\"},"
        "\"variable\":[{\"key\":\"apiKey\",\"value\":\"k-secret-77\",\"type\":\"secret\"},"
        "{\"key\":\"baseUrl\",\"value\":\"%2\"}],"
        "\"item\":[{\"name\":\"Me\",\"request\":{\"method\":\"GET\",\"url\":\"%1?k={{apiKey}}\"}}]"
        "}")
                                .arg(server.url(QStringLiteral("/me")), server.url(QString()))
                                .toUtf8();
    const QString path = writeFile(dir, QStringLiteral("vars.json"), json);
    MemorySecretStore store;
    {
        MainWindow window(&store);
        window.openCollection(path);
        QSignalSpy saved(&window, &MainWindow::collectionSaved);
        find<QAction>(&window, "saveAction")->trigger();
        // The keychain answers first, then the file is written: no nested event loop.
        QVERIFY(saved.count() == 1 || saved.wait(5000));
        QVERIFY(!window.isWindowModified());
    }
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(!saved.readAll().contains("k-secret-77")); // not in the file...
    const Result<Collection> reread = PostmanReader::readCollectionFile(path);
    QVERIFY(reread.ok());
    const SecretResult stored = store.readBlocking(
        CollectionSecrets::keyFor(reread.value(), QStringLiteral("apiKey")).value(), 5000);
    QVERIFY(stored.value && *stored.value == QLatin1String("k-secret-77")); // ...but kept

    // Reopened, the request still gets the value.
    MainWindow window(&store);
    window.show();
    window.openCollection(path);
    find<QTreeView>(&window, "collectionTreeView")
        ->setCurrentIndex(findRow(window, QStringLiteral("Me")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 1);
    QVERIFY(server.requests().first().contains("GET /me?k=k-secret-77 "));
}

void TestMainWindow::aStoredSecretGoesOnlyWhereItWasStoredFor()
{
    CannedServer api("{}");
    CannedServer elsewhere("{}");
    QTemporaryDir dir;
    // A copy of a collection (same id, same base URL and auth) with one request that would carry
    // the stored token to another host.
    const QByteArray json = QStringLiteral(
        "{\"info\":{\"name\":\"Copy\",\"_postman_id\":\"c-5\"},"
        "\"variable\":[{\"key\":\"baseUrl\",\"value\":\"%1\"}],"
        "\"auth\":{\"type\":\"bearer\",\"bearer\":[{\"key\":\"token\",\"value\":\"{{pat}}\"}]},"
        "\"item\":[{\"name\":\"Mine\",\"request\":{\"method\":\"GET\",\"url\":\"{{baseUrl}}/me\"}},"
        "{\"name\":\"Leak\",\"request\":{\"method\":\"GET\",\"url\":\"%2?leak={{pat}}\"}}]}")
                                .arg(api.url(QString()), elsewhere.url(QStringLiteral("/x")))
                                .toUtf8();
    const QString path = writeFile(dir, QStringLiteral("copy.json"), json);
    const Result<Collection> parsed = PostmanReader::readCollectionFile(path);
    QVERIFY(parsed.ok());
    MemorySecretStore store;
    store.write(CollectionSecrets::keyFor(parsed.value(), QStringLiteral("pat")).value(),
        QStringLiteral("pat-stored-5"), &store, [](const SecretResult &) {});
    QVERIFY(store.waitForPendingWrites(5000));

    MainWindow window(&store);
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(findRow(window, QStringLiteral("Leak")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_VERIFY(
        find<QLabel>(&window, "errorBannerLabel")->text().contains(QLatin1String("stored for")));
    QVERIFY(
        !find<QLabel>(&window, "errorBannerLabel")->text().contains(QLatin1String("pat-stored-5")));
    QCOMPARE(elsewhere.connections(), 0);

    // The request it was stored for still gets it.
    tree->setCurrentIndex(findRow(window, QStringLiteral("Mine")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(api.requests().size(), 1);
    QVERIFY(api.requests().first().contains("Authorization: Bearer pat-stored-5\r\n"));
}

void TestMainWindow::aSendWaitingForTheKeychainStaysWithItsTab()
{
    CannedServer server("{}");
    QTemporaryDir dir;
    const QByteArray json = QStringLiteral(
        "{\"info\":{\"name\":\"Slow\",\"_postman_id\":\"c-9\"},"
        "\"auth\":{\"type\":\"bearer\",\"bearer\":[{\"key\":\"token\",\"value\":\"{{pat}}\"}]},"
        "\"variable\":[{\"key\":\"baseUrl\",\"value\":\"%2\"}],"
        "\"item\":[{\"name\":\"A\",\"request\":{\"method\":\"GET\",\"url\":\"%1\"}},"
        "{\"name\":\"B\",\"request\":{\"method\":\"GET\",\"url\":\"%1\"}}]}")
                                .arg(server.url(QStringLiteral("/x")), server.url(QString()))
                                .toUtf8();
    const QString path = writeFile(dir, QStringLiteral("slow.json"), json);
    MemorySecretStore store;
    const Result<Collection> parsed = PostmanReader::readCollectionFile(path);
    QVERIFY(parsed.ok());
    store.write(CollectionSecrets::keyFor(parsed.value(), QStringLiteral("pat")).value(),
        QStringLiteral("pat-9"), &store, [](const SecretResult &) {});
    QVERIFY(store.waitForPendingWrites(5000));
    store.setDelay(300);
    MainWindow window(&store);
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(findRow(window, QStringLiteral("A")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto *sendingTab = window.requestTabs()->current();
    tree->setCurrentIndex(findRow(window, QStringLiteral("B")));
    // B opens in a tab of its own and is not sending; A's send goes on in A's tab.
    QCOMPARE(window.requestTabs()->count(), 2);
    QCOMPARE(find<QPushButton>(&window, "sendButton")->text(), QStringLiteral("Send"));
    QTRY_COMPARE(server.connections(), 1);
    QTRY_COMPARE(sendingTab->response()->exchange().status, 200);
    QVERIFY(server.requests().at(0).contains("Authorization: Bearer pat-9\r\n"));
    QCOMPARE(window.requestTabs()->current()->response()->exchange().status, 0);
}

void TestMainWindow::everyLabelShowsPlainText()
{
    // A label left on AutoText renders HTML from a response, a file or a server's error.
    MainWindow window;
    const QList<QLabel *> labels = window.findChildren<QLabel *>();
    QVERIFY(labels.size() > 5);
    for (const QLabel *label : labels)
        QVERIFY2(label->textFormat() == Qt::PlainText,
            qPrintable(label->objectName() + QLatin1Char(' ') + label->text() + QLatin1Char(' ')
                + QString::fromLatin1(label->parent()->metaObject()->className())));
}

void TestMainWindow::warningsOfAnExchangeAreVisible()
{
    ResponseView view;
    view.show();
    Exchange exchange;
    exchange.method = "GET";
    exchange.url = QStringLiteral("https://self-signed.example/");
    exchange.status = 200;
    exchange.insecure = true;
    exchange.warnings = { QStringLiteral("Sent with certificate checks off (--insecure)") };
    exchange.body = "<b>bold?</b>";
    exchange.bodySize = exchange.body.size();
    exchange.responseHeaders = { { "Content-Type", "text/html" } };
    view.showExchange(exchange);
    auto *warnings = find<QLabel>(&view, "warningsLabel");
    QVERIFY(warnings->isVisible());
    QVERIFY(warnings->text().contains(QLatin1String("certificate checks off")));
    QCOMPARE(find<BodyTextView>(&view, "responseBodyView")->text(), QStringLiteral("<b>bold?</b>"));

    exchange = {};
    exchange.failure = FailureKind::Tls;
    exchange.error
        = QStringLiteral("TLS certificate problem: The certificate is self-signed, and untrusted");
    exchange.tls.subject = QStringLiteral("CN=self-signed.example");
    exchange.tls.issuer = QStringLiteral("CN=self-signed.example");
    exchange.tls.errors = { QStringLiteral("The certificate is self-signed, and untrusted") };
    view.showExchange(exchange);
    QVERIFY(!warnings->isVisible());
    QVERIFY(find<QLabel>(&view, "statusLabel")
                ->text()
                .startsWith(QLatin1String("Failed: TLS problem")));
    const QString text = ResponseFormatter::failureText(exchange);
    QVERIFY2(text.contains(QLatin1String("issuer: CN=self-signed.example")), qPrintable(text));
}

void TestMainWindow::openingACollectionShowsItsRequests()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("shop.postman_collection.json"),
        collectionJson(QStringLiteral("https://example.com/users")));
    MainWindow window;
    window.show();
    window.openCollection(path);
    QCOMPARE(window.windowTitle(), QStringLiteral("API Playground — Shop API[*]"));
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    QVERIFY(tree->isVisible());
    QVERIFY(!find<QLabel>(&window, "emptyHintLabel")->isVisible());
    QCOMPARE(tree->model()->rowCount(), 2);
    const QModelIndex create = findRow(window, QStringLiteral("Create user"));
    QVERIFY(create.isValid());
    QCOMPARE(create.data(CollectionTreeModel::MethodRole).toString(), QStringLiteral("POST"));
    QCOMPARE(create.parent().data().toString(), QStringLiteral("Users"));
    QCOMPARE(
        findRow(window, QStringLiteral("Health")).data(CollectionTreeModel::MethodRole).toString(),
        QStringLiteral("HEAD"));
}

void TestMainWindow::aBrokenCollectionFileIsNamedInTheBanner()
{
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("broken.json"), "{\n  \"info\": {\n    \"name\": \"x\",,\n");
    MainWindow window;
    window.show();
    window.openCollection(path);
    auto *banner = find<QWidget>(&window, "errorBanner");
    QVERIFY(banner->isVisible());
    const QString text = find<QLabel>(&window, "errorBannerLabel")->text();
    QVERIFY2(text.contains(QLatin1String("broken.json:3:")), qPrintable(text));
    QCOMPARE(window.windowTitle(), QStringLiteral("API Playground"));
}

void TestMainWindow::choosingARequestShowsItsUrl()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("shop.json"),
        collectionJson(QStringLiteral("https://example.com/users?page=2")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    const QModelIndex list = findRow(window, QStringLiteral("List users"));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(list).center());
    QCOMPARE(find<QLineEdit>(&window, "urlLineEdit")->text(),
        QStringLiteral("https://example.com/users?page=2"));
    QCOMPARE(find<QComboBox>(&window, "methodComboBox")->currentText(), QStringLiteral("GET"));
    auto *params = find<QTableWidget>(&window, "paramsTableWidget");
    QCOMPARE(params->item(0, 1)->text(), QStringLiteral("page"));
    QCOMPARE(params->item(0, 2)->text(), QStringLiteral("2"));

    tree->setCurrentIndex(findRow(window, QStringLiteral("Create user")));
    QCOMPARE(find<QLineEdit>(&window, "urlLineEdit")->text(), QStringLiteral("{{baseUrl}}/users"));
    QCOMPARE(find<QPlainTextEdit>(&window, "bodyPlainTextEdit")->toPlainText(),
        QStringLiteral("{\"name\": \"Ada\"}"));
    QVERIFY(!window.isWindowModified());
}

void TestMainWindow::sendShowsStatusAndPrettyJson()
{
    CannedServer server("{\"id\":7,\"tags\":[\"a\",\"b\"],\"zeta\":1,\"alpha\":{}}");
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *method = find<QComboBox>(&window, "methodComboBox");
    method->lineEdit()->selectAll();
    QTest::keyClicks(method->lineEdit(), QStringLiteral("PATCH"));
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    QTest::keyClicks(url, server.url(QStringLiteral("/items/7")));
    auto *headers = find<QTableWidget>(&window, "headersTableWidget");
    headers->item(0, 1)->setText(QStringLiteral("X-Trace"));
    headers->item(0, 2)->setText(QStringLiteral("abc123"));
    QCOMPARE(headers->rowCount(), 2); // a new blank row for the next header

    auto *send = find<QPushButton>(&window, "sendButton");
    QTest::mouseClick(send, Qt::LeftButton);
    auto *status = find<QLabel>(&window, "statusLabel");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("200 OK")), 10000);
    QCOMPARE(send->text(), QStringLiteral("Send"));

    const QString body = find<BodyTextView>(&window, "responseBodyView")->text();
    // Indented, in the order the server sent (zeta before alpha).
    QCOMPARE(body,
        QStringLiteral("{\n  \"id\": 7,\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \"zeta\": "
                       "1,\n  \"alpha\": {}\n}"));
    QVERIFY(find<QLabel>(&window, "responseBodyNoteLabel")->text().contains(QLatin1String("JSON")));
    QVERIFY(find<QLabel>(&window, "timingsLabel")->text().contains(QLatin1String("Total")));
    auto *findEdit = find<QLineEdit>(&window, "responseFindLineEdit");
    QTest::keyClicks(findEdit, QStringLiteral("zeta"));
    QCOMPARE(
        find<BodyTextView>(&window, "responseBodyView")->selectedText(), QStringLiteral("zeta"));
    auto *responseHeaders = find<QTableWidget>(&window, "responseHeadersTableWidget");
    QVERIFY(!responseHeaders->findItems(QStringLiteral("X-Canned"), Qt::MatchExactly).isEmpty());
    QVERIFY(find<QPlainTextEdit>(&window, "requestSentPlainTextEdit")
                ->toPlainText()
                .startsWith(QLatin1String("PATCH http://127.0.0.1")));

    QCOMPARE(server.requests().size(), 1);
    const QByteArray wire = server.requests().first();
    QVERIFY2(wire.startsWith("PATCH /items/7 HTTP/1.1\r\n"), wire.constData());
    QVERIFY2(wire.contains("\r\nX-Trace: abc123\r\n"), wire.constData());
}

void TestMainWindow::paramValuesReachTheServerAsTyped()
{
    // A value with &, =, #, + and a space typed in the Params table is one parameter on the wire.
    CannedServer server("{}");
    MainWindow window;
    window.show();
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    QTest::keyClicks(url, server.url(QStringLiteral("/search?q=x")));
    auto *params = find<QTableWidget>(&window, "paramsTableWidget");
    params->item(0, 2)->setText(QStringLiteral("alice smith&co=1#2+3%"));
    QCOMPARE(url->text(), server.url(QStringLiteral("/search?q=alice%20smith%26co=1%232%2B3%25")));
    QCOMPARE(params->item(0, 2)->text(), QStringLiteral("alice smith&co=1#2+3%"));
    find<QAction>(&window, "sendAction")->trigger();
    QTRY_COMPARE(server.requests().size(), 1);
    const QByteArray wire = server.requests().first();
    QVERIFY2(wire.startsWith("GET /search?q=alice%20smith%26co=1%232%2B3%25 HTTP/1.1\r\n"),
        wire.constData());
    // Typed back into the URL field, the table shows the same value: the round trip is exact.
    url->selectAll();
    QTest::keyClicks(url, server.url(QStringLiteral("/search?q=a%26b")));
    QCOMPARE(params->item(0, 2)->text(), QStringLiteral("a&b"));
    QCOMPARE(url->text(), server.url(QStringLiteral("/search?q=a%26b")));
}

void TestMainWindow::typedUrlQueryShowsInParams()
{
    MainWindow window;
    window.show();
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    QTest::keyClicks(url, QStringLiteral("https://example.com/search?q=cats&limit=5"));
    auto *params = find<QTableWidget>(&window, "paramsTableWidget");
    QCOMPARE(params->rowCount(), 3);
    QCOMPARE(params->item(1, 1)->text(), QStringLiteral("limit"));
    QCOMPARE(params->item(1, 2)->text(), QStringLiteral("5"));
    // Unticking a parameter takes it out of the URL.
    params->item(1, 0)->setCheckState(Qt::Unchecked);
    QCOMPARE(url->text(), QStringLiteral("https://example.com/search?q=cats"));
}

void TestMainWindow::unresolvedVariableShowsBannerAndSendsNothing()
{
    CannedServer server("{}");
    MainWindow window;
    window.show();
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    QTest::keyClicks(url, server.url(QStringLiteral("/me?key={{token}}")));
    QVERIFY(find<QLabel>(&window, "variablesLabel")
                ->text()
                .contains(QStringLiteral("No value: {{token}}")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto *banner = find<QWidget>(&window, "errorBanner");
    QTRY_VERIFY(banner->isVisible()); // after the keychain was asked for the request's secrets
    const QString text = find<QLabel>(&window, "errorBannerLabel")->text();
    QVERIFY2(text.contains(QLatin1String("Unresolved variables: token")), qPrintable(text));
    QCOMPARE(find<QPushButton>(&window, "sendButton")->text(), QStringLiteral("Send"));
    // The send session has finished (the banner says why): had it sent, it would be connected.
    QCOMPARE(server.connections(), 0);
    // Once the cause is fixed the stale banner goes.
    url->selectAll();
    QTest::keyClicks(url, server.url(QStringLiteral("/me?key=fixed")));
    QVERIFY(!banner->isVisible());
    QTest::keyClicks(url, QStringLiteral("&again={{token}}"));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_VERIFY(banner->isVisible());
    // The message is about that request: a new one starts without it.
    find<QAction>(&window, "newScratchAction")->trigger();
    QVERIFY(!banner->isVisible());
}

void TestMainWindow::refusedConnectionShowsBanner()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    MainWindow window;
    window.show();
    QTest::keyClicks(
        find<QLineEdit>(&window, "urlLineEdit"), QStringLiteral("http://127.0.0.1:%1/").arg(port));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto *banner = find<QWidget>(&window, "errorBanner");
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    const QString text = find<QLabel>(&window, "errorBannerLabel")->text();
    QVERIFY2(text.contains(QLatin1String("Connection failed")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("refused"), Qt::CaseInsensitive), qPrintable(text));
    QVERIFY(find<QLabel>(&window, "statusLabel")->text().startsWith(QLatin1String("Failed")));
}

void TestMainWindow::editAndSaveWritesTheFile()
{
    QTemporaryDir dir;
    MainWindow window;
    const QString path = openShop(window, dir);
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    url->end(false);
    QTest::keyClicks(url, QStringLiteral("?active=true"));
    auto *method = find<QComboBox>(&window, "methodComboBox");
    method->setCurrentText(QStringLiteral("DELETE"));
    QVERIFY(window.isWindowModified());

    find<QAction>(&window, "saveAction")->trigger();
    QVERIFY(!window.isWindowModified());
    QVERIFY(!find<QWidget>(&window, "errorBanner")->isVisible());

    const Result<Collection> reread = PostmanReader::readCollectionFile(path);
    QVERIFY2(reread.ok(), qPrintable(reread.error()));
    const CollectionItem &saved = reread->items.at(0).children.at(0);
    QCOMPARE(saved.name, QStringLiteral("List users"));
    QCOMPARE(saved.request.method, QStringLiteral("DELETE"));
    QCOMPARE(saved.request.url.raw(), QStringLiteral("https://example.com/users?active=true"));
    // The untouched request is still as it was.
    QCOMPARE(
        reread->items.at(0).children.at(1).request.body.raw, QStringLiteral("{\"name\": \"Ada\"}"));
}

void TestMainWindow::typingKeepsCredentialsAddedMeanwhile()
{
    // Reproduced data loss: credentials added to the request open in the editor, then a URL
    // typed: the request's auth was wiped by the editor's stale copy and Save dropped it.
    QTemporaryDir dir;
    MainWindow window;
    const QString path = openShop(window, dir);

    find<QAction>(&window, "credentialsAction")->trigger(); // View › Credentials
    CredentialProfileModel *profiles = window.findChild<CredentialsPanel *>()->model();
    QVERIFY(profiles->addProfile(CredentialProfile::personalAccessToken(QStringLiteral("pat"),
                                     QUrl(QStringLiteral("https://example.com"))),
                { 0, 0 })
        >= 0);
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    url->end(false);
    QTest::keyClicks(url, QStringLiteral("?page=2"));
    QCOMPARE(profiles->rowCount(), 1);

    find<QAction>(&window, "saveAction")->trigger();
    const Result<Collection> reread = PostmanReader::readCollectionFile(path);
    QVERIFY2(reread.ok(), qPrintable(reread.error()));
    const CollectionItem &saved = reread->items.at(0).children.at(0);
    QCOMPARE(saved.request.url.raw(), QStringLiteral("https://example.com/users?page=2"));
    QVERIFY2(saved.request.auth.has_value(), "the request's credentials were lost");
    QCOMPARE(saved.request.auth->type, QStringLiteral("bearer"));
}

void TestMainWindow::undoAndRedoEdits()
{
    QTemporaryDir dir;
    MainWindow window;
    const QString path = openShop(window, dir);
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    url->end(false);
    QTest::keyClicks(url, QStringLiteral("?page=2"));
    QVERIFY(window.isWindowModified());

    // Typing is one step: Ctrl+Z brings the URL back and the window is unmodified again.
    QVERIFY(find<QAction>(&window, "undoAction")->isEnabled());
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keySequence(url, QKeySequence::Undo);
    QCOMPARE(url->text(), QStringLiteral("https://example.com/users"));
    QVERIFY(!window.isWindowModified());
    QTest::keySequence(url, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    QCOMPARE(url->text(), QStringLiteral("https://example.com/users?page=2"));
    QVERIFY(window.isWindowModified());

    // Credentials added in the panel are an edit too.
    find<QAction>(&window, "credentialsAction")->trigger(); // View › Credentials
    CredentialProfileModel *profiles = window.findChild<CredentialsPanel *>()->model();
    profiles->addProfile(CredentialProfile::personalAccessToken(QStringLiteral("pat")), { 0, 0 });
    QCOMPARE(profiles->rowCount(), 1);
    QTest::keySequence(url, QKeySequence::Undo);
    QCOMPARE(profiles->rowCount(), 0);
    QCOMPARE(url->text(), QStringLiteral("https://example.com/users?page=2"));
}

void TestMainWindow::bundledTokenRequestSaysWhereToSetItsValues()
{
    // The bundled collection, pointed at the loopback Digishare fixture.
    Test::TestServer api;
    QVERIFY(api.start());
    QFile bundled(QString::fromUtf8(qgetenv("PLAYGROUND_SOURCE_DIR"))
        + QStringLiteral("/resources/digishare.postman_collection.json"));
    QVERIFY(bundled.open(QIODevice::ReadOnly));
    QByteArray json = bundled.readAll();
    json.replace("https://api.digishare.ma/v1", (api.baseUrl() + QStringLiteral("/v1")).toUtf8());
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("digishare.json"), json);
    MemorySecretStore store;
    MainWindow window(&store);
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(
        findRow(window, QStringLiteral("Request token (OAuth 2.0 client credentials)")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto *banner = find<QLabel>(&window, "errorBannerLabel");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("clientId"))
            && banner->text().contains(QStringLiteral("View › Variables")),
        qPrintable(banner->text()));
    QCOMPARE(api.count("/v1/oauth/token"), 0);

    // The variables panel opened where the values go: the id typed, the secret to the keychain.
    auto *variables = find<QTableWidget>(&window, "collectionVariablesTableWidget");
    QVERIFY(variables->isVisible());
    const auto rowOf = [variables](const QString &name) {
        for (int r = 0; r < variables->rowCount(); ++r)
            if (variables->item(r, 1)->text() == name)
                return r;
        return -1;
    };
    variables->item(rowOf("clientId"), 0)->setCheckState(Qt::Checked);
    variables->item(rowOf("clientId"), 2)->setText(QStringLiteral("test-client-id"));
    variables->item(rowOf("clientSecret"), 2)->setText(QStringLiteral("test-client-secret"));
    QTRY_VERIFY(!store.persistentValues().isEmpty());
    QVERIFY(variables->item(rowOf("clientSecret"), 2)->text().isEmpty()); // not kept on screen

    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(api.count("/v1/oauth/token"), 1);
    const QByteArray body = api.requests().constLast().body;
    QVERIFY2(body.contains("\"client_id\": \"test-client-id\""), body.constData());
    QVERIFY(body.contains("test-client-secret"));
    QTRY_VERIFY(find<QLabel>(&window, "statusLabel")->text().contains(QLatin1String("200")));

    // Saved, the file holds the id but never the secret.
    QSignalSpy saved(&window, &MainWindow::collectionSaved);
    find<QAction>(&window, "saveAction")->trigger();
    QVERIFY(saved.count() == 1 || saved.wait(5000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.contains("test-client-id"));
    QVERIFY(!written.contains("test-client-secret"));
}

void TestMainWindow::historyReopensAndSendsAgain()
{
    CannedServer server("{\"ok\":true}");
    MainWindow window;
    window.show();
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    const QString sent = server.url(
        QStringLiteral("/history-probe?n=%1").arg(QRandomGenerator::global()->generate()));
    QTest::keyClicks(url, sent);
    find<QAction>(&window, "sendAction")->trigger();
    QTRY_COMPARE(server.requests().size(), 1);
    QTRY_COMPARE(find<QPushButton>(&window, "sendButton")->text(), QStringLiteral("Send"));

    // The send is in the History tab, newest first; opening it brings the request back.
    auto *tabs = find<QTabWidget>(&window, "sidebarTabWidget");
    tabs->setCurrentIndex(1);
    auto *history = window.findChild<HistoryPanel *>();
    QVERIFY(history->currentEntry() != 0 || history->model()->rowCount() > 0);
    auto *tree = find<QTreeView>(&window, "historyTreeView");
    const QModelIndex day = tree->model()->index(0, 0);
    const QModelIndex newest = tree->model()->index(0, 0, day);
    QVERIFY2(newest.data().toString().contains(QStringLiteral("history-probe")),
        qPrintable(newest.data().toString()));
    tree->setCurrentIndex(newest);
    url->clear();
    QTest::mouseClick(find<QPushButton>(&window, "historyOpenButton"), Qt::LeftButton);
    QCOMPARE(url->text(), sent);
    QTest::mouseClick(find<QPushButton>(&window, "historySendAgainButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(0), server.requests().at(1));
}

void TestMainWindow::typedUrlCanBeClearedWithItsButton()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    QTest::keyClicks(url, QStringLiteral("https://example.com/a"));
    // The field's clear button (made when the field first held text) shows and empties it.
    QToolButton *clear = nullptr;
    for (QToolButton *button : url->findChildren<QToolButton *>()) {
        if (button->isVisible())
            clear = button;
    }
    QVERIFY(clear);
    QCOMPARE(clear->property("opacity").toReal(), 1.0); // faded in, not still transparent
    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_VERIFY(url->text().isEmpty());
}

void TestMainWindow::pastSendsAreListedOnceTheWindowIsUp()
{
    // A send of an earlier session, in the history the window opens after its first screen.
    const QString url = QStringLiteral("https://past.test/session-%1")
                            .arg(QRandomGenerator::global()->generate());
    {
        HistoryStore earlier;
        QVERIFY(earlier.open());
        RequestSpec request;
        request.method = QStringLiteral("GET");
        request.url = UrlSpec::fromRaw(url);
        Exchange exchange;
        exchange.method = "GET";
        exchange.url = url;
        exchange.status = 200;
        QVERIFY(earlier.record(request, exchange, {}));
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    find<QTabWidget>(&window, "sidebarTabWidget")->setCurrentIndex(1);
    auto *tree = find<QTreeView>(&window, "historyTreeView");
    QTRY_VERIFY(tree->model()->rowCount() > 0);
    const QModelIndex newest = tree->model()->index(0, 0, tree->model()->index(0, 0));
    QVERIFY2(newest.data().toString().contains(url), qPrintable(newest.data().toString()));
}

void TestMainWindow::pastedCurlBecomesTheRequest()
{
    // Support staff paste a customer's command: it becomes the request, not an "Invalid URL".
    CannedServer server("{}");
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    url->setFocus();
    QGuiApplication::clipboard()->setText(QStringLiteral("curl -k -X PATCH '%1' \\\n"
                                                         "  -H 'X-Trace: t-1' \\\n"
                                                         "  --data-raw '{\"a\": \"b & c\"}'")
                                              .arg(server.url(QStringLiteral("/items/7"))));
    QTest::keySequence(url, QKeySequence::Paste);
    QCOMPARE(url->text(), server.url(QStringLiteral("/items/7")));
    QCOMPARE(find<QComboBox>(&window, "methodComboBox")->currentText(), QStringLiteral("PATCH"));
    const QString banner = find<QLabel>(&window, "errorBannerLabel")->text();
    QVERIFY2(banner.contains(QLatin1String("-k")) || banner.contains(QLatin1String("TLS")),
        qPrintable(banner));
    find<QAction>(&window, "sendAction")->trigger();
    QTRY_COMPARE(server.requests().size(), 1);
    const QByteArray wire = server.requests().first();
    QVERIFY2(wire.startsWith("PATCH /items/7 HTTP/1.1\r\n"), wire.constData());
    QVERIFY(wire.contains("\r\nX-Trace: t-1\r\n"));
    QVERIFY(wire.endsWith("{\"a\": \"b & c\"}"));
}

void TestMainWindow::helpListsShortcutsAndVersion()
{
    MainWindow window;
    auto *help = window.findChild<QMenu *>(QStringLiteral("helpMenu"));
    QVERIFY(help);
    QVERIFY(window.menuBar()->actions().contains(help->menuAction()));
    const QString shortcuts = HelpMenu::shortcutsText(&window);
    for (const char *line : { "Ctrl+Return\tSend", "Ctrl+Z\tUndo", "Ctrl+Shift+V\tVariables",
             "Ctrl+Shift+K\tCredentials", "Ctrl+S\tSave", "Ctrl+T\tNew tab", "Ctrl+W\tClose tab",
             "Ctrl+Tab\tNext tab" })
        QVERIFY2(shortcuts.contains(QLatin1String(line)), qPrintable(shortcuts));
    QVERIFY(HelpMenu::versionText().contains(QLatin1String(PLAYGROUND_VERSION)));
}

void TestMainWindow::tlsChecksOffForOneRequest()
{
    // A development server with a self-signed certificate: not a dead end, and never silent.
    Test::TestServer dev;
    QVERIFY(dev.start(Test::TestServer::Mode::Tls));
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("dev.json"), collectionJson(dev.baseUrl() + QStringLiteral("/echo")));
    MainWindow window;
    window.setDiscardConfirmer([](const QString &) { return true; });
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(findRow(window, QStringLiteral("List users")));
    auto *verify = find<QAction>(&window, "verifyTlsAction");
    QVERIFY(verify->isChecked());
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto *banner = find<QLabel>(&window, "errorBannerLabel");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("Verify TLS certificates")),
        qPrintable(banner->text()));

    verify->trigger(); // off, for this request only
    QVERIFY(!verify->isChecked());
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_VERIFY(find<QLabel>(&window, "statusLabel")->text().contains(QLatin1String("200")));
    QVERIFY(find<QLabel>(&window, "warningsLabel")->text().contains(QLatin1String("certificate")));

    // Saved as Postman keeps it; another request still checks; undo turns checks back on.
    find<QAction>(&window, "saveAction")->trigger();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\"strictSSL\": false"));
    tree->setCurrentIndex(findRow(window, QStringLiteral("Create user")));
    QVERIFY(verify->isChecked());
    tree->setCurrentIndex(findRow(window, QStringLiteral("List users")));
    QVERIFY(!verify->isChecked());
    find<QAction>(&window, "undoAction")->trigger();
    QVERIFY(verify->isChecked());
}

void TestMainWindow::environmentGivesTheValues()
{
    // An environment file (the usual Postman layout) gives team and points baseUrl at a local
    // server, above the collection's own baseUrl: choose it, send.
    CannedServer server("{}");
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("c.json"),
        collectionJson(QStringLiteral("{{baseUrl}}/users?team={{team}}")));
    const QString env = writeFile(dir, QStringLiteral("local.postman_environment.json"),
        QStringLiteral(R"({"name":"Local","values":[{"key":"baseUrl","value":"%1","enabled":true},)"
                       R"({"key":"team","value":"blue","enabled":true}]})")
            .arg(server.url(QString()))
            .toUtf8());
    MainWindow window;
    window.show();
    window.openCollection(path);
    find<QTreeView>(&window, "collectionTreeView")
        ->setCurrentIndex(findRow(window, QStringLiteral("List users")));
    QVERIFY(find<QLabel>(&window, "variablesLabel")->text().contains(QLatin1String("{{team}}")));

    window.openEnvironment(env);
    auto *combo = find<QComboBox>(&window, "environmentComboBox");
    QCOMPARE(combo->currentText(), QStringLiteral("Local"));
    QVERIFY(!find<QLabel>(&window, "variablesLabel")->isVisible()); // nothing missing now
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 1);
    QVERIFY2(server.requests().first().startsWith("GET /users?team=blue "),
        server.requests().first().constData());

    // "No environment" again: the values are gone, the send says where to give them.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentIndex(), 0);
    QVERIFY(find<QLabel>(&window, "variablesLabel")->text().contains(QLatin1String("{{team}}")));
    // A broken file is named and nothing changes.
    const QString broken = writeFile(dir, QStringLiteral("broken.json"), "{\"values\": [");
    window.openEnvironment(broken);
    QVERIFY(find<QLabel>(&window, "errorBannerLabel")->text().contains(broken));
    QCOMPARE(combo->count(), 2);
}

void TestMainWindow::newFromTemplateIsAnUnsavedCopy()
{
    MainWindow window;
    window.setDiscardConfirmer([](const QString &) { return true; });
    window.show();
    find<QAction>(&window, "newFromTemplateAction")->trigger();
    QVERIFY(find<QLabel>(&window, "errorBannerLabel")->text().isEmpty());
    QVERIFY(
        findRow(window, QStringLiteral("Request token (OAuth 2.0 client credentials)")).isValid());
    QVERIFY(findRow(window, QStringLiteral("List campaigns (Personal Access Token)")).isValid());
    QVERIFY(window.collectionPath().isEmpty()); // Save asks where
    QVERIFY(window.isWindowModified());
    // Saved, it is a collection of its own: not the bundled one's id (its secrets are its own).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mine.postman_collection.json"));
    QVERIFY(window.saveCollectionAs(path));
    const Result<Collection> saved = PostmanReader::readCollectionFile(path);
    QVERIFY(saved.ok());
    QCOMPARE(saved->name, QStringLiteral("Digishare API"));
    QVERIFY(!saved->postmanId.isEmpty());
    QVERIFY(saved->postmanId != QStringLiteral("0d3f4a52-7c1e-4b8e-9a53-d1a15ba4e000"));
}

void TestMainWindow::aLargeBodyIsShownWhole()
{
    QByteArray big = "[";
    for (int i = 0; i < 60000; ++i)
        big += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"item number "
            + QByteArray::number(i) + "\"},";
    big.chop(1);
    big += "]";
    QVERIFY(big.size() > 2 * 1024 * 1024);
    CannedServer server(big);
    MainWindow window;
    window.show();
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), server.url(QStringLiteral("/big")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto *view = find<ResponseView>(&window, "responseView");
    QSignalSpy ready(view, &ResponseView::bodyReady);
    QVERIFY(ready.wait(30000));
    auto *note = find<QLabel>(&window, "responseBodyNoteLabel");
    QVERIFY2(note->text().contains(QLatin1String("JSON, formatted")), qPrintable(note->text()));
    auto *body = find<BodyTextView>(&window, "responseBodyView");
    QVERIFY(body->text(200).startsWith(QLatin1String("[\n  {\n    \"id\": 0,\n")));
    // The whole of it: 4 lines per item, brackets around.
    QCOMPARE(body->lineCount(), 60000 * 4 + 2);
    QCOMPARE(body->source()->lineText(body->lineCount() - 3),
        QStringLiteral("    \"name\": \"item number 59999\""));
    QVERIFY(find<QPushButton>(&window, "saveBodyButton")->isVisible());
}

void TestMainWindow::ctrlEnterSendsEvenFromTheBodyEditor()
{
    CannedServer server("{}");
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClicks(
        find<QLineEdit>(&window, "urlLineEdit"), server.url(QStringLiteral("/things")));
    auto *method = find<QComboBox>(&window, "methodComboBox");
    method->setCurrentText(QStringLiteral("POST"));
    auto *body = find<QPlainTextEdit>(&window, "bodyPlainTextEdit");
    body->setFocus();
    QTest::keyClicks(body, QStringLiteral("{\"a\": 1}"));
    QCOMPARE(find<QComboBox>(&window, "bodyModeComboBox")->currentText(), QStringLiteral("Raw"));
    QCOMPARE(
        find<QComboBox>(&window, "rawLanguageComboBox")->currentText(), QStringLiteral("JSON"));
    QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 10000);
    const QByteArray wire = server.requests().first();
    QVERIFY2(wire.startsWith("POST /things "), wire.constData());
    QVERIFY2(wire.contains("Content-Type: application/json"), wire.constData());
    QVERIFY2(wire.endsWith("\r\n\r\n{\"a\": 1}"), wire.constData());
    QCOMPARE(body->toPlainText(), QStringLiteral("{\"a\": 1}")); // the shortcut typed no newline
}

void TestMainWindow::sendBecomesCancelWhileInFlight()
{
    QTcpServer silent; // accepts and never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    MainWindow window;
    window.show();
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"),
        QStringLiteral("http://127.0.0.1:%1/slow").arg(silent.serverPort()));
    auto *send = find<QPushButton>(&window, "sendButton");
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(send->text(), QStringLiteral("Cancel"));
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 10000);
    QTest::mouseClick(send, Qt::LeftButton);
    auto *status = find<QLabel>(&window, "statusLabel");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Cancelled")), 10000);
    QCOMPARE(send->text(), QStringLiteral("Send"));
    QVERIFY(!find<QWidget>(&window, "errorBanner")->isVisible()); // a cancel is not an error
}

void TestMainWindow::eachRequestKeepsItsLastResponse()
{
    CannedServer server("{\"ok\":true}");
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, QStringLiteral("shop.json"), collectionJson(server.url(QStringLiteral("/users"))));
    MainWindow window;
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(findRow(window, QStringLiteral("List users")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    auto *status = find<QLabel>(&window, "statusLabel");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("200")), 10000);
    tree->setCurrentIndex(findRow(window, QStringLiteral("Health")));
    QCOMPARE(find<QLabel>(&window, "statusLabel")->text(), QStringLiteral("No response yet"));
    tree->setCurrentIndex(findRow(window, QStringLiteral("List users")));
    QVERIFY(find<QLabel>(&window, "statusLabel")->text().startsWith(QLatin1String("200")));
    QVERIFY(find<BodyTextView>(&window, "responseBodyView")
                ->text()
                .contains(QLatin1String("\"ok\": true")));
}

void TestMainWindow::scratchRequestsNeverTakeTheCollectionsCredentials()
{
    CannedServer server("{}");
    QTemporaryDir dir;
    QByteArray json = collectionJson(server.url(QStringLiteral("/users")));
    json.replace("\"item\": [",
        "\"auth\": { \"type\": \"bearer\", \"bearer\": [ { \"key\": \"token\", \"value\": "
        "\"s3cret-token\" } ] },\n  \"item\": [");
    // The token is bound to the collection's base URL: make that the server's origin.
    json.replace("http://127.0.0.1:1", server.url(QString()).toUtf8());
    const QString path = writeFile(dir, QStringLiteral("auth.json"), json);
    MainWindow window;
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    QVERIFY(findRow(window, QStringLiteral("List users")).isValid());

    // A request of the collection carries its bearer token...
    tree->setCurrentIndex(findRow(window, QStringLiteral("List users")));
    QVERIFY(find<QLabel>(&window, "authLabel")->text().contains(QLatin1String("Bearer")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 1, 10000);
    QVERIFY(server.requests().at(0).contains("Authorization: Bearer s3cret-token"));
    QTRY_VERIFY_WITH_TIMEOUT(
        find<QLabel>(&window, "statusLabel")->text().startsWith(QLatin1String("200")), 10000);
    QVERIFY(!find<QPlainTextEdit>(&window, "requestSentPlainTextEdit")
                 ->toPlainText()
                 .contains(QLatin1String("s3cret")));

    // ...a scratch request typed while the collection is open does not.
    find<QAction>(&window, "newScratchAction")->trigger();
    QTest::keyClicks(
        find<QLineEdit>(&window, "urlLineEdit"), server.url(QStringLiteral("/elsewhere")));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 2, 10000);
    QVERIFY2(
        !server.requests().at(1).contains("Authorization"), server.requests().at(1).constData());
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
