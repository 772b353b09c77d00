// A credential pasted as text (a curl command's -u, Bearer token, API-key header, access_token
// query value) and saved into a collection: the file on disk never holds it, the keychain does,
// and the request read back from the file still sends it.
#include "app/auth/CollectionSecrets.h"
#include "app/document/CollectionDocument.h"
#include "app/document/CollectionEdits.h"
#include "app/document/InsertItemsCommand.h"
#include "app/formats/CurlImporter.h"
#include "app/formats/JsonFile.h"
#include "app/formats/PostmanReader.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/send/SendService.h"
#include "app/send/SendSession.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;
using Playground::Test::TestServer;

class TestSavedCredentials : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pastedSecretGoesToTheKeychain_data();
    void pastedSecretGoesToTheKeychain();
};

void TestSavedCredentials::pastedSecretGoesToTheKeychain_data()
{
    QTest::addColumn<QString>("command"); // {BASE}: the test server
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("onTheWire"); // where the request read back must carry it

    QTest::newRow("-u user:pass") << "curl -u 'ann:pa55-w0rd-secret' {BASE}/echo/me"
                                  << QByteArray("pa55-w0rd-secret")
                                  << QByteArray("Authorization: Basic "
                                         + QByteArray("ann:pa55-w0rd-secret").toBase64());
    QTest::newRow("Authorization: Bearer")
        << "curl {BASE}/echo/me -H 'Authorization: Bearer xyz-tok-from-customer'"
        << QByteArray("xyz-tok-from-customer")
        << QByteArray("Authorization: Bearer xyz-tok-from-customer");
    QTest::newRow("X-Api-Key header")
        << "curl -H 'X-Api-Key: key-abc-456-secret' -H 'Accept: text/plain' {BASE}/echo/me"
        << QByteArray("key-abc-456-secret") << QByteArray("X-Api-Key: key-abc-456-secret");
    QTest::newRow("access_token in the URL")
        << "curl '{BASE}/echo/me?page=2&access_token=qtok-789-secret'"
        << QByteArray("qtok-789-secret") << QByteArray("access_token=qtok-789-secret");
    // The docs' token request, pasted as the docs write it: the client secret in a JSON body.
    QTest::newRow("client_secret in a JSON body")
        << "curl {BASE}/echo/me -H 'Content-Type: application/json' --data-raw "
           "'{\"grant_type\": \"client_credentials\", \"client_id\": \"id-1\", "
           "\"client_secret\": \"cs-json-s3cret-77\"}'"
        << QByteArray("cs-json-s3cret-77")
        << QByteArray("\"client_secret\": \"cs-json-s3cret-77\"}");
    QTest::newRow("user:password@ in the URL")
        << "curl '{AUTHBASE}/echo/me'" << QByteArray("url-pa55-s3cret")
        << QByteArray("Authorization: Basic " + QByteArray("ann:url-pa55-s3cret").toBase64());
    QTest::newRow("password nested in a JSON body")
        << "curl {BASE}/echo/me --json '{\"user\": {\"name\": \"ann\", "
           "\"password\":\"nested-pw-9\"}}'"
        << QByteArray("nested-pw-9")
        << QByteArray("{\"name\": \"ann\", \"password\":\"nested-pw-9\"}}");
}

void TestSavedCredentials::pastedSecretGoesToTheKeychain()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, onTheWire);
    TestServer server;
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.postman_collection.json"));
    const Result<ImportedRequest> pasted
        = CurlImporter::parse(command
                                  .replace(QStringLiteral("{AUTHBASE}"),
                                      server.baseUrl().replace(QStringLiteral("://"),
                                          QStringLiteral("://ann:url-pa55-s3cret@")))
                                  .replace(QStringLiteral("{BASE}"), server.baseUrl()));
    QVERIFY2(pasted, qPrintable(pasted.error()));

    // Saved into a collection that has no baseUrl (the pasted command names its own host).
    MemorySecretStore store;
    CollectionDocument document;
    Collection shop;
    shop.name = QStringLiteral("Shop");
    document.load(shop);
    document.submit(CollectionEdits::addRequest(document.collection(), {}, pasted->request));
    std::optional<CollectionDocument::SaveOutcome> outcome;
    document.save(path, &store, [&](const CollectionDocument::SaveOutcome &o) { outcome = o; });
    QTRY_VERIFY(outcome.has_value());
    QVERIFY2(outcome->written, qPrintable(outcome->written.error()));
    QVERIFY2(outcome->notPersisted.isEmpty(), qPrintable(outcome->notPersisted.join(", ")));

    // The file: no secret; the keychain: the secret.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(!bytes.contains(secret), bytes.constData());
    QVERIFY(bytes.contains(server.baseUrl().toUtf8()));
    const QList<QString> stored = store.persistentValues().values();
    QVERIFY2(stored.contains(QString::fromUtf8(secret)),
        qPrintable(QStringList(stored.begin(), stored.end()).join(", ")));

    // Opened again (a new session: nothing in memory but the keychain) and sent.
    const Result<QJsonObject> json = JsonFile::readObject(path);
    QVERIFY(json);
    const Result<Collection> reopened = PostmanReader::readCollection(json.value(), path);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    const QList<RequestPath> paths = flattenRequests(reopened->items);
    QCOMPARE(paths.size(), 1);
    SendService service(&store);
    QObject context;
    SendSession *session = nullptr;
    QString problem;
    bool ready = false;
    service.prepare(paths.first().item->request, paths.first(), &reopened.value(), nullptr, true,
        SendOptions {}, &context, [&](SendSession *s, const QString &p) {
            session = s;
            problem = p;
            ready = true;
        });
    QTRY_VERIFY(ready);
    QVERIFY2(session, qPrintable(problem));
    QSignalSpy finished(session, &SendSession::finished);
    session->start();
    QVERIFY(finished.wait(10000));
    QVERIFY2(
        session->exchange().failure == FailureKind::None, qPrintable(session->exchange().error));
    QCOMPARE(server.requests().size(), 1);
    const QByteArray raw = server.requests().constFirst().raw;
    QVERIFY2(raw.contains(onTheWire), raw.constData());
}

QTEST_GUILESS_MAIN(TestSavedCredentials)
#include "TestSavedCredentials.moc"
