// The Auth tab driven like a user: Basic and API key (header and query) reach the loopback test
// server and are masked in "Request as sent"; a secret typed into a secret field never reaches
// the collection file; inheriting says where from.
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Playground;
using Test::find;
using Test::writeFile;

namespace {

enum AuthType { Inherit, NoAuth, Bearer, Basic, ApiKey, OAuth };

QByteArray collectionJson(const QString &baseUrl)
{
    return QStringLiteral(
        "{\"info\":{\"name\":\"Shop\",\"_postman_id\":\"c-auth\"},"
        "\"variable\":[{\"key\":\"baseUrl\",\"value\":\"%1\"},"
        "{\"key\":\"pass\",\"value\":\"s3cret-pass\"},{\"key\":\"shopKey\",\"value\":\"k-9876\"}],"
        "\"item\":[{\"name\":\"Admin\",\"auth\":{\"type\":\"bearer\",\"bearer\":[{\"key\":"
        "\"token\",\"value\":\"{{pass}}\"}]},\"item\":["
        "{\"name\":\"Orders\",\"request\":{\"method\":\"GET\",\"url\":\"{{baseUrl}}/orders\"}}]}]}")
        .arg(baseUrl)
        .toUtf8();
}

void setField(MainWindow &window, const char *name, const QString &text)
{
    auto *field = find<QLineEdit>(&window, name);
    QVERIFY(field->isVisible());
    field->selectAll();
    QTest::keyClicks(field, text);
}

} // namespace

class TestRequestAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void inheritSaysWhereFrom();
    void basicReachesTheWireAndIsRedacted();
    void apiKeyInAHeaderIsRedacted();
    void apiKeyInTheQueryIsRedacted();
    void aTypedSecretNeverReachesTheFile();

private:
    void chooseAuth(AuthType type);
    QString sendAndShow();

    Test::TestServer m_server;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
};

void TestRequestAuth::init()
{
    if (!m_server.isListening())
        QVERIFY(m_server.start());
    m_server.clear();
    m_path = writeFile(m_dir, QStringLiteral("shop.json"), collectionJson(m_server.baseUrl()));
    m_window = std::make_unique<MainWindow>();
    m_window->setDiscardConfirmer([](const QString &) { return true; });
    m_window->show();
    m_window->openCollection(m_path);
    auto *tree = find<QTreeView>(m_window.get(), "collectionTreeView");
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
        QStringLiteral("Orders"), 1, Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    tree->setCurrentIndex(found.first());
    find<QTabWidget>(m_window.get(), "requestTabWidget")
        ->setCurrentWidget(find<QWidget>(m_window.get(), "authEditor"));
}

void TestRequestAuth::chooseAuth(AuthType type)
{
    find<QComboBox>(m_window.get(), "authTypeComboBox")->setCurrentIndex(type);
}

/** Sends, waits for the server, returns what the window shows as sent. */
QString TestRequestAuth::sendAndShow()
{
    QTest::mouseClick(find<QPushButton>(m_window.get(), "sendButton"), Qt::LeftButton);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 1, 10000); }();
    auto *sent = find<QPlainTextEdit>(m_window.get(), "requestSentPlainTextEdit");
    [&] { QTRY_VERIFY(sent->toPlainText().startsWith(QLatin1String("GET "))); }();
    return sent->toPlainText();
}

void TestRequestAuth::inheritSaysWhereFrom()
{
    auto *type = find<QComboBox>(m_window.get(), "authTypeComboBox");
    QCOMPARE(type->currentIndex(), int(Inherit));
    const QString note = find<QLabel>(m_window.get(), "authInheritLabel")->text();
    QVERIFY2(note.contains(QLatin1String("Inherited")), qPrintable(note));
    QVERIFY2(note.contains(QLatin1String("folder \"Admin\"")), qPrintable(note));
    QVERIFY2(note.contains(QLatin1String("Bearer")), qPrintable(note));
    // No auth on the request: nothing is added, whatever the folder says.
    chooseAuth(NoAuth);
    const QString shown = sendAndShow();
    QVERIFY(!m_server.requests().first().hasHeader("Authorization"));
    QVERIFY(!shown.contains(QLatin1String("Authorization")));
    QVERIFY(m_window->isWindowModified());
}

void TestRequestAuth::basicReachesTheWireAndIsRedacted()
{
    chooseAuth(Basic);
    setField(*m_window, "authUsernameLineEdit", QStringLiteral("ada"));
    setField(*m_window, "authPasswordLineEdit", QStringLiteral("{{pass}}"));
    QCOMPARE(find<QTabWidget>(m_window.get(), "requestTabWidget")->tabText(1),
        QStringLiteral("Auth · basic"));
    const QString shown = sendAndShow();
    const QByteArray expected = "Basic " + QByteArray("ada:s3cret-pass").toBase64();
    QCOMPARE(m_server.requests().first().header("Authorization"), expected);
    QVERIFY2(shown.contains(QLatin1String("Authorization: Basic ***")), qPrintable(shown));
    QVERIFY(!shown.contains(QLatin1String("s3cret-pass")));
    QVERIFY(!shown.contains(QString::fromLatin1(QByteArray("ada:s3cret-pass").toBase64())));
}

void TestRequestAuth::apiKeyInAHeaderIsRedacted()
{
    chooseAuth(ApiKey);
    setField(*m_window, "authKeyNameLineEdit", QStringLiteral("X-Shop-Key"));
    setField(*m_window, "authKeyValueLineEdit", QStringLiteral("{{shopKey}}"));
    const QString shown = sendAndShow();
    QCOMPARE(m_server.requests().first().header("X-Shop-Key"), QByteArray("k-9876"));
    QVERIFY(!m_server.requests().first().hasHeader("Authorization"));
    QVERIFY2(shown.contains(QLatin1String("X-Shop-Key: ***")), qPrintable(shown));
    QVERIFY(!shown.contains(QLatin1String("k-9876")));
}

void TestRequestAuth::apiKeyInTheQueryIsRedacted()
{
    chooseAuth(ApiKey);
    setField(*m_window, "authKeyNameLineEdit", QStringLiteral("api_key"));
    setField(*m_window, "authKeyValueLineEdit", QStringLiteral("{{shopKey}}"));
    find<QComboBox>(m_window.get(), "authKeyInComboBox")->setCurrentIndex(1);
    const QString shown = sendAndShow();
    QCOMPARE(m_server.requests().first().target, QByteArray("/orders?api_key=k-9876"));
    QVERIFY(!m_server.requests().first().hasHeader("api_key"));
    QVERIFY2(shown.contains(QLatin1String("api_key=***")), qPrintable(shown));
    QVERIFY(!shown.contains(QLatin1String("k-9876")));
}

void TestRequestAuth::aTypedSecretNeverReachesTheFile()
{
    chooseAuth(Basic);
    setField(*m_window, "authUsernameLineEdit", QStringLiteral("ada"));
    setField(*m_window, "authPasswordLineEdit", QStringLiteral("typed-in-plain"));
    const QString problem = find<QLabel>(m_window.get(), "authProblemLabel")->text();
    QVERIFY2(problem.contains(QLatin1String("{{variable}}")), qPrintable(problem));
    QSignalSpy saved(m_window.get(), &MainWindow::collectionSaved);
    find<QAction>(m_window.get(), "saveAction")->trigger();
    QVERIFY(saved.count() == 1 || saved.wait(5000));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(!json.contains("typed-in-plain"));
    // What was accepted is saved: the type, the user name and the default {{password}} reference.
    QVERIFY2(json.contains("\"type\": \"basic\""), json.constData());
    QVERIFY(json.contains("\"value\": \"ada\""));
    QVERIFY(json.contains("\"value\": \"{{password}}\""));
    // The field keeps what was typed for the user to fix.
    QCOMPARE(find<QLineEdit>(m_window.get(), "authPasswordLineEdit")->text(),
        QStringLiteral("typed-in-plain"));
}

QTEST_MAIN(TestRequestAuth)
#include "TestRequestAuth.moc"
