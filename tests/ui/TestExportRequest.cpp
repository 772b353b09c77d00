// Export request… and the Request menu's exports: what leaves the app is the request as sent,
// secrets only when asked for, and exactly what the preview showed.
#include "app/auth/CollectionSecrets.h"
#include "app/formats/PostmanReader.h"
#include "app/secrets/MemorySecretStore.h"
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/ExportActions.h"
#include "ui/ExportRequestDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace Playground;

class TestExportRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void curlHoldsSecretsOnlyWhenAsked();
    void httpAndSave();
    void menuCopiesCurlAndSavesHar();
    void harMasksASecretTheServerEchoed();
};

// After the class: moc misreads the raw string literal below.
namespace {

const char *const Json = R"({
  "info": {"_postman_id": "export-test", "name": "Shop",
           "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "variable": [{"key": "baseUrl", "value": "http://127.0.0.1:9/v1"},
               {"key": "apiToken", "value": "", "type": "secret"}],
  "item": [{"name": "Folder", "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{apiToken}}"}]},
            "variable": [{"key": "page", "value": "2"}],
            "item": [{"name": "List items", "request": {"method": "POST",
              "url": {"raw": "{{baseUrl}}/items?page={{page}}"},
              "header": [{"key": "X-Env", "value": "{{envValue}}"}],
              "body": {"mode": "raw", "raw": "{\"q\": \"it\u0027s\"}",
                       "options": {"raw": {"language": "json"}}}}}]}]
})";

Collection shop()
{
    return PostmanReader::readCollection(QJsonDocument::fromJson(Json).object(), QString()).value();
}

Environment local()
{
    Environment env;
    env.name = QStringLiteral("Local");
    env.values = { Variable { QStringLiteral("envValue"), QStringLiteral("from-env") } };
    return env;
}

} // namespace

void TestExportRequest::curlHoldsSecretsOnlyWhenAsked()
{
    const Collection collection = shop();
    const Environment env = local();
    MemorySecretStore store;
    const QString key = CollectionSecrets::keyFor(collection, QStringLiteral("apiToken")).value();
    store.write(key, QStringLiteral("s3cret-value"), &store, [](const SecretResult &) {});
    QVERIFY(store.waitForPendingWrites(5000));

    const RequestPath path = flattenRequests(collection.items).first();
    ExportRequestDialog dialog(ExportSource(&collection, path, &env), &store);
    dialog.show();
    const QString plain = dialog.text();
    QVERIFY2(plain.startsWith(QLatin1String("curl ")), qPrintable(plain));
    QVERIFY(plain.contains(QLatin1String("'http://127.0.0.1:9/v1/items?page=2'")));
    QVERIFY(plain.contains(QLatin1String("'Authorization: Bearer <apiToken>'")));
    QVERIFY(plain.contains(QLatin1String("'X-Env: from-env'")));
    QVERIFY(plain.contains(QLatin1String("--data-raw '{\"q\": \"it'\\''s\"}'")));
    QVERIFY(!plain.contains(QLatin1String("s3cret")));
    auto *warning = Test::find<QLabel>(&dialog, "exportSecretsWarningLabel");
    QVERIFY(!warning->isVisible());

    QSignalSpy updated(&dialog, &ExportRequestDialog::textUpdated);
    Test::find<QCheckBox>(&dialog, "exportIncludeSecretsCheckBox")->setChecked(true);
    QTRY_VERIFY(dialog.text().contains(QLatin1String("'Authorization: Bearer s3cret-value'")));
    QVERIFY(warning->isVisible());
    // A command with secrets is copied as a password: clipboard managers do not keep it.
    Test::find<QPushButton>(&dialog, "exportCopyButton")->click();
    QCOMPARE(QApplication::clipboard()->text(), dialog.text());
    QCOMPARE(
        QApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
        QByteArray("secret"));
    Test::find<QCheckBox>(&dialog, "exportIncludeSecretsCheckBox")->setChecked(false);
    QVERIFY(!dialog.text().contains(QLatin1String("s3cret")));

    Test::find<QPushButton>(&dialog, "exportCopyButton")->click();
    QCOMPARE(QApplication::clipboard()->text(), dialog.text());
    QVERIFY(!QApplication::clipboard()->mimeData()->hasFormat(
        QStringLiteral("x-kde-passwordManagerHint")));
}

void TestExportRequest::httpAndSave()
{
    const Collection collection = shop();
    const Environment env = local();
    const RequestPath path = flattenRequests(collection.items).first();
    ExportRequestDialog dialog(ExportSource(&collection, path, &env), nullptr);
    auto *format = Test::find<QComboBox>(&dialog, "exportFormatComboBox");
    format->setCurrentIndex(1);
    const QString http = dialog.text();
    QVERIFY2(http.contains(QLatin1String("### List items")), qPrintable(http));
    QVERIFY(http.contains(QLatin1String("POST {{baseUrl}}/items?page={{page}}")));
    QVERIFY(http.contains(QLatin1String("@page = 2"))); // the folder's variable carried up
    QVERIFY(http.contains(QLatin1String("@envValue = from-env")));
    QVERIFY(http.contains(QLatin1String("Authorization: Bearer {{apiToken}}"))); // inherited auth
    QVERIFY(!Test::find<QCheckBox>(&dialog, "exportIncludeSecretsCheckBox")->isEnabled());

    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("out.http"));
    QString suggested;
    dialog.setFileChooser([&](const QString &name) {
        suggested = name;
        return target;
    });
    Test::find<QPushButton>(&dialog, "exportSaveButton")->click();
    QCOMPARE(suggested, QStringLiteral("List items.http"));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), http);
}

void TestExportRequest::menuCopiesCurlAndSavesHar()
{
    const Collection collection = shop();
    const RequestPath path = flattenRequests(collection.items).first();
    Exchange exchange;
    QStringList secrets;
    QWidget window;
    ExportActions actions(
        &window, nullptr, [&] { return ExportSource(&collection, path, nullptr); },
        [&] {
            return ExportActions::ShownExchange { exchange, secrets };
        });
    QSignalSpy said(&actions, &ExportActions::message);
    QAction *copy = window.findChild<QAction *>(QStringLiteral("copyAsCurlAction"));
    QVERIFY(copy);
    copy->trigger();
    QVERIFY(QApplication::clipboard()->text().contains(QLatin1String("Bearer <apiToken>")));
    QVERIFY(said.last().first().toString().contains(QLatin1String("<envValue>"))); // no value

    // No response yet: nothing to save, and it says so.
    QAction *har = window.findChild<QAction *>(QStringLiteral("saveHarAction"));
    har->trigger();
    QVERIFY(said.last().first().toString().contains(QLatin1String("Send the request first")));

    exchange.method = "GET";
    exchange.url = QStringLiteral("http://127.0.0.1:9/v1/items");
    exchange.requestHeaders = { { "Authorization", "Bearer <redacted>" } };
    exchange.status = 200;
    exchange.reason = "OK";
    exchange.responseHeaders = { { "Content-Type", "application/json" } };
    exchange.body = "{\"ok\":true}";
    exchange.bodySize = exchange.body.size();
    exchange.timings.total = 12;
    QTemporaryDir dir;
    actions.setFileChooser([&](const QString &) { return dir.filePath(QStringLiteral("x.har")); });
    har->trigger();
    QFile file(dir.filePath(QStringLiteral("x.har")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject entry
        = QJsonDocument::fromJson(file.readAll())["log"]["entries"][0].toObject();
    QCOMPARE(entry["request"]["method"].toString(), QStringLiteral("GET"));
    QCOMPARE(entry["response"]["status"].toInt(), 200);
    QCOMPARE(entry["response"]["content"]["text"].toString(), QStringLiteral("{\"ok\":true}"));

    // A body that is not text goes into the HAR as base64: the secret echoed in it is masked
    // before it is encoded.
    secrets = { QStringLiteral("s3cret-in-binary") };
    exchange.body = QByteArray("\xff\xfe Authorization: Bearer s3cret-in-binary \x80");
    exchange.bodySize = exchange.body.size();
    file.close();
    har->trigger();
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject content
        = QJsonDocument::fromJson(file.readAll())["log"]["entries"][0]["response"]["content"]
              .toObject();
    QCOMPARE(content["encoding"].toString(), QStringLiteral("base64"));
    const QByteArray decoded = QByteArray::fromBase64(content["text"].toString().toLatin1());
    QVERIFY2(decoded.contains("Bearer ***"), decoded.constData());
    QVERIFY(!decoded.contains("s3cret"));
}

void TestExportRequest::harMasksASecretTheServerEchoed()
{
    // The test server's /echo answers with the request it got, Authorization included: the token
    // from the keychain comes back in the response body.
    QStandardPaths::setTestModeEnabled(true);
    Test::TestServer server;
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QByteArray json
        = QStringLiteral("{\"info\":{\"name\":\"Echo\",\"_postman_id\":\"c-echo\"},"
                         "\"auth\":{\"type\":\"bearer\",\"bearer\":[{\"key\":\"token\",\"value\":"
                         "\"{{pat}}\"}]},\"variable\":[{\"key\":\"baseUrl\",\"value\":\"%1\"}],"
                         "\"item\":[{\"name\":\"Echo me\",\"request\":{\"method\":\"GET\","
                         "\"url\":\"{{baseUrl}}/echo/me\"}}]}")
              .arg(server.baseUrl())
              .toUtf8();
    const QString path = Test::writeFile(dir, QStringLiteral("echo.json"), json);
    const Result<Collection> parsed = PostmanReader::readCollectionFile(path);
    QVERIFY(parsed.ok());
    MemorySecretStore store;
    store.write(CollectionSecrets::keyFor(parsed.value(), QStringLiteral("pat")).value(),
        QStringLiteral("echoed-pat-5150"), &store, [](const SecretResult &) {});
    QVERIFY(store.waitForPendingWrites(5000));

    MainWindow window(&store);
    window.show();
    window.openCollection(path);
    auto *tree = Test::find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(tree->model()->index(0, 0));
    QTest::mouseClick(Test::find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 1);
    QVERIFY(server.requests().first().raw.contains("Bearer echoed-pat-5150"));
    auto *status = Test::find<QLabel>(&window, "statusLabel");
    QTRY_VERIFY(status->text().contains(QLatin1String("200")));

    auto *exports = window.findChild<ExportActions *>();
    QVERIFY(exports);
    const QString target = dir.filePath(QStringLiteral("echo.har"));
    exports->setFileChooser([&](const QString &) { return target; });
    window.findChild<QAction *>(QStringLiteral("saveHarAction"))->trigger();
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray har = file.readAll();
    const QString body
        = QJsonDocument::fromJson(har)["log"]["entries"][0]["response"]["content"]["text"]
              .toString();
    // The echo is there, the token in it is not.
    QVERIFY2(body.contains(QLatin1String("/echo/me")), qPrintable(body));
    QVERIFY2(!har.contains("echoed-pat-5150"), har.constData());
}

QTEST_MAIN(TestExportRequest)
#include "TestExportRequest.moc"
