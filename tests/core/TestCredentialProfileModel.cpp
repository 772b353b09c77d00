#include "app/auth/CredentialProfileModel.h"
#include "app/document/CollectionDocument.h"

#include <QSignalSpy>
#include <QTest>

using namespace Playground;

namespace {

AuthSpec basicAuth()
{
    AuthSpec auth;
    auth.type = "basic";
    auth.setParam("username", "me");
    return auth;
}

/** Collection (PAT) > Campaigns folder (OAuth) > List (inherits), Create (basic); Ping (literal
 * bearer). */
Collection sample()
{
    Collection c;
    c.name = "Digishare";
    c.postmanId = "col-1";
    c.variables.append(Variable { "baseUrl", "https://api.digishare.ma/v1" });
    c.auth = CredentialProfile::personalAccessToken("digishareToken").toAuthSpec();

    CollectionItem folder;
    folder.isFolder = true;
    folder.name = "Campaigns";
    CredentialProfile oauth = CredentialProfile::clientCredentials(
        "client-1", "clientSecret", "{{baseUrl}}/oauth/token");
    oauth.scope = "campaigns:read";
    folder.auth = oauth.toAuthSpec();
    CollectionItem list;
    list.name = "List";
    CollectionItem create;
    create.name = "Create";
    create.request.auth = basicAuth();
    folder.children = { list, create };

    CollectionItem ping;
    ping.name = "Ping";
    AuthSpec literal;
    literal.type = "bearer";
    literal.setParam("token", "plain-token-in-file");
    ping.request.auth = literal;
    c.items = { folder, ping };
    return c;
}

} // namespace

class TestCredentialProfileModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsProfilesWithWhereTheyApply();
    void freeLocationsNeverReplaceOtherAuth();
    void addWritesPostmanAuth();
    void editWritesBackAndSignals();
    void removeLetsTheRequestInherit();
    void uniqueVariableNames();
    void cachedTokenRequestResolvesVariables();
};

void TestCredentialProfileModel::listsProfilesWithWhereTheyApply()
{
    CollectionDocument doc;
    doc.load(sample());
    CredentialProfileModel model;
    QCOMPARE(model.rowCount(), 0);
    model.setDocument(&doc);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.location(0).label, QString("Whole collection"));
    QCOMPARE(model.location(1).label, QString("Folder: Campaigns"));
    QCOMPARE(model.location(2).label, QString("Request: Ping"));
    QCOMPARE(model.location(1).path, QList<int> { 0 });
    QCOMPARE(model.data(model.index(0), CredentialProfileModel::TitleRole).toString(),
        QString("Personal access token · digishareToken"));
    QCOMPARE(model.data(model.index(1), CredentialProfileModel::TitleRole).toString(),
        QString("OAuth client · client-1"));
    QCOMPARE(model.data(model.index(1)).toString(),
        QString("OAuth client · client-1\nFolder: Campaigns"));
    QCOMPARE(model.profile(1).kind, CredentialProfile::Kind::ClientCredentials);
    QCOMPARE(model.profile(1).scope, QString("campaigns:read"));
    model.setDocument(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestCredentialProfileModel::freeLocationsNeverReplaceOtherAuth()
{
    CollectionDocument doc;
    doc.load(sample());
    const Collection &c = doc.collection();
    CredentialProfileModel model;
    model.setDocument(&doc);
    QStringList labels;
    for (const ProfileLocation &l : model.freeLocations())
        labels.append(l.label);
    QCOMPARE(labels, QStringList { "Request: Campaigns / List" });
    // The basic-auth request is not offered and cannot be taken.
    QCOMPARE(model.addProfile(CredentialProfile::personalAccessToken("x"), { 0, 1 }), -1);
    QCOMPARE(c.items[0].children[1].request.auth->type, QString("basic"));
    QCOMPARE(model.addProfile(CredentialProfile::personalAccessToken("x"), { 7 }), -1);
}

void TestCredentialProfileModel::addWritesPostmanAuth()
{
    CollectionDocument doc;
    doc.load(sample());
    const Collection &c = doc.collection();
    CredentialProfileModel model;
    model.setDocument(&doc);
    QSignalSpy modified(&doc, &CollectionDocument::changed);
    const int row = model.addProfile(CredentialProfile::personalAccessToken("listToken"), { 0, 0 });
    QCOMPARE(row, 2);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.location(row).label, QString("Request: Campaigns / List"));
    QCOMPARE(c.items[0].children[0].request.auth->type, QString("bearer"));
    QCOMPARE(c.items[0].children[0].request.auth->param("token"), QString("{{listToken}}"));
    QCOMPARE(modified.count(), 1);
    QCOMPARE(model.addProfile(CredentialProfile::personalAccessToken("again"), { 0, 0 }), -1);
}

void TestCredentialProfileModel::editWritesBackAndSignals()
{
    Collection sampled = sample();
    sampled.items[0].auth->extra.insert("kept", true);
    CollectionDocument doc;
    doc.load(sampled);
    const Collection &c = doc.collection();
    CredentialProfileModel model;
    model.setDocument(&doc);
    QSignalSpy modified(&doc, &CollectionDocument::changed);
    QSignalSpy changed(&model, &CredentialProfileModel::dataChanged);
    CredentialProfile p = model.profile(1);
    p.clientId = "client-2";
    p.clientAuth = ClientAuthStyle::HttpBasic;
    p.allowedOrigins = { "https://api.digishare.ma" };
    QVERIFY(model.setProfile(1, p));
    QCOMPARE(modified.count(), 1);
    QCOMPARE(changed.count(), 1);
    const AuthSpec &auth = *c.items[0].auth;
    QCOMPARE(auth.param("clientId"), QString("client-2"));
    QCOMPARE(auth.param("client_authentication"), QString("header"));
    QCOMPARE(auth.param("clientSecret"), QString("{{clientSecret}}"));
    QCOMPARE(auth.param(QLatin1String(CredentialProfile::AllowedOriginsParam)),
        QString("https://api.digishare.ma:443"));
    QVERIFY(auth.extra.value("kept").toBool());
    QCOMPARE(model.data(model.index(1), CredentialProfileModel::TitleRole).toString(),
        QString("OAuth client · client-2"));
    QVERIFY(!model.setProfile(9, p));
}

void TestCredentialProfileModel::removeLetsTheRequestInherit()
{
    CollectionDocument doc;
    doc.load(sample());
    const Collection &c = doc.collection();
    CredentialProfileModel model;
    model.setDocument(&doc);
    QSignalSpy modified(&doc, &CollectionDocument::changed);
    QVERIFY(model.removeProfile(2));
    QVERIFY(!c.items[1].request.auth);
    QVERIFY(model.removeProfile(0));
    QVERIFY(!c.auth);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.location(0).label, QString("Folder: Campaigns"));
    QCOMPARE(modified.count(), 2);
    QVERIFY(!model.removeProfile(5));
}

void TestCredentialProfileModel::uniqueVariableNames()
{
    Collection sampled = sample();
    sampled.variables.append(Variable { "accessToken", "" });
    CollectionDocument doc;
    doc.load(sampled);
    CredentialProfileModel model;
    model.setDocument(&doc);
    QCOMPARE(model.uniqueVariableName("digishareToken"), QString("digishareToken2"));
    QCOMPARE(model.uniqueVariableName("clientSecret"), QString("clientSecret2"));
    QCOMPARE(model.uniqueVariableName("accessToken"), QString("accessToken2"));
    QCOMPARE(model.uniqueVariableName("fresh"), QString("fresh"));
}

void TestCredentialProfileModel::cachedTokenRequestResolvesVariables()
{
    CollectionDocument doc;
    doc.load(sample());
    const Collection &c = doc.collection();
    CredentialProfileModel model;
    model.setDocument(&doc);
    const TokenRequest request = CredentialProfileModel::cachedTokenRequest(model.profile(1), &c);
    QCOMPARE(request.tokenUrl, QUrl("https://api.digishare.ma/v1/oauth/token"));
    QCOMPARE(request.clientId, QString("client-1"));
    QCOMPARE(request.scope, QString("campaigns:read"));
    QVERIFY(request.clientSecret.isEmpty());
}

QTEST_GUILESS_MAIN(TestCredentialProfileModel)
#include "TestCredentialProfileModel.moc"
