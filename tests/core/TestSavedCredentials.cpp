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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    void everyPostmanAuthTypeKeepsItsSecretsOutOfTheFile_data();
    void everyPostmanAuthTypeKeepsItsSecretsOutOfTheFile();
    void oauthRequestParamsKeepTheirSecretsOutOfTheFile();

private:
    /** file written, opened as a document and saved back (secrets to store): the bytes saved. */
    void saveThroughDocument(const QJsonObject &file, MemorySecretStore *store, QByteArray *saved);
};

void TestSavedCredentials::saveThroughDocument(
    const QJsonObject &file, MemorySecretStore *store, QByteArray *saved)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.postman_collection.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(file).toJson());
    out.close();
    CollectionDocument document;
    const Status opened = document.open(path);
    QVERIFY2(opened, qPrintable(opened.error()));
    std::optional<CollectionDocument::SaveOutcome> outcome;
    document.save(path, store, [&](const CollectionDocument::SaveOutcome &o) { outcome = o; });
    QTRY_VERIFY(outcome.has_value());
    QVERIFY2(outcome->written, qPrintable(outcome->written.error()));
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    *saved = in.readAll();
}

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

void TestSavedCredentials::everyPostmanAuthTypeKeepsItsSecretsOutOfTheFile_data()
{
    // Postman's auth types with the fields it writes; the values ending in "-S3CRET" are secret.
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("fields"); // key=value
    QTest::newRow("oauth1") << "oauth1"
                            << QStringList { "consumerKey=ck-id", "consumerSecret=cs-1-S3CRET",
                                   "token=tok-1-S3CRET", "tokenSecret=ts-1-S3CRET",
                                   "verifier=v-1-S3CRET", "signatureMethod=HMAC-SHA1",
                                   "privateKey=pk-1-S3CRET" };
    QTest::newRow("jwt") << "jwt"
                         << QStringList { "algorithm=HS256", "secret=jwt-2-S3CRET",
                                "privateKey=jwt-pk-2-S3CRET", "payload={}" };
    QTest::newRow("edgegrid") << "edgegrid"
                              << QStringList { "accessToken=at-3-S3CRET", "clientToken=ct-3-S3CRET",
                                     "clientSecret=cs-3-S3CRET", "baseURL=https://akab.example" };
    QTest::newRow("asap") << "asap"
                          << QStringList { "kid=key-id", "privateKey=asap-4-S3CRET", "alg=RS256" };
    QTest::newRow("awsv4") << "awsv4"
                           << QStringList { "accessKey=AKIDEXAMPLE", "secretKey=aws-5-S3CRET",
                                  "sessionToken=st-5-S3CRET", "region=eu-west-1" };
    QTest::newRow("hawk") << "hawk"
                          << QStringList { "authId=hawk-id", "authKey=hk-6-S3CRET",
                                 "algorithm=sha256" };
    QTest::newRow("digest") << "digest"
                            << QStringList { "username=ann", "password=dg-7-S3CRET", "realm=shop" };
    QTest::newRow("ntlm") << "ntlm"
                          << QStringList { "username=ann", "password=nt-8-S3CRET", "domain=CORP" };
    QTest::newRow("oauth2") << "oauth2"
                            << QStringList { "accessToken=o2-9-S3CRET", "refreshToken=o2r-9-S3CRET",
                                   "clientSecret=o2c-9-S3CRET", "code_verifier=cv-9-S3CRET",
                                   "tokenType=Bearer", "addTokenTo=header" };
}

void TestSavedCredentials::everyPostmanAuthTypeKeepsItsSecretsOutOfTheFile()
{
    QFETCH(QString, type);
    QFETCH(QStringList, fields);
    QJsonArray params;
    QStringList secrets;
    for (const QString &field : fields) {
        const QString key = field.section(QLatin1Char('='), 0, 0);
        const QString value = field.section(QLatin1Char('='), 1);
        params.append(QJsonObject { { "key", key }, { "value", value }, { "type", "string" } });
        if (value.endsWith(QLatin1String("-S3CRET")))
            secrets.append(value);
    }
    // On the request and, as a folder's, inherited.
    const QJsonObject auth { { "type", type }, { type, params } };
    const QJsonObject request { { "name", "Call" },
        { "request",
            QJsonObject {
                { "method", "GET" }, { "url", "https://api.example/x" }, { "auth", auth } } } };
    const QJsonObject folder {
        { "name", "Folder" }, { "auth", auth },
        { "item",
            QJsonArray { QJsonObject { { "name", "Inner" },
                { "request",
                    QJsonObject { { "method", "GET" }, { "url", "https://api.example/y" } } } } } }
    };
    const QJsonObject file { { "info",
                                 QJsonObject { { "name", "Shop" },
                                     { "schema",
                                         "https://schema.getpostman.com/json/collection/v2.1.0/"
                                         "collection.json" } } },
        { "item", QJsonArray { request, folder } } };
    MemorySecretStore store;
    QByteArray bytes;
    saveThroughDocument(file, &store, &bytes);
    if (QTest::currentTestFailed())
        return;
    const QList<QString> stored = store.persistentValues().values();
    for (const QString &secret : std::as_const(secrets)) {
        QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret + " is in the file"));
        QVERIFY2(stored.contains(secret), qPrintable(secret + " is not in the keychain"));
    }
    // What is not secret stays readable in the file.
    for (const QString &field : std::as_const(fields)) {
        const QString value = field.section(QLatin1Char('='), 1);
        if (!secrets.contains(value))
            QVERIFY2(bytes.contains(value.toUtf8()), qPrintable(value + " left the file"));
    }
}

void TestSavedCredentials::oauthRequestParamsKeepTheirSecretsOutOfTheFile()
{
    // Postman's oauth2 auth carries extra rows for the token request: a client_secret or an
    // assertion typed there is a secret like the clientSecret field.
    const QJsonArray tokenParams {
        QJsonObject { { "key", "client_assertion" }, { "value", "assert-S3CRET-77" },
            { "enabled", true }, { "send_as", "request_body" } },
        QJsonObject { { "key", "audience" }, { "value", "https://api.example" } },
        QJsonObject { { "key", "max_age" }, { "value", 300 } },
    };
    const QJsonArray authParams { QJsonObject {
        { "key", "client_secret" }, { "value", "auth-S3CRET-88" }, { "send_as", "request_url" } } };
    const QJsonObject auth { { "type", "oauth2" },
        { "oauth2",
            QJsonArray { QJsonObject { { "key", "tokenRequestParams" }, { "value", tokenParams },
                             { "type", "any" } },
                QJsonObject {
                    { "key", "authRequestParams" }, { "value", authParams }, { "type", "any" } },
                QJsonObject { { "key", "grant_type" }, { "value", "client_credentials" },
                    { "type", "string" } } } } };
    const QJsonObject file { { "info", QJsonObject { { "name", "Shop" } } }, { "auth", auth },
        { "item",
            QJsonArray { QJsonObject { { "name", "Call" },
                { "request",
                    QJsonObject { { "method", "GET" }, { "url", "https://api.example/x" },
                        { "auth", auth } } } } } } };
    MemorySecretStore store;
    QByteArray bytes;
    saveThroughDocument(file, &store, &bytes);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!bytes.contains("S3CRET"), bytes.constData());
    const QList<QString> stored = store.persistentValues().values();
    QVERIFY(stored.contains(QStringLiteral("assert-S3CRET-77")));
    QVERIFY(stored.contains(QStringLiteral("auth-S3CRET-88")));
    // The other rows are kept as they were, numbers too.
    QVERIFY(bytes.contains("https://api.example\""));
    QVERIFY2(bytes.contains("\"value\": 300"), bytes.constData());
    QVERIFY(bytes.contains("\"send_as\": \"request_body\""));
}

QTEST_GUILESS_MAIN(TestSavedCredentials)
#include "TestSavedCredentials.moc"
