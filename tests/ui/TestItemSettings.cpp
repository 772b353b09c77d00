// The settings of a folder and of the collection, driven like a user: their Auth is inherited by
// the requests inside and reaches the loopback test server; changing it changes the next send,
// undo brings the old one back; the dialog's controls all have names; the description is saved.
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/ItemSettingsDialog.h"
#include "ui/MainWindow.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Playground;
using Test::find;
using Test::writeFile;

namespace {

enum AuthType { Inherit, NoAuth, Bearer, Basic };

/** Admin (Basic {{user}}:{{pass}}) holds Orders; Status is at the top; both inherit. */
QByteArray collectionJson(const QString &baseUrl)
{
    return QStringLiteral(
        "{\"info\":{\"name\":\"Shop\",\"_postman_id\":\"c-folderauth\"},"
        "\"variable\":[{\"key\":\"baseUrl\",\"value\":\"%1\"},{\"key\":\"user\",\"value\":"
        "\"ada\"},{\"key\":\"pass\",\"value\":\"s3cret-pass\"},{\"key\":\"pass2\",\"value\":"
        "\"other-pass\"}],"
        "\"item\":[{\"name\":\"Admin\",\"auth\":{\"type\":\"basic\",\"basic\":["
        "{\"key\":\"username\",\"value\":\"{{user}}\"},{\"key\":\"password\",\"value\":"
        "\"{{pass}}\"}]},\"item\":["
        "{\"name\":\"Orders\",\"request\":{\"method\":\"GET\",\"url\":\"{{baseUrl}}/orders\"}}]},"
        "{\"name\":\"Status\",\"request\":{\"method\":\"GET\",\"url\":\"{{baseUrl}}/status\"}}]}")
        .arg(baseUrl)
        .toUtf8();
}

QByteArray basic(const char *userPass)
{
    return "Basic " + QByteArray(userPass).toBase64();
}

} // namespace

class TestItemSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_window.reset(); }
    void folderAuthIsInheritedOnTheWire();
    void collectionAuthIsInherited();
    void theDialogFollowsUndo();
    void descriptionIsSavedAndDoubleClickOpens();
    void folderVariablesReachTheRequest();
    void everyControlHasAName();

private:
    QModelIndex select(const QString &name);
    ItemSettingsDialog *openFolderSettings(const QString &name);
    ItemSettingsDialog *openCollectionSettings();
    ItemSettingsDialog *shownDialog() const;
    QByteArray sendAndRecord(const QString &request);

    Test::TestServer m_server;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
};

void TestItemSettings::init()
{
    if (!m_server.isListening())
        QVERIFY(m_server.start());
    m_server.clear();
    m_path = writeFile(m_dir, QStringLiteral("shop.json"), collectionJson(m_server.baseUrl()));
    m_window = std::make_unique<MainWindow>();
    m_window->setDiscardConfirmer([](const QString &) { return true; });
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->openCollection(m_path);
}

QModelIndex TestItemSettings::select(const QString &name)
{
    auto *tree = find<QTreeView>(m_window.get(), "collectionTreeView");
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
        name, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (found.size() != 1)
        return {};
    tree->setCurrentIndex(found.first());
    return found.first();
}

ItemSettingsDialog *TestItemSettings::openFolderSettings(const QString &name)
{
    if (!select(name).isValid())
        return nullptr;
    auto *action = find<QAction>(m_window.get(), "editFolderAction");
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    return shownDialog();
}

ItemSettingsDialog *TestItemSettings::openCollectionSettings()
{
    find<QAction>(m_window.get(), "editCollectionAction")->trigger();
    return shownDialog();
}

/** The settings dialog opened last (a closed one may not be deleted yet). */
ItemSettingsDialog *TestItemSettings::shownDialog() const
{
    const auto dialogs = m_window->findChildren<ItemSettingsDialog *>();
    for (auto it = dialogs.crbegin(); it != dialogs.crend(); ++it) {
        if ((*it)->isVisible())
            return *it;
    }
    return nullptr;
}

/** Opens request in its tab, sends it, returns the Authorization header the server received. */
QByteArray TestItemSettings::sendAndRecord(const QString &request)
{
    m_server.clear();
    select(request);
    QTest::mouseClick(find<QPushButton>(m_window.get(), "sendButton"), Qt::LeftButton);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 1, 10000); }();
    if (m_server.requests().isEmpty())
        return "(nothing received)";
    const auto &received = m_server.requests().first();
    return received.hasHeader("Authorization") ? received.header("Authorization")
                                               : QByteArray("(none)");
}

void TestItemSettings::folderAuthIsInheritedOnTheWire()
{
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), basic("ada:s3cret-pass"));
    const QString note = find<QLabel>(m_window.get(), "authInheritLabel")->text();
    QVERIFY2(note.contains(QLatin1String("folder \"Admin\"")), qPrintable(note));
    QCOMPARE(sendAndRecord(QStringLiteral("Status")), QByteArray("(none)"));

    ItemSettingsDialog *dialog = openFolderSettings(QStringLiteral("Admin"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("authTypeComboBox"))->currentIndex(),
        int(Basic));
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("authPasswordLineEdit"));
    QCOMPARE(password->text(), QStringLiteral("{{pass}}"));
    password->setFocus();
    password->selectAll();
    QTest::keyClicks(password, QStringLiteral("{{pass2}}"));
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), basic("ada:other-pass"));

    // The folder's auth set to none: the request inside sends none.
    dialog->findChild<QComboBox *>(QStringLiteral("authTypeComboBox"))->setCurrentIndex(NoAuth);
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), QByteArray("(none)"));
}

void TestItemSettings::collectionAuthIsInherited()
{
    ItemSettingsDialog *dialog = openCollectionSettings();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *type = dialog->findChild<QComboBox *>(QStringLiteral("authTypeComboBox"));
    QCOMPARE(type->currentIndex(), int(Inherit));
    // The collection has nothing above it: inheriting there is said to add nothing.
    const QString says = dialog->findChild<QLabel *>(QStringLiteral("authInheritLabel"))->text();
    QVERIFY2(says.contains(QLatin1String("no auth")), qPrintable(says));
    type->setCurrentIndex(Bearer);
    auto *token = dialog->findChild<QLineEdit *>(QStringLiteral("authTokenLineEdit"));
    token->setFocus();
    token->selectAll();
    QTest::keyClicks(token, QStringLiteral("{{pass2}}"));
    QCOMPARE(sendAndRecord(QStringLiteral("Status")), QByteArray("Bearer other-pass"));
    const QString note = find<QLabel>(m_window.get(), "authInheritLabel")->text();
    QVERIFY2(note.contains(QLatin1String("the collection")), qPrintable(note));
    // The folder's own auth wins over the collection's for the requests inside it.
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), basic("ada:s3cret-pass"));

    // A folder dialog says what inheriting would give it.
    dialog->close();
    ItemSettingsDialog *folder = openFolderSettings(QStringLiteral("Admin"));
    QVERIFY(folder);
    folder->findChild<QComboBox *>(QStringLiteral("authTypeComboBox"))->setCurrentIndex(Inherit);
    const QString inherits
        = folder->findChild<QLabel *>(QStringLiteral("authInheritLabel"))->text();
    QVERIFY2(
        inherits.contains(QLatin1String("Bearer token from the collection")), qPrintable(inherits));
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), QByteArray("Bearer other-pass"));
}

void TestItemSettings::theDialogFollowsUndo()
{
    ItemSettingsDialog *dialog = openFolderSettings(QStringLiteral("Admin"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *type = dialog->findChild<QComboBox *>(QStringLiteral("authTypeComboBox"));
    auto *username = dialog->findChild<QLineEdit *>(QStringLiteral("authUsernameLineEdit"));
    username->setFocus();
    username->selectAll();
    QTest::keyClicks(username, QStringLiteral("bob"));
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), basic("bob:s3cret-pass"));

    // One undo takes the typed name away (typing in a field is one step).
    find<QAction>(m_window.get(), "undoAction")->trigger();
    QCOMPARE(username->text(), QStringLiteral("{{user}}"));
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), basic("ada:s3cret-pass"));
    find<QAction>(m_window.get(), "redoAction")->trigger();
    QCOMPARE(username->text(), QStringLiteral("bob"));
    QCOMPARE(type->currentIndex(), int(Basic));
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), basic("bob:s3cret-pass"));

    // A typed secret is refused in the folder's Auth as on a request's: never in the file.
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("authPasswordLineEdit"));
    password->setFocus();
    password->selectAll();
    QTest::keyClicks(password, QStringLiteral("typed-in-plain"));
    const QString problem = dialog->findChild<QLabel *>(QStringLiteral("authProblemLabel"))->text();
    QVERIFY2(problem.contains(QLatin1String("{{variable}}")), qPrintable(problem));
    QSignalSpy saved(m_window.get(), &MainWindow::collectionSaved);
    find<QAction>(m_window.get(), "saveAction")->trigger();
    QVERIFY(saved.count() == 1 || saved.wait(5000));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("typed-in-plain"));
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), basic("bob:s3cret-pass"));
}

void TestItemSettings::descriptionIsSavedAndDoubleClickOpens()
{
    const QModelIndex admin = select(QStringLiteral("Admin"));
    QVERIFY(admin.isValid());
    auto *tree = find<QTreeView>(m_window.get(), "collectionTreeView");
    const QPoint at = tree->visualRect(admin).center();
    // QTest's double click sends no press of its own first: the item view needs one.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    ItemSettingsDialog *dialog = shownDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Folder \"Admin\""));
    auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("itemSettingsTabWidget"));
    tabs->setCurrentIndex(2);
    auto *description
        = dialog->findChild<QPlainTextEdit *>(QStringLiteral("itemDescriptionPlainTextEdit"));
    QVERIFY(description->isVisible());
    QTest::keyClicks(description, QStringLiteral("Back-office calls"));
    QSignalSpy saved(m_window.get(), &MainWindow::collectionSaved);
    find<QAction>(m_window.get(), "saveAction")->trigger();
    QVERIFY(saved.count() == 1 || saved.wait(5000));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY2(json.contains("\"description\": \"Back-office calls\""), json.constData());
    // One undo step takes the whole typed description away.
    find<QAction>(m_window.get(), "undoAction")->trigger();
    QCOMPARE(description->toPlainText(), QString());
}

void TestItemSettings::folderVariablesReachTheRequest()
{
    ItemSettingsDialog *dialog = openFolderSettings(QStringLiteral("Admin"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->findChild<QTabWidget *>(QStringLiteral("itemSettingsTabWidget"))->setCurrentIndex(1);
    auto *table
        = dialog->findChild<QTableWidget *>(QStringLiteral("settingsFolderVariablesTableWidget"));
    QVERIFY(table && table->isVisible());
    QCOMPARE(table->rowCount(), 0);
    // Typed like a user: Insert adds a row, Tab moves from key to value, Return ends the edit.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Insert);
    const auto editor = [table]() -> QWidget * {
        for (auto *edit : table->viewport()->findChildren<QLineEdit *>()) {
            if (edit->isVisible())
                return edit;
        }
        return table;
    };
    QTest::keyClicks(editor(), QStringLiteral("adminUser"));
    QTest::keyClick(editor(), Qt::Key_Tab);
    QTest::keyClicks(editor(), QStringLiteral("carol"));
    QTest::keyClick(editor(), Qt::Key_Return);
    QTRY_COMPARE(table->item(0, 2)->text(), QStringLiteral("carol"));
    QVERIFY(dialog->isVisible());
    // The folder's Basic auth takes its user name from the folder's variable.
    dialog->findChild<QTabWidget *>(QStringLiteral("itemSettingsTabWidget"))->setCurrentIndex(0);
    auto *username = dialog->findChild<QLineEdit *>(QStringLiteral("authUsernameLineEdit"));
    username->setFocus();
    username->selectAll();
    QTest::keyClicks(username, QStringLiteral("{{adminUser}}"));
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), basic("carol:s3cret-pass"));
    // Undo the auth, then the variable: the table follows.
    auto *undo = find<QAction>(m_window.get(), "undoAction");
    undo->trigger();
    QCOMPARE(sendAndRecord(QStringLiteral("Orders")), basic("ada:s3cret-pass"));
    undo->trigger();
    QCOMPARE(table->rowCount(), 0);
}

void TestItemSettings::everyControlHasAName()
{
    for (const bool folder : { true, false }) {
        ItemSettingsDialog *dialog
            = folder ? openFolderSettings(QStringLiteral("Admin")) : openCollectionSettings();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("itemSettingsTabWidget"));
        int checked = 0;
        for (int tab = 0; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            for (QWidget *w : dialog->findChildren<QWidget *>()) {
                if (!w->isVisible() || !(w->focusPolicy() & Qt::TabFocus) || !w->isEnabled())
                    continue;
                QWidget *parent = w->parentWidget();
                QWidget *named
                    = qobject_cast<QComboBox *>(parent) || qobject_cast<QAbstractSpinBox *>(parent)
                    ? parent
                    : w;
                const bool viewport = parent && qobject_cast<QAbstractScrollArea *>(parent)
                    && qobject_cast<QAbstractScrollArea *>(parent)->viewport() == w;
                QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(named);
                const QString name = iface ? iface->text(QAccessible::Name) : QString();
                QVERIFY2(viewport || !name.trimmed().isEmpty(),
                    qPrintable(
                        QStringLiteral("no accessible name: %1#%2")
                            .arg(QLatin1String(w->metaObject()->className()), w->objectName())));
                ++checked;
            }
        }
        QVERIFY(checked >= 6); // type, fields, table, its buttons, description, close
        dialog->close();
        QTRY_VERIFY(!m_window->findChild<ItemSettingsDialog *>());
    }
}

QTEST_MAIN(TestItemSettings)
#include "TestItemSettings.moc"
