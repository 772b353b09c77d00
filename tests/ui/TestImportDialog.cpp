// File › Import… used as a user would: a curl command pasted from a browser, a .http file chosen,
// an OpenAPI document dropped on the dialog, a file that is none of these. Each import becomes a
// new unsaved collection in the sidebar beside those open; what could not be carried over stays
// listed in the dialog; a failure changes nothing and keeps the pasted text; a credential in the
// pasted command goes to the keychain on save, never into the file.
#include "app/document/CollectionDocument.h"
#include "app/model/CollectionTreeModel.h"
#include "app/secrets/MemorySecretStore.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/CollectionWorkspace.h"
#include "ui/ImportDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Playground;
using Test::find;
using Test::writeFile;

class TestImportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void aPastedCurlCommandBecomesACollection();
    void aChosenHttpFileAndADroppedOpenApiFile();
    void whatCannotBeImportedChangesNothing();
    void filesDroppedOnTheWindow();
    void closingTheDialogDuringAnImportTakesNothing();
};

namespace {

/** A window shown on screen, its secrets in memory. */
struct Shown {
    Shown()
    {
        window.show();
        exposed = QTest::qWaitForWindowExposed(&window);
    }
    MemorySecretStore store;
    MainWindow window { &store };
    bool exposed = false;
};

/** The window's File › Import… dialog, opened from its menu action. */
ImportDialog *openDialog(MainWindow &window)
{
    window.findChild<QAction *>(QStringLiteral("importAction"))->trigger();
    for (auto *dialog : window.findChildren<ImportDialog *>()) {
        if (dialog->isVisible())
            return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }
    return nullptr;
}

QStringList requestNames(const Collection &collection)
{
    QStringList names;
    for (const RequestPath &path : flattenRequests(collection.items))
        names.append(path.item->name);
    return names;
}

} // namespace

void TestImportDialog::aPastedCurlCommandBecomesACollection()
{
    QTemporaryDir dir;
    Shown shown;
    QVERIFY(shown.exposed);
    MainWindow &window = shown.window;
    MemorySecretStore &store = shown.store;
    window.newCollection(); // one open already: the import goes beside it
    QCOMPARE(window.workspaces().size(), 1);

    ImportDialog *dialog = openDialog(window);
    QVERIFY(dialog);
    auto *paste = find<QPlainTextEdit>(dialog, "importPastePlainTextEdit");
    auto *importButton = find<QPushButton>(dialog, "importButton");
    QVERIFY(!importButton->isEnabled()); // nothing to import yet
    // As Chrome copies it, with a token and -k (which is imported with checks on, and said).
    QTest::keyClicks(paste,
        "curl 'https://api.example.com/v1/orders?page=2' -H 'Authorization: Bearer "
        "tok-3f9a81c2e7' -H 'Content-Type: application/json' --data-raw '{\"item\":42}' -k");
    QVERIFY(importButton->isEnabled());
    QSignalSpy finished(dialog, &ImportDialog::importEnded);
    QTest::mouseClick(importButton, Qt::LeftButton);
    QVERIFY(finished.wait(10'000));

    // A second collection, in front, not saved yet, with the request as the command sends it.
    QCOMPARE(window.workspaces().size(), 2);
    CollectionWorkspace *imported = window.currentWorkspace();
    QCOMPARE(imported, window.workspaces().at(1));
    QVERIFY(imported->isModified());
    const Collection &collection = imported->model()->collection();
    QCOMPARE(requestNames(collection).size(), 1);
    const RequestSpec &request = flattenRequests(collection.items).first().item->request;
    QCOMPARE(request.method, QStringLiteral("POST"));
    QCOMPARE(request.body.raw, QStringLiteral("{\"item\":42}"));
    // And on screen: the imported request is open in a tab.
    QCOMPARE(find<QLineEdit>(&window, "urlLineEdit")->text(),
        QStringLiteral("https://api.example.com/v1/orders?page=2"));
    // What could not be carried over (-k) stays listed in the dialog.
    QVERIFY(dialog->isVisible());
    auto *report = find<QPlainTextEdit>(dialog, "importReportPlainTextEdit");
    QVERIFY(report->isVisible());
    QVERIFY2(
        report->toPlainText().contains(QLatin1String("-k")), qPrintable(report->toPlainText()));
    QVERIFY(find<QLabel>(dialog, "importStatusLabel")
                ->text()
                .contains(QLatin1String("Imported 1 request from pasted text into")));

    // Saved: the token is in the keychain, not in the file.
    const QString path = dir.filePath(QStringLiteral("orders.postman_collection.json"));
    window.saveCollectionAs(path);
    QTRY_VERIFY(!imported->isModified());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray onDisk = file.readAll();
    QVERIFY(onDisk.contains("api.example.com/v1/orders"));
    QVERIFY2(!onDisk.contains("tok-3f9a81c2e7"), onDisk.constData());
    QVERIFY(store.persistentValues().values().contains(QStringLiteral("tok-3f9a81c2e7")));
}

void TestImportDialog::aChosenHttpFileAndADroppedOpenApiFile()
{
    QTemporaryDir dir;
    const QString http = writeFile(dir, QStringLiteral("health checks.http"),
        "@host = https://status.example.com\n\n"
        "### Ping\nGET {{host}}/ping\n\n"
        "### Report\nPOST {{host}}/report\nContent-Type: application/json\n\n{\"ok\": true}\n");
    const QString openapi = writeFile(dir, QStringLiteral("pets.yaml"),
        "openapi: 3.0.3\ninfo: {title: Pet Store, version: '1'}\n"
        "servers: [{url: 'https://pets.example.com/v2'}]\n"
        "paths:\n"
        "  /pets:\n"
        "    get: {summary: List pets, tags: [pets], responses: {'200': {description: ok}}}\n"
        "  /pets/{petId}:\n"
        "    get:\n"
        "      summary: Show a pet\n"
        "      tags: [pets]\n"
        "      parameters: [{name: petId, in: path, required: true, schema: {type: string}}]\n"
        "      responses: {'200': {description: ok}}\n");
    Shown shown;
    QVERIFY(shown.exposed);
    MainWindow &window = shown.window;

    // Chosen: the import starts at once; with nothing left out the dialog closes itself.
    ImportDialog *dialog = openDialog(window);
    QVERIFY(dialog);
    QPointer<ImportDialog> guard(dialog);
    dialog->setFileChooser([http] { return http; });
    QSignalSpy finished(dialog, &ImportDialog::importEnded);
    QTest::mouseClick(find<QPushButton>(dialog, "importChooseFileButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10'000));
    QTRY_VERIFY(!guard); // closed, and gone
    QCOMPARE(window.workspaces().size(), 1); // the blank sidebar took it
    const Collection &fromHttp = window.currentWorkspace()->model()->collection();
    QCOMPARE(fromHttp.name, QStringLiteral("health checks"));
    QCOMPARE(requestNames(fromHttp), (QStringList { QStringLiteral("Ping"), "Report" }));

    // Dropped on the dialog: the OpenAPI document, one request per operation in a folder by tag.
    dialog = openDialog(window);
    QVERIFY(dialog);
    QSignalSpy finishedAgain(dialog, &ImportDialog::importEnded);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(openapi) });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(dialog, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(dialog, &drop);
    QVERIFY(finishedAgain.wait(10'000));
    QCOMPARE(window.workspaces().size(), 2);
    const Collection &pets = window.currentWorkspace()->model()->collection();
    QCOMPARE(pets.name, QStringLiteral("Pet Store"));
    QCOMPARE(pets.items.size(), 1);
    QCOMPARE(pets.items.first().name, QStringLiteral("pets"));
    QCOMPARE(requestNames(pets), (QStringList { QStringLiteral("List pets"), "Show a pet" }));
    // The tree shows it.
    QTRY_VERIFY(window.currentWorkspace()->model()->rowCount() == 1);
}

void TestImportDialog::whatCannotBeImportedChangesNothing()
{
    QTemporaryDir dir;
    Shown shown;
    QVERIFY(shown.exposed);
    MainWindow &window = shown.window;
    window.newCollection();

    ImportDialog *dialog = openDialog(window);
    QVERIFY(dialog);
    auto *paste = find<QPlainTextEdit>(dialog, "importPastePlainTextEdit");
    auto *status = find<QLabel>(dialog, "importStatusLabel");
    // Text that is no format: said, the text kept for fixing.
    const QString typed = QStringLiteral("please call the orders endpoint");
    paste->setPlainText(typed);
    QSignalSpy finished(dialog, &ImportDialog::importEnded);
    QTest::mouseClick(find<QPushButton>(dialog, "importButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10'000));
    QVERIFY2(
        status->text().contains(QLatin1String("Nothing was imported")), qPrintable(status->text()));
    QCOMPARE(paste->toPlainText(), typed);
    QCOMPARE(window.workspaces().size(), 1);

    // An unclosed quote in a curl command: the line is named.
    paste->setPlainText(QStringLiteral("curl https://example.com \\\n  -d 'open"));
    QTest::mouseClick(find<QPushButton>(dialog, "importButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10'000));
    QVERIFY2(status->text().contains(QLatin1String("pasted text:2")), qPrintable(status->text()));
    QCOMPARE(window.workspaces().size(), 1);

    // A file that is not there, and a broken collection file: named, nothing opened.
    dialog->setFileChooser([&dir] { return dir.filePath(QStringLiteral("gone.json")); });
    QTest::mouseClick(find<QPushButton>(dialog, "importChooseFileButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10'000));
    QVERIFY2(status->text().contains(QLatin1String("gone.json")), qPrintable(status->text()));
    const QString broken = writeFile(
        dir, QStringLiteral("broken.json"), "{\n  \"info\": {\"name\": \"x\"},\n  \"item\": [\n");
    dialog->importFile(broken);
    QVERIFY(finished.wait(10'000));
    QVERIFY2(status->text().contains(QLatin1String("broken.json")), qPrintable(status->text()));
    QCOMPARE(window.workspaces().size(), 1);
    QVERIFY(dialog->isVisible());
}

void TestImportDialog::filesDroppedOnTheWindow()
{
    // From a file manager: a Postman collection opens as itself (saved back to its file), an
    // environment becomes the one sends use, a .http file is imported, anything else is said.
    QTemporaryDir dir;
    const QString collection = writeFile(dir, QStringLiteral("shop.json"), Test::ShopJson);
    const QString environment = writeFile(dir, QStringLiteral("stage.json"),
        R"({"name": "Stage", "values": [{"key": "host", "value": "stage.example", "enabled": true}]})");
    const QString http
        = writeFile(dir, QStringLiteral("ping.rest"), "GET https://status.example.com/ping\n");
    const QString notes = writeFile(dir, QStringLiteral("notes.txt"), "call Bob about the API\n");
    Shown shown;
    QVERIFY(shown.exposed);
    MainWindow &window = shown.window;
    QVERIFY(window.acceptDrops());

    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(collection), QUrl::fromLocalFile(environment),
        QUrl::fromLocalFile(http) });
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(&window, &drop);

    QTRY_COMPARE(window.workspaces().size(), 2);
    QCOMPARE(window.workspaces().at(0)->document()->path(), collection);
    QCOMPARE(
        find<QComboBox>(&window, "environmentComboBox")->currentText(), QStringLiteral("Stage"));
    const Collection &imported = window.workspaces().at(1)->model()->collection();
    QVERIFY(window.workspaces().at(1)->document()->path().isEmpty()); // a copy, unsaved
    QCOMPARE(imported.name, QStringLiteral("ping"));
    QCOMPARE(flattenRequests(imported.items).size(), 1);

    // A collection larger than what its kind is told from (its start) opens as itself too.
    const QString large = writeFile(dir, QStringLiteral("large.json"),
        R"({"info":{"name":"Large","description":")" + QByteArray(5 << 20, 'x')
            + R"("},"item":[{"name":"r","request":{"method":"GET","url":"https://x.test/"}}]})");
    window.openFile(large);
    QCOMPARE(window.workspaces().size(), 3);
    QCOMPARE(window.currentWorkspace()->document()->path(), large);

    // A text file that is no format: the banner says so, nothing opens.
    window.openFile(notes);
    auto *banner = find<QLabel>(&window, "errorBannerLabel");
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLatin1String("notes.txt")), qPrintable(banner->text()));
    QCOMPARE(window.workspaces().size(), 3);
}

void TestImportDialog::closingTheDialogDuringAnImportTakesNothing()
{
    // An OpenAPI document that takes a while (its order is kept through yaml-cpp): the dialog
    // closed while it is read; nothing opens, and the program ends cleanly afterwards.
    QTemporaryDir dir;
    QByteArray paths;
    for (int i = 0; i < 3000; ++i)
        paths += QByteArray(i ? "," : "") + "\"/r" + QByteArray::number(i)
            + "\":{\"get\":{\"summary\":\"op\",\"responses\":{}}}";
    const QString big = writeFile(dir, QStringLiteral("big.json"),
        R"({"openapi":"3.0.0","info":{"title":"Big","version":"1"},"paths":{)" + paths + "}}");
    Shown shown;
    QVERIFY(shown.exposed);
    MainWindow &window = shown.window;
    ImportDialog *dialog = openDialog(window);
    QVERIFY(dialog);
    QPointer<ImportDialog> guard(dialog);
    dialog->importFile(big);
    dialog->close(); // deleted on close
    QTRY_VERIFY(!guard);
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QVERIFY(window.workspaces().isEmpty() || window.currentWorkspace()->model()->rowCount() == 0);
}

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"
