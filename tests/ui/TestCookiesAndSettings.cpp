// Cookies and a request's own settings in the window, driven like a user: a cookie a server sets
// comes back on the next send and shows in the response and the cookie manager; the Settings tab
// changes what goes on the wire and what the Postman file says; certificate checks turned off on
// one request never let another request's strict send through.
#include "app/formats/PostmanReader.h"
#include "app/http/CookieJar.h"
#include "app/model/RequestSettings.h"
#include "app/secrets/MemorySecretStore.h"
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/ExportActions.h"
#include "ui/MainWindow.h"
#include "ui/ResponseView.h"
#include "ui/Theme.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <sys/stat.h>

using namespace Playground;

namespace {

/** The file's permission bits as the system keeps them (0600: read and write for the owner). */
int modeBits(const QString &path)
{
    struct stat info { };
    return stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

} // namespace
using Test::find;
using Test::TestServer;

namespace {

QByteArray collectionJson(const QString &first, const QString &second)
{
    const auto request = [](const QString &name, const QString &url) {
        return QJsonObject { { QStringLiteral("name"), name },
            { QStringLiteral("request"),
                QJsonObject { { QStringLiteral("method"), QStringLiteral("GET") },
                    { QStringLiteral("url"), url } } } };
    };
    const QJsonObject root {
        { QStringLiteral("info"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("Dev server") },
                { QStringLiteral("schema"),
                    QStringLiteral("https://schema.getpostman.com/json/"
                                   "collection/v2.1.0/collection.json") } } },
        { QStringLiteral("item"),
            QJsonArray {
                request(QStringLiteral("Lax"), first), request(QStringLiteral("Strict"), second) } }
    };
    return QJsonDocument(root).toJson();
}

} // namespace

class TestCookiesAndSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void aSetCookieComesBackAndIsShown();
    void twoWindowsShareCookiesAndHistory();
    void anEchoedCookieIsMaskedInTheHar();
    void theManagerDeletesAndClears();
    void tlsOffOnOneRequestDoesNotReachAnother();
    void settingsGoToTheFileAndUndo();
    void redirectsOffShowsTheRedirect();
    void aTimeoutSaysSo();
    void theNewPartsFollowTheDarkTheme();

private:
    void type(MainWindow &window, const QString &url);
    void sendAndWait(MainWindow &window);
    QModelIndex row(MainWindow &window, const QString &name);
    QString openCollection(MainWindow &window, const QString &first, const QString &second);

    QTemporaryDir m_home;
    MemorySecretStore m_store;
};

void TestCookiesAndSettings::initTestCase()
{
    // The cookies file lives under the app data folder: this test's own, not the user's.
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("share"))));
    QStandardPaths::setTestModeEnabled(true);
}

void TestCookiesAndSettings::init()
{
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/cookies.json"));
}

void TestCookiesAndSettings::type(MainWindow &window, const QString &url)
{
    auto *edit = find<QLineEdit>(&window, "urlLineEdit");
    edit->selectAll();
    QTest::keyClicks(edit, url);
}

void TestCookiesAndSettings::sendAndWait(MainWindow &window)
{
    // Back to "no response" first, so the wait below sees this send's answer, not the last one.
    find<ResponseView>(&window, "responseView")->clear();
    auto *status = find<QLabel>(&window, "statusLabel");
    const QString none = status->text();
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text() != none
            && !status->text().startsWith(QStringLiteral("Sending"))
            && !status->text().startsWith(QStringLiteral("Receiving")),
        10000);
}

QModelIndex TestCookiesAndSettings::row(MainWindow &window, const QString &name)
{
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
        name, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

QString TestCookiesAndSettings::openCollection(
    MainWindow &window, const QString &first, const QString &second)
{
    static QTemporaryDir dir;
    const QString path = Test::writeFile(
        dir, QStringLiteral("dev.postman_collection.json"), collectionJson(first, second));
    window.setDiscardConfirmer([](const QString &) { return true; });
    window.openCollection(path);
    return path;
}

void TestCookiesAndSettings::aSetCookieComesBackAndIsShown()
{
    TestServer server;
    QVERIFY(server.start());
    MainWindow window(&m_store);
    window.show();
    type(window, server.baseUrl() + "/cookies/set?session=abc123");
    sendAndWait(window);
    QVERIFY(!server.requests().constLast().hasHeader("Cookie"));

    // The response's Cookies tab lists what it set.
    auto *tabs = find<QTabWidget>(&window, "responseTabWidget");
    auto *table = find<QTableView>(&window, "responseCookiesTableView");
    QCOMPARE(tabs->tabText(tabs->indexOf(table)), QStringLiteral("Cookies (1)"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("session"));
    QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("abc123"));
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(table->model()->index(0, 3).data().toString(), QStringLiteral("/"));

    // The next send carries it, byte for byte.
    type(window, server.baseUrl() + "/cookies");
    sendAndWait(window);
    QVERIFY2(server.requests().constLast().raw.contains("\r\nCookie: session=abc123\r\n"),
        server.requests().constLast().raw.constData());
    QCOMPARE(table->model()->rowCount(), 0); // this response set none

    // Kept on disk for the user only, not in any collection.
    const QString file = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/cookies.json");
    QVERIFY(QFile::exists(file));
    QCOMPARE(modeBits(file), 0600);

    // The manager lists the jar.
    window.findChild<QAction *>(QStringLiteral("cookiesAction"))->trigger();
    auto *dialog = window.findChild<QDialog *>(QStringLiteral("cookieManagerDialog"));
    QVERIFY(dialog && dialog->isVisible());
    auto *jarTable = find<QTableView>(dialog, "cookieManagerTableView");
    QCOMPARE(jarTable->model()->rowCount(), 1);
    QCOMPARE(jarTable->model()->index(0, 1).data().toString(), QStringLiteral("abc123"));
    dialog->close();
}

void TestCookiesAndSettings::twoWindowsShareCookiesAndHistory()
{
    // A cookie set through one window is sent by the other, and each window's History lists the
    // other's sends: one cookie store and one history for the process, never two writing the
    // same files over each other.
    TestServer server;
    QVERIFY(server.start());
    MainWindow first(&m_store);
    first.show();
    QPointer<MainWindow> second = first.newWindow();
    QVERIFY(second && second->isVisible());
    type(*second, server.baseUrl() + "/cookies/set?shared=yes");
    sendAndWait(*second);
    type(first, server.baseUrl() + "/cookies");
    sendAndWait(first);
    QVERIFY2(server.requests().constLast().raw.contains("\r\nCookie: shared=yes\r\n"),
        server.requests().constLast().raw.constData());
    auto *history = find<QTreeView>(&first, "historyTreeView");
    QVERIFY(history);
    QTRY_VERIFY(history->model()
                    ->match(history->model()->index(0, 0), Qt::DisplayRole,
                        QStringLiteral("/cookies/set"), 1, Qt::MatchContains | Qt::MatchRecursive)
                    .size()
        == 1);
    second->close();
    QTRY_VERIFY(second.isNull());
}

void TestCookiesAndSettings::anEchoedCookieIsMaskedInTheHar()
{
    // The jar's session cookie goes out, the server echoes the request: a HAR of that exchange
    // never holds the cookie's value (in the Cookie header or the echoed body).
    TestServer server;
    QVERIFY(server.start());
    MainWindow window(&m_store);
    window.show();
    type(window, server.baseUrl() + "/cookies/set?sid=jar-cookie-4711");
    sendAndWait(window);
    type(window, server.baseUrl() + "/echo/me");
    sendAndWait(window);
    QVERIFY(server.requests().constLast().raw.contains("Cookie: sid=jar-cookie-4711"));
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("echo.har"));
    auto *exports = window.findChild<ExportActions *>();
    QVERIFY(exports);
    exports->setFileChooser([&](const QString &) { return target; });
    window.findChild<QAction *>(QStringLiteral("saveHarAction"))->trigger();
    QFile har(target);
    QVERIFY(har.open(QIODevice::ReadOnly));
    const QByteArray bytes = har.readAll();
    QVERIFY2(bytes.contains("/echo/me"), bytes.constData());
    QVERIFY2(!bytes.contains("jar-cookie-4711"), bytes.constData());
}

void TestCookiesAndSettings::theManagerDeletesAndClears()
{
    TestServer server;
    QVERIFY(server.start());
    MainWindow window(&m_store);
    window.show();
    type(window, server.baseUrl() + "/cookies/set?a=1&b=2&c=3");
    sendAndWait(window);

    window.findChild<QAction *>(QStringLiteral("cookiesAction"))->trigger();
    auto *dialog = window.findChild<QDialog *>(QStringLiteral("cookieManagerDialog"));
    QVERIFY(dialog);
    auto *table = find<QTableView>(dialog, "cookieManagerTableView");
    QCOMPARE(table->model()->rowCount(), 3);
    auto *remove = find<QPushButton>(dialog, "deleteCookieButton");
    QVERIFY(!remove->isEnabled()); // nothing chosen yet
    const QModelIndexList b = table->model()->match(
        table->model()->index(0, 0), Qt::DisplayRole, QStringLiteral("b"), 1, Qt::MatchExactly);
    QCOMPARE(b.size(), 1);
    table->selectRow(b.first().row());
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 2);

    type(window, server.baseUrl() + "/cookies");
    sendAndWait(window);
    QCOMPARE(server.requests().constLast().header("Cookie"), QByteArray("a=1; c=3"));

    QTest::mouseClick(find<QPushButton>(dialog, "clearCookiesButton"), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(find<QLabel>(dialog, "cookieSummaryLabel")
                ->text()
                .startsWith(QStringLiteral("No cookies")));
    sendAndWait(window);
    QVERIFY(!server.requests().constLast().hasHeader("Cookie"));
    dialog->close();
}

void TestCookiesAndSettings::tlsOffOnOneRequestDoesNotReachAnother()
{
    TestServer server;
    QVERIFY(server.start(TestServer::Mode::Tls));
    MainWindow window(&m_store);
    window.show();
    openCollection(window, server.baseUrl() + "/echo", server.baseUrl() + "/echo");
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    auto *status = find<QLabel>(&window, "statusLabel");
    auto *requestTabs = find<QTabWidget>(&window, "requestTabWidget");
    auto *settings = find<QWidget>(&window, "requestSettingsEditor");

    // "Lax": checks off in its Settings tab; the tab warns whichever tab is open.
    tree->setCurrentIndex(row(window, QStringLiteral("Lax")));
    auto *verify = find<QCheckBox>(&window, "verifyTlsCheckBox");
    QVERIFY(verify->isChecked());
    verify->click();
    QVERIFY(requestTabs->tabText(requestTabs->indexOf(settings))
                .contains(QStringLiteral("TLS checks off")));
    QVERIFY(find<QLabel>(&window, "tlsWarningLabel")->isVisibleTo(settings));
    sendAndWait(window);
    QVERIFY2(status->text().startsWith(QStringLiteral("200")), qPrintable(status->text()));
    QVERIFY(find<QLabel>(&window, "warningsLabel")
                ->text()
                .contains(QStringLiteral("certificate checks off")));
    QCOMPARE(server.requests().size(), 1);

    // "Strict", same host, right after: refused on the certificate, nothing reaches the server.
    // It opens in a tab of its own, with its own editor.
    tree->setCurrentIndex(row(window, QStringLiteral("Strict")));
    verify = find<QCheckBox>(&window, "verifyTlsCheckBox");
    requestTabs = find<QTabWidget>(&window, "requestTabWidget");
    settings = find<QWidget>(&window, "requestSettingsEditor");
    QVERIFY(verify->isChecked());
    QCOMPARE(requestTabs->tabText(requestTabs->indexOf(settings)), QStringLiteral("Settings"));
    sendAndWait(window);
    QVERIFY2(find<QLabel>(&window, "errorBannerLabel")
                 ->text()
                 .contains(QStringLiteral("TLS certificate problem")),
        qPrintable(find<QLabel>(&window, "errorBannerLabel")->text()));
    QCOMPARE(server.requests().size(), 1);

    // And back to "Lax": still off there.
    tree->setCurrentIndex(row(window, QStringLiteral("Lax")));
    QVERIFY(!find<QCheckBox>(&window, "verifyTlsCheckBox")->isChecked());
}

void TestCookiesAndSettings::settingsGoToTheFileAndUndo()
{
    MainWindow window(&m_store);
    window.show();
    const QString path = openCollection(
        window, QStringLiteral("https://example.com/a"), QStringLiteral("https://example.com/b"));
    find<QTreeView>(&window, "collectionTreeView")
        ->setCurrentIndex(row(window, QStringLiteral("Strict")));
    find<QCheckBox>(&window, "followRedirectsCheckBox")->click();
    auto *timeout = find<QSpinBox>(&window, "timeoutSpinBox");
    timeout->setValue(1500);
    auto *proxy = find<QLineEdit>(&window, "proxyLineEdit");
    QTest::keyClicks(proxy, QStringLiteral("http://127.0.0.1:3128"));
    QVERIFY(window.saveCollection());

    Result<Collection> saved = PostmanReader::readCollectionFile(path);
    QVERIFY2(saved, qPrintable(saved.error()));
    RequestSettings expected;
    expected.followRedirects = false;
    expected.timeoutMs = 1500;
    expected.proxy = QStringLiteral("http://127.0.0.1:3128");
    QCOMPARE(RequestSettings::of(saved->items.at(1)), expected);
    QCOMPARE(
        RequestSettings::of(saved->items.at(0)), RequestSettings {}); // the other one untouched
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\"followRedirects\": false"));

    // Undo: the proxy typed (one step), the timeout, the redirects.
    QAction *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    undo->trigger();
    QCOMPARE(proxy->text(), QString());
    undo->trigger();
    QCOMPARE(timeout->value(), 0);
    undo->trigger();
    QVERIFY(find<QCheckBox>(&window, "followRedirectsCheckBox")->isChecked());
}

void TestCookiesAndSettings::redirectsOffShowsTheRedirect()
{
    TestServer server;
    QVERIFY(server.start());
    MainWindow window(&m_store);
    window.show();
    find<QCheckBox>(&window, "followRedirectsCheckBox")->click();
    type(window, server.baseUrl() + "/redirect?code=302&to=/echo");
    sendAndWait(window);
    auto *status = find<QLabel>(&window, "statusLabel");
    QVERIFY2(status->text().startsWith(QStringLiteral("302")), qPrintable(status->text()));
    QCOMPARE(server.requests().size(), 1);
}

void TestCookiesAndSettings::aTimeoutSaysSo()
{
    TestServer server;
    QVERIFY(server.start());
    MainWindow window(&m_store);
    window.show();
    find<QSpinBox>(&window, "timeoutSpinBox")->setValue(300);
    type(window, server.baseUrl() + "/slow?delay_ms=5000");
    sendAndWait(window);
    auto *banner = find<QLabel>(&window, "errorBannerLabel");
    QVERIFY2(banner->text().contains(QStringLiteral("longer than the 0.3 s limit")),
        qPrintable(banner->text()));
}

void TestCookiesAndSettings::theNewPartsFollowTheDarkTheme()
{
    // Settings tab, Cookies tab and the cookie manager, light and dark; saved as PNGs when
    // PLAYGROUND_SCREENSHOT_DIR is set.
    TestServer server;
    QVERIFY(server.start());
    MainWindow window(&m_store);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    type(window, server.baseUrl() + "/cookies/set?session=3f9a1c&theme=dark&lang=en");
    sendAndWait(window);
    auto *requestTabs = find<QTabWidget>(&window, "requestTabWidget");
    auto *settings = find<QWidget>(&window, "requestSettingsEditor");
    requestTabs->setCurrentWidget(settings);
    find<QCheckBox>(&window, "verifyTlsCheckBox")->click();
    auto *responseTabs = find<QTabWidget>(&window, "responseTabWidget");
    responseTabs->setCurrentWidget(find<QTableView>(&window, "responseCookiesTableView"));
    window.findChild<QAction *>(QStringLiteral("cookiesAction"))->trigger();
    auto *dialog = window.findChild<QDialog *>(QStringLiteral("cookieManagerDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QString shots = qEnvironmentVariable("PLAYGROUND_SCREENSHOT_DIR");
    for (const Theme::Choice choice : { Theme::Choice::Light, Theme::Choice::Dark }) {
        Theme::apply(choice);
        QCoreApplication::processEvents();
        const QImage shot = window.grab().toImage();
        const QImage managerShot = dialog->grab().toImage();
        // The table's background follows the palette.
        auto *table = find<QTableView>(dialog, "cookieManagerTableView");
        const QPoint corner
            = table->viewport()->mapTo(dialog, table->viewport()->rect().bottomRight())
            - QPoint(4, 4);
        const bool dark = QColor(managerShot.pixel(corner)).lightness() < 80;
        QCOMPARE(dark, choice == Theme::Choice::Dark);
        if (!shots.isEmpty()) {
            const QString name = Theme::key(choice);
            shot.save(QDir(shots).filePath(QStringLiteral("cookies-settings-%1.png").arg(name)));
            managerShot.save(
                QDir(shots).filePath(QStringLiteral("cookie-manager-%1.png").arg(name)));
        }
    }
    Theme::apply(Theme::Choice::System);
    dialog->close();
}

QTEST_MAIN(TestCookiesAndSettings)
#include "TestCookiesAndSettings.moc"
