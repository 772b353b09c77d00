#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialProfile.h"
#include "app/auth/ResolvedCredentials.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Playground;

class TestCredentialProfile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void patAsPostmanBearer();
    void oauthAsPostmanOAuth2();
    void postmanStylesMapToOurs();
    void otherAuthIsNoProfile();
    void resolveFillsDefaults();
    void resolveNamesMissingVariables();
    void secretNamesAndEnvironmentVariables();
};

void TestCredentialProfile::patAsPostmanBearer()
{
    const CredentialProfile pat = CredentialProfile::personalAccessToken(
        "digishareToken", QUrl("https://api.digishare.ma/v1"));
    const AuthSpec auth = pat.toAuthSpec();
    QCOMPARE(auth.type, QString("bearer"));
    QCOMPARE(auth.param("token"), QString("{{digishareToken}}"));
    QCOMPARE(auth.param(QLatin1String(CredentialProfile::AllowedOriginsParam)),
        QString("https://api.digishare.ma:443"));
    const auto back = CredentialProfile::fromAuthSpec(auth);
    QVERIFY(back);
    QCOMPARE(back->kind, CredentialProfile::Kind::PersonalAccessToken);
    QCOMPARE(back->allowedOrigins, QStringList { "https://api.digishare.ma:443" });
    QCOMPARE(back->secretVariables(), QStringList { "digishareToken" });
}

void TestCredentialProfile::oauthAsPostmanOAuth2()
{
    CredentialProfile p = CredentialProfile::clientCredentials("my-client", "clientSecret");
    p.scope = "campaigns:read";
    p.clientAuth = ClientAuthStyle::HttpBasic;
    // Through the file and back, as newman and Postman would read it.
    Collection c;
    c.name = "x";
    c.postmanId = "id-1";
    c.auth = p.toAuthSpec();
    const QJsonObject json = PostmanWriter::collectionJson(c);
    const QJsonObject auth = json.value("auth").toObject();
    QCOMPARE(auth.value("type").toString(), QString("oauth2"));
    QHash<QString, QString> params;
    for (const QJsonValue &v : auth.value("oauth2").toArray())
        params.insert(v.toObject().value("key").toString(), v.toObject().value("value").toString());
    QCOMPARE(params.value("grant_type"), QString("client_credentials"));
    QCOMPARE(params.value("accessTokenUrl"), QString("https://api.digishare.ma/v1/oauth/token"));
    QCOMPARE(params.value("clientId"), QString("my-client"));
    QCOMPARE(params.value("clientSecret"), QString("{{clientSecret}}"));
    QCOMPARE(params.value("client_authentication"), QString("header"));
    QCOMPARE(params.value("scope"), QString("campaigns:read"));

    const Result<Collection> read = PostmanReader::readCollection(json, "memory");
    QVERIFY2(read.ok(), qPrintable(read.error()));
    const auto back = CredentialProfile::fromAuthSpec(*read->auth);
    QVERIFY(back);
    QCOMPARE(back->kind, CredentialProfile::Kind::ClientCredentials);
    QCOMPARE(back->clientId, QString("my-client"));
    QCOMPARE(back->clientSecret, QString("{{clientSecret}}"));
    QCOMPARE(back->scope, QString("campaigns:read"));
    QCOMPARE(back->clientAuth, ClientAuthStyle::HttpBasic);
    QCOMPARE(back->secretVariables(), QStringList { "clientSecret" });
}

void TestCredentialProfile::postmanStylesMapToOurs()
{
    AuthSpec auth;
    auth.type = "oauth2";
    auth.setParam("grant_type", "client_credentials");
    auth.setParam("client_authentication", "body");
    QCOMPARE(CredentialProfile::fromAuthSpec(auth)->clientAuth, ClientAuthStyle::FormBody);
    QCOMPARE(CredentialProfile::fromAuthSpec(auth)->tokenUrl,
        QString(QLatin1String(CredentialProfile::DefaultTokenUrl)));
    auth.setParam(QLatin1String(CredentialProfile::ClientAuthParam), "json");
    QCOMPARE(CredentialProfile::fromAuthSpec(auth)->clientAuth, ClientAuthStyle::JsonBody);
    auth.params.clear();
    auth.setParam("grant_type", "client_credentials");
    QCOMPARE(CredentialProfile::fromAuthSpec(auth)->clientAuth, ClientAuthStyle::JsonBody);
}

void TestCredentialProfile::otherAuthIsNoProfile()
{
    AuthSpec auth;
    auth.type = "basic";
    QVERIFY(!CredentialProfile::fromAuthSpec(auth));
    auth.type = "oauth2";
    auth.setParam("grant_type", "authorization_code");
    QVERIFY(!CredentialProfile::fromAuthSpec(auth));
}

void TestCredentialProfile::resolveFillsDefaults()
{
    CredentialProfile p
        = CredentialProfile::clientCredentials("{{clientId}}", "secret", "{{base}}/v1/oauth/token");
    VariableScopes scopes;
    scopes.set("clientId", "id");
    scopes.set("secret", "s3cret");
    scopes.set("base", "https://API.example.com");
    const Result<ResolvedCredentials> r = ResolvedCredentials::resolve(p, scopes);
    QVERIFY2(r.ok(), qPrintable(r.error()));
    QCOMPARE(r->tokenRequest.tokenUrl, QUrl("https://API.example.com/v1/oauth/token"));
    QCOMPARE(r->tokenRequest.clientId, QString("id"));
    QCOMPARE(r->allowedOrigins, QStringList { "https://api.example.com:443" });
    QVERIFY(r->secretValues.contains("s3cret"));
}

void TestCredentialProfile::resolveNamesMissingVariables()
{
    const CredentialProfile pat = CredentialProfile::personalAccessToken("token");
    const Result<ResolvedCredentials> r = ResolvedCredentials::resolve(pat, VariableScopes());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains("token"), qPrintable(r.error()));
    VariableScopes scopes;
    scopes.set("token", "a\r\nb");
    QVERIFY(!ResolvedCredentials::resolve(pat, scopes).ok());
}

void TestCredentialProfile::secretNamesAndEnvironmentVariables()
{
    Collection c;
    c.auth = CredentialProfile::personalAccessToken("pat").toAuthSpec();
    CollectionItem folder;
    folder.isFolder = true;
    folder.auth = CredentialProfile::clientCredentials("id", "client-secret").toAuthSpec();
    CollectionItem request;
    request.request.url = UrlSpec::fromRaw("https://x/");
    folder.children.append(request);
    c.items.append(folder);
    Variable v;
    v.key = "apiKey";
    v.type = "secret";
    c.variables.append(v);
    QCOMPARE(CollectionSecrets::allNames(c), (QStringList { "pat", "client-secret", "apiKey" }));
    // The one request inherits the folder's OAuth profile, not the collection's PAT.
    QCOMPARE(CollectionSecrets::namesFor(c, flattenRequests(c.items)),
        (QStringList { "client-secret", "apiKey" }));
    QCOMPARE(CollectionSecrets::environmentVariable("client-secret"),
        QString("PLAYGROUND_VAR_client_secret"));
    QCOMPARE(CollectionSecrets::environmentVariable("token"), QString("PLAYGROUND_VAR_token"));
}

QTEST_GUILESS_MAIN(TestCredentialProfile)
#include "TestCredentialProfile.moc"
