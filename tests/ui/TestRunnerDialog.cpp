// Collection › Run collection… and "Run folder…" as a user drives them: ticks, iterations, Start,
// Stop, the live table and its summary, Export results compared with what `api-playground run`
// writes for the same run. Against the loopback test server.
#include "app/auth/CollectionSecrets.h"
#include "app/formats/PostmanReader.h"
#include "app/runner/RunResultsModel.h"
#include "app/secrets/MemorySecretStore.h"
#include "tests/support/PlaygroundProcess.h"
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/RunnerDialog.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Playground;
using Test::find;
using Test::TestServer;
using Test::writeFile;

namespace {

/** Three requests (two in a folder, one answering 404) against base. */
QByteArray shopCollection(const QString &base, const QString &firstUrl = "{{base}}/echo/users")
{
    return QStringLiteral(R"({
  "info": { "name": "Shop", "_postman_id": "shop-1",
    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "variable": [ { "key": "base", "value": "%1" } ],
  "item": [
    { "name": "Users", "item": [
      { "name": "List users", "request": { "method": "GET", "url": "%2" } },
      { "name": "Missing user", "request": { "method": "GET", "url": "{{base}}/status/404" } }
    ] },
    { "name": "Create order", "request": { "method": "POST", "url": "{{base}}/echo/orders",
      "body": { "mode": "raw", "raw": "{\"id\": 1}" } } }
  ]
})")
        .arg(base, firstUrl)
        .toUtf8();
}

QString cell(QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

/** Times and durations blanked: the only thing two runs of the same requests may differ in. */
QByteArray withoutTimes(QByteArray junit)
{
    return QString::fromUtf8(junit)
        .replace(
            QRegularExpression(QStringLiteral(R"( time="[0-9.]+")")), QStringLiteral(" time=\"\""))
        .toUtf8();
}

QJsonObject withoutTimes(const QJsonObject &report)
{
    QJsonObject out = report;
    out.remove("totalMs");
    QJsonArray requests;
    for (const QJsonValue &r : report["requests"].toArray()) {
        QJsonObject o = r.toObject();
        o.remove("timings");
        requests.append(o);
    }
    out["requests"] = requests;
    return out;
}

} // namespace

class TestRunnerDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void twoIterationsOfThreeRequestsShowSixRows();
    void aFolderRunsFromItsContextMenu();
    void stopMarksTheRestNotRun();
    void exportedResultsAreWhatRunWrites();
    void keychainCredentialsGoOnlyWhereTheyWereStoredFor();

private:
    /** Opens the collection in the window and its runner (Collection › Run collection…). */
    RunnerDialog *openRunner(MainWindow &window, const QByteArray &json);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestServer> m_server;
    QString m_path;
};

void TestRunnerDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRunnerDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
}

void TestRunnerDialog::cleanup()
{
    m_server.reset();
}

RunnerDialog *TestRunnerDialog::openRunner(MainWindow &window, const QByteArray &json)
{
    m_path = writeFile(*m_dir, "shop.postman_collection.json", json);
    window.openCollection(m_path);
    if (window.collectionPath().isEmpty())
        return nullptr;
    auto *run = find<QAction>(&window, "runCollectionAction");
    if (!run)
        return nullptr;
    run->trigger();
    return window.findChild<RunnerDialog *>();
}

void TestRunnerDialog::twoIterationsOfThreeRequestsShowSixRows()
{
    MemorySecretStore store;
    MainWindow window(&store);
    RunnerDialog *dialog = openRunner(window, shopCollection(m_server->baseUrl()));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    const QByteArray before = [&] {
        QFile f(m_path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    auto *list = find<QListWidget>(dialog, "requestListWidget");
    QCOMPARE(list->count(), 3);
    QVERIFY(list->item(2)->text().contains("Create order"));
    find<QSpinBox>(dialog, "iterationsSpinBox")->setValue(2);
    QSignalSpy finished(dialog, &RunnerDialog::runFinished);
    auto *start = find<QPushButton>(dialog, "startStopButton");
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(start->text(), "&Stop");
    QVERIFY(finished.wait(10'000));
    QCOMPARE(start->text(), "&Start");

    auto *table = find<QTableView>(dialog, "runResultsTableView");
    QCOMPARE(table->model()->rowCount(), 6);
    const QStringList statuses { "200 OK", "404 Not Found", "200 OK" };
    for (int row = 0; row < 6; ++row) {
        QCOMPARE(cell(table, row, RunResultsModel::IterationColumn), QString::number(row / 3 + 1));
        QCOMPARE(cell(table, row, RunResultsModel::StatusColumn), statuses.at(row % 3));
    }
    QCOMPARE(cell(table, 1, RunResultsModel::FailureColumn), "HTTP 404 Not Found");
    QCOMPARE(cell(table, 4, RunResultsModel::FailureColumn), "HTTP 404 Not Found");
    QCOMPARE(cell(table, 2, RunResultsModel::NameColumn), "Create order");
    QCOMPARE(m_server->count("/echo/orders"), 2);
    QVERIFY(m_server->requests().last().body == "{\"id\": 1}");
    QVERIFY(find<QLabel>(dialog, "runSummaryLabel")->text().startsWith("4 passed, 2 failed of 6"));
    // The run is a copy: the document is neither changed nor dirty, the file untouched.
    QVERIFY(!window.isWindowModified());
    QFile after(m_path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);

    // Left out: only the ticked requests are sent.
    list->item(0)->setCheckState(Qt::Unchecked);
    find<QSpinBox>(dialog, "iterationsSpinBox")->setValue(1);
    m_server->clear();
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(m_server->count("/echo/users"), 0);
    QCOMPARE(cell(table, 0, RunResultsModel::NameColumn), "Users / Missing user");
}

void TestRunnerDialog::aFolderRunsFromItsContextMenu()
{
    MemorySecretStore store;
    MainWindow window(&store);
    m_path = writeFile(*m_dir, "shop.postman_collection.json", shopCollection(m_server->baseUrl()));
    window.openCollection(m_path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    const QModelIndex users = tree->model()->index(0, 0);
    QCOMPARE(users.data().toString(), "Users");
    tree->setCurrentIndex(users);
    auto *runFolder = find<QAction>(&window, "runFolderAction");
    QVERIFY(runFolder->isEnabled());
    runFolder->trigger();
    auto *dialog = window.findChild<RunnerDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains("Shop › Users"));
    QCOMPARE(find<QListWidget>(dialog, "requestListWidget")->count(), 2);
    QSignalSpy finished(dialog, &RunnerDialog::runFinished);
    dialog->start();
    QVERIFY(finished.wait(10'000));
    QCOMPARE(find<QTableView>(dialog, "runResultsTableView")->model()->rowCount(), 2);
    QCOMPARE(m_server->count("/echo/orders"), 0);
    // A request is not a folder: nothing to run.
    tree->setCurrentIndex(tree->model()->index(1, 0));
    QVERIFY(!runFolder->isEnabled());
}

void TestRunnerDialog::stopMarksTheRestNotRun()
{
    MemorySecretStore store;
    MainWindow window(&store);
    RunnerDialog *dialog
        = openRunner(window, shopCollection(m_server->baseUrl(), "{{base}}/slow?delay_ms=30000"));
    QVERIFY(dialog);
    find<QSpinBox>(dialog, "iterationsSpinBox")->setValue(2);
    QSignalSpy finished(dialog, &RunnerDialog::runFinished);
    auto *start = find<QPushButton>(dialog, "startStopButton");
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->count("/slow"), 1, 5000);
    auto *table = find<QTableView>(dialog, "runResultsTableView");
    QCOMPARE(cell(table, 0, RunResultsModel::StatusColumn), "sending…");
    QVERIFY(find<QLabel>(dialog, "runSummaryLabel")->text().startsWith("Running…"));
    QTest::mouseClick(start, Qt::LeftButton); // Stop
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QCOMPARE(cell(table, 0, RunResultsModel::StatusColumn), "cancelled");
    for (int row = 1; row < 6; ++row)
        QCOMPARE(cell(table, row, RunResultsModel::StatusColumn), "not run");
    QVERIFY(find<QLabel>(dialog, "runSummaryLabel")
                ->text()
                .startsWith("0 passed, 1 failed, 5 not run of 6"));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(start->text(), "&Start");
    QVERIFY(find<QPushButton>(dialog, "exportResultsButton")->isEnabled());
}

void TestRunnerDialog::exportedResultsAreWhatRunWrites()
{
    MemorySecretStore store;
    MainWindow window(&store);
    RunnerDialog *dialog = openRunner(window, shopCollection(m_server->baseUrl()));
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &RunnerDialog::runFinished);
    dialog->start();
    QVERIFY(finished.wait(10'000));

    const QString junitPath = m_dir->filePath("results.xml");
    dialog->setSaveChooser([&](const QString &suggested) {
        return suggested.endsWith(".xml") ? junitPath : QString();
    });
    QTest::mouseClick(find<QPushButton>(dialog, "exportResultsButton"), Qt::LeftButton);
    const QString jsonPath = m_dir->filePath("results.json");
    QVERIFY(dialog->exportResults(jsonPath));

    const Test::ProcessResult junit = Test::runPlayground({ "run", m_path, "--reporter", "junit" });
    QCOMPARE(junit.exitCode, 1); // the 404
    const Test::ProcessResult json = Test::runPlayground({ "run", m_path, "--reporter", "json" });
    QCOMPARE(json.exitCode, 1);

    QFile junitFile(junitPath);
    QVERIFY(junitFile.open(QIODevice::ReadOnly));
    const QByteArray exportedJunit = junitFile.readAll();
    QVERIFY(exportedJunit.contains("tests=\"3\" failures=\"1\""));
    QCOMPARE(withoutTimes(exportedJunit), withoutTimes(junit.out));
    QFile jsonFile(jsonPath);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject exportedJson = QJsonDocument::fromJson(jsonFile.readAll()).object();
    QCOMPARE(exportedJson["total"].toInt(), 3);
    QCOMPARE(withoutTimes(exportedJson), withoutTimes(QJsonDocument::fromJson(json.out).object()));
}

void TestRunnerDialog::keychainCredentialsGoOnlyWhereTheyWereStoredFor()
{
    TestServer other;
    QVERIFY(other.start());
    const QByteArray json = QStringLiteral(
        "{\"info\":{\"name\":\"Keyed\",\"_postman_id\":\"c-42\"},"
        "\"auth\":{\"type\":\"bearer\",\"bearer\":[{\"key\":\"token\",\"value\":\"{{pat}}\"}]},"
        "\"variable\":[{\"key\":\"baseUrl\",\"value\":\"%1\"}],"
        "\"item\":[{\"name\":\"Me\",\"request\":{\"method\":\"GET\",\"url\":\"{{baseUrl}}/"
        "echo/me\"}},"
        "{\"name\":\"Elsewhere\",\"request\":{\"method\":\"GET\",\"url\":\"%2\"}}]}")
                                .arg(m_server->baseUrl(), other.url("/echo/elsewhere").toString())
                                .toUtf8();
    m_path = writeFile(*m_dir, "keyed.postman_collection.json", json);
    MemorySecretStore store;
    const Result<Collection> parsed = PostmanReader::readCollectionFile(m_path);
    QVERIFY(parsed.ok());
    store.write(CollectionSecrets::keyFor(parsed.value(), "pat").value(), "pat-from-keychain-123",
        &store, [](const SecretResult &) {});
    QVERIFY(store.waitForPendingWrites(5000));

    MainWindow window(&store);
    window.openCollection(m_path);
    find<QAction>(&window, "runCollectionAction")->trigger();
    auto *dialog = window.findChild<RunnerDialog *>();
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &RunnerDialog::runFinished);
    dialog->start();
    QVERIFY(finished.wait(10'000));

    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY2(m_server->requests().first().raw.contains(
                 "Authorization: Bearer pat-from-keychain-123\r\n"),
        m_server->requests().first().raw.constData());
    // Another origin gets the request without the credential, as a send from the window would.
    QCOMPARE(other.requests().size(), 1);
    QVERIFY2(!other.requests().first().raw.contains("Authorization"),
        other.requests().first().raw.constData());
    auto *table = find<QTableView>(dialog, "runResultsTableView");
    QCOMPARE(cell(table, 0, RunResultsModel::StatusColumn), "200 OK");
    // What the window shows and exports never holds the token.
    QVERIFY(dialog->exportResults(m_dir->filePath("keyed.json")));
    QFile exported(m_dir->filePath("keyed.json"));
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QVERIFY(!exported.readAll().contains("pat-from-keychain"));
}

QTEST_MAIN(TestRunnerDialog)
#include "TestRunnerDialog.moc"
