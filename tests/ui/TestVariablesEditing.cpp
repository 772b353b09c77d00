// Environments and variables edited in the window as a user does: a new environment typed and
// saved (a Postman file without the secret), the environment selector changing what is sent,
// the "set it" buttons of an unresolved variable, and the Variables panel writing to the scope
// each value comes from.
#include "app/secrets/MemorySecretStore.h"
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/EnvironmentEditorDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace Playground;
using Test::find;
using Test::writeFile;

namespace {

/** A folder "Users" (variable page=1) holding "List users" at url; collection baseUrl. */
QByteArray shopCollection(const QString &baseUrl, const QString &url)
{
    const QJsonObject request { { "method", "GET" }, { "url", url } };
    const QJsonObject folder { { "name", "Users" },
        { "variable", QJsonArray { QJsonObject { { "key", "page" }, { "value", "1" } } } },
        { "item",
            QJsonArray { QJsonObject { { "name", "List users" }, { "request", request } } } } };
    return QJsonDocument(
        QJsonObject { { "info",
                          QJsonObject { { "name", "Shop" }, { "_postman_id", "shop-1" },
                              { "schema",
                                  "https://schema.getpostman.com/json/collection/v2.1.0/"
                                  "collection.json" } } },
            { "variable",
                QJsonArray { QJsonObject { { "key", "baseUrl" }, { "value", baseUrl } } } },
            { "item", QJsonArray { folder } } })
        .toJson();
}

QByteArray environmentFile(const QString &name, const QString &baseUrl, const QString &team)
{
    return QJsonDocument(
        QJsonObject { { "id", name + "-id" }, { "name", name },
            { "values",
                QJsonArray {
                    QJsonObject { { "key", "baseUrl" }, { "value", baseUrl }, { "enabled", true } },
                    QJsonObject { { "key", "team" }, { "value", team }, { "enabled", true } } } } })
        .toJson();
}

/** The cell editor open in table (a closed one lingers hidden until deleted). */
QWidget *openEditor(QTableWidget *table)
{
    for (auto *edit : table->viewport()->findChildren<QLineEdit *>()) {
        if (edit->isVisible())
            return edit;
    }
    qWarning("no cell editor open");
    return table;
}

int rowOf(QTableWidget *table, const QString &key)
{
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 1) && table->item(r, 1)->text() == key)
            return r;
    }
    return -1;
}

} // namespace

class TestVariablesEditing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void switchingEnvironmentChangesUrlAndBytes();
    void newEnvironmentSavedWithoutItsSecret();
    void setItButtonsOpenTheRightTableAtTheRow();
    void panelEditsGoToTheirScope();

private:
    void openShop(MainWindow &window, const QString &baseUrl, const QString &url);
    QTemporaryDir m_dir;
};

void TestVariablesEditing::openShop(MainWindow &window, const QString &baseUrl, const QString &url)
{
    const QString path
        = writeFile(m_dir, QStringLiteral("shop.json"), shopCollection(baseUrl, url));
    window.setDiscardConfirmer([](const QString &) { return true; });
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->expandAll();
    const QModelIndex folder = tree->model()->index(0, 0);
    tree->setCurrentIndex(tree->model()->index(0, 0, folder));
    QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("List users"));
}

void TestVariablesEditing::switchingEnvironmentChangesUrlAndBytes()
{
    Test::TestServer server;
    QVERIFY(server.start());
    MemorySecretStore store;
    MainWindow window(&store);
    openShop(window, QStringLiteral("http://127.0.0.1:1"),
        QStringLiteral("{{baseUrl}}/users?team={{team}}&page={{page}}"));
    window.openEnvironment(writeFile(m_dir, QStringLiteral("a.json"),
        environmentFile(QStringLiteral("Alpha"), server.baseUrl() + "/a", QStringLiteral("red"))));
    window.openEnvironment(writeFile(m_dir, QStringLiteral("b.json"),
        environmentFile(QStringLiteral("Beta"), server.baseUrl() + "/b", QStringLiteral("blue"))));
    find<QAction>(&window, "variablesAction")->trigger();
    auto *combo = find<QComboBox>(&window, "environmentComboBox");
    QCOMPARE(combo->currentText(), QStringLiteral("Beta"));
    auto *baseUrl = find<QLineEdit>(&window, "baseUrlVariableLineEdit");
    QCOMPARE(baseUrl->text(), server.baseUrl() + "/b");
    QCOMPARE(find<QLabel>(&window, "baseUrlScopeLabel")->text(), QStringLiteral("environment"));
    QCOMPARE(find<QLabel>(&window, "pageScopeLabel")->text(), QStringLiteral("folder Users"));

    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().at(0).target, QByteArray("/b/users?team=blue&page=1"));
    // Its response in: the button sends again (while in flight it cancels).
    auto *send = find<QPushButton>(&window, "sendButton");
    QTRY_COMPARE(send->text(), QStringLiteral("Send"));

    // Alpha, chosen with the keyboard: the panel and the bytes follow.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentText(), QStringLiteral("Alpha"));
    QCOMPARE(find<QLineEdit>(&window, "baseUrlVariableLineEdit")->text(), server.baseUrl() + "/a");
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(1).target, QByteArray("/a/users?team=red&page=1"));
}

void TestVariablesEditing::newEnvironmentSavedWithoutItsSecret()
{
    Test::TestServer server;
    QVERIFY(server.start());
    MemorySecretStore store;
    MainWindow window(&store);
    openShop(window, QStringLiteral("http://127.0.0.1:1"),
        QStringLiteral("{{baseUrl}}/users?team={{team}}"));
    find<QAction>(&window, "newEnvironmentAction")->trigger();
    auto *dialog = find<EnvironmentEditorDialog>(&window, "environmentEditorDialog");
    QVERIFY(dialog->isVisible());
    const QString path = m_dir.filePath(QStringLiteral("stage.postman_environment.json"));
    dialog->setPathChooser([path](const QString &) { return path; });
    auto *name = find<QLineEdit>(dialog, "environmentNameLineEdit");
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Stage"));
    QCOMPARE(
        find<QComboBox>(&window, "environmentComboBox")->currentText(), QStringLiteral("Stage"));

    // Typed like a user: Insert adds a row, Tab moves between key and value.
    auto *table = find<QTableWidget>(dialog, "environmentVariablesTableWidget");
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Insert);
    QTest::keyClicks(openEditor(table), QStringLiteral("baseUrl"));
    QTest::keyClick(openEditor(table), Qt::Key_Tab);
    QTest::keyClicks(openEditor(table), server.baseUrl());
    QTest::keyClick(openEditor(table), Qt::Key_Return);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("baseUrl"));
    QTRY_COMPARE(table->item(0, 2)->text(), server.baseUrl());
    QVERIFY(dialog->isVisible()); // Return ends the cell's edit, not the dialog
    QTest::keyClick(table, Qt::Key_Insert);
    QTest::keyClicks(openEditor(table), QStringLiteral("team"));
    QTest::keyClick(openEditor(table), Qt::Key_Return);
    QTRY_COMPARE(table->item(1, 1)->text(), QStringLiteral("team"));
    table->item(1, 3)->setText(QStringLiteral("secret"));
    table->item(1, 2)->setText(QStringLiteral("team-secret-9"));
    QTRY_COMPARE(store.persistentValues().size(), 1);
    QCOMPARE(store.persistentValues().cbegin().value(), QStringLiteral("team-secret-9"));

    QTest::mouseClick(find<QPushButton>(dialog, "saveEnvironmentButton"), Qt::LeftButton);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(!bytes.contains("team-secret-9"), bytes.constData());
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value("name").toString(), QStringLiteral("Stage"));
    const QJsonArray values = root.value("values").toArray();
    QCOMPARE(values.size(), 2);
    QCOMPARE(values.at(1).toObject(),
        (QJsonObject {
            { "key", "team" }, { "value", "" }, { "type", "secret" }, { "enabled", true } }));

    // The session holds the secret: the send carries it (to the origin it is bound to).
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().at(0).target, QByteArray("/users?team=team-secret-9"));

    // Undo takes back the last edit of the environment (the type), and redo puts it back.
    find<QAction>(&window, "undoAction")->trigger();
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("default"));
    find<QAction>(&window, "redoAction")->trigger();
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("secret"));
}

void TestVariablesEditing::setItButtonsOpenTheRightTableAtTheRow()
{
    MemorySecretStore store;
    MainWindow window(&store);
    openShop(window, QStringLiteral("http://127.0.0.1:1"),
        QStringLiteral("{{baseUrl}}/users?team={{team}}"));
    auto *hint = find<QWidget>(&window, "unresolvedVariablesHint");
    QVERIFY(hint->isVisible());
    QVERIFY(find<QLabel>(&window, "unresolvedVariablesLabel")->text().contains("{{team}}"));
    QVERIFY(find<QLabel>(&window, "unresolvedVariablesLabel")->isVisible());
    auto *editor = find<QWidget>(&window, "urlLineEdit");
    const QPoint before = editor->mapTo(&window, QPoint());

    QTest::mouseClick(find<QPushButton>(&window, "setInFolderButton"), Qt::LeftButton);
    auto *table = find<QTableWidget>(&window, "collectionVariablesTableWidget");
    QVERIFY(table->isVisible());
    QCOMPARE(find<QComboBox>(&window, "variablesScopeComboBox")->currentText(),
        QStringLiteral("Folder Users"));
    QCOMPARE(table->item(table->currentRow(), 1)->text(), QStringLiteral("team"));
    QCOMPARE(table->currentColumn(), 2);
    QCOMPARE(window.focusWidget(), table);
    QCOMPARE(rowOf(table, QStringLiteral("page")), 0); // the folder's own row is there too
    // The row added is an undoable edit: undone, the variable is missing again.
    find<QAction>(&window, "undoAction")->trigger();
    QCOMPARE(rowOf(table, QStringLiteral("team")), -1);
    QTRY_VERIFY(hint->isVisible());

    QTest::mouseClick(find<QPushButton>(&window, "setInCollectionButton"), Qt::LeftButton);
    QCOMPARE(find<QComboBox>(&window, "variablesScopeComboBox")->currentText(),
        QStringLiteral("Collection"));
    QCOMPARE(table->item(table->currentRow(), 1)->text(), QStringLiteral("team"));
    QCOMPARE(rowOf(table, QStringLiteral("baseUrl")), 0);
    find<QAction>(&window, "undoAction")->trigger();
    QTRY_VERIFY(hint->isVisible());

    QTest::mouseClick(find<QPushButton>(&window, "setInEnvironmentButton"), Qt::LeftButton);
    auto *dialog = find<EnvironmentEditorDialog>(&window, "environmentEditorDialog");
    QVERIFY(dialog->isVisible());
    auto *envTable = find<QTableWidget>(dialog, "environmentVariablesTableWidget");
    QCOMPARE(envTable->item(envTable->currentRow(), 1)->text(), QStringLiteral("team"));
    QCOMPARE(envTable->currentColumn(), 2);

    // Given a value, the hint goes; its line stays, so the editor does not move.
    envTable->item(envTable->currentRow(), 2)->setText(QStringLiteral("green"));
    QTRY_VERIFY(!hint->isVisible());
    QCOMPARE(editor->mapTo(&window, QPoint()), before);
}

void TestVariablesEditing::panelEditsGoToTheirScope()
{
    Test::TestServer server;
    QVERIFY(server.start());
    MemorySecretStore store;
    MainWindow window(&store);
    openShop(window, server.baseUrl(),
        QStringLiteral("{{baseUrl}}/users?team={{team}}&page={{page}}&q={{q}}"));
    window.openEnvironment(writeFile(m_dir, QStringLiteral("env.json"),
        environmentFile(QStringLiteral("Env"), server.baseUrl() + "/env", QStringLiteral("red"))));
    find<QAction>(&window, "variablesAction")->trigger();

    const auto edit = [&window](const char *name, const QString &text) {
        auto *field = find<QLineEdit>(&window, name);
        field->setFocus();
        field->selectAll();
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    };
    edit("teamVariableLineEdit", QStringLiteral("violet")); // environment
    edit("pageVariableLineEdit", QStringLiteral("7")); // folder Users
    // q is unset: kept in the collection (the default choice).
    QCOMPARE(find<QComboBox>(&window, "qSetInComboBox")->currentText(),
        QStringLiteral("Set in collection"));
    edit("qVariableLineEdit", QStringLiteral("abc"));
    QCOMPARE(find<QLabel>(&window, "teamScopeLabel")->text(), QStringLiteral("environment"));
    QCOMPARE(find<QLabel>(&window, "pageScopeLabel")->text(), QStringLiteral("folder Users"));
    QTRY_COMPARE(find<QLabel>(&window, "qScopeLabel")->text(), QStringLiteral("collection"));

    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().at(0).target, QByteArray("/env/users?team=violet&page=7&q=abc"));

    // Each value is where it was said to be: the folder's and collection's in the saved file.
    QVERIFY(window.saveCollection());
    QFile file(window.collectionPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains("violet")); // the environment's value stays in the environment
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    const QJsonArray collectionVariables = root.value("variable").toArray();
    QCOMPARE(collectionVariables.last().toObject().value("key").toString(), QStringLiteral("q"));
    QCOMPARE(
        collectionVariables.last().toObject().value("value").toString(), QStringLiteral("abc"));
    const QJsonObject folder = root.value("item").toArray().first().toObject();
    QCOMPARE(folder.value("variable").toArray().first().toObject().value("value").toString(),
        QStringLiteral("7"));
    // And undo takes the last one back: q is unset again.
    find<QAction>(&window, "undoAction")->trigger();
    QTRY_VERIFY(window.findChild<QComboBox *>(QStringLiteral("qSetInComboBox")));
}

QTEST_MAIN(TestVariablesEditing)
#include "TestVariablesEditing.moc"
