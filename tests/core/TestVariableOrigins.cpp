// Which {{variables}} a request uses and which scope gives each its value (the Variables panel
// shows this list; an edit goes back to the scope named here).
#include "app/template/VariableOrigins.h"

#include <QTest>

using namespace Playground;

namespace {

Variable variable(const QString &key, const QString &value, const QString &type = {})
{
    Variable v;
    v.key = key;
    v.value = value;
    v.type = type;
    return v;
}

} // namespace

class TestVariableOrigins : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void strongestScopeWins_data();
    void strongestScopeWins();
    void orderFollowsTheRequestAndSecretsAreFlagged();
};

void TestVariableOrigins::strongestScopeWins_data()
{
    QTest::addColumn<bool>("inEnvironment");
    QTest::addColumn<bool>("inCollection");
    QTest::addColumn<bool>("inOuterFolder");
    QTest::addColumn<bool>("inInnerFolder");
    QTest::addColumn<bool>("inRequest");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("value");
    QTest::newRow("nowhere") << false << false << false << false << false << "unset"
                             << "";
    QTest::newRow("request") << false << false << false << false << true << "request"
                             << "r";
    QTest::newRow("inner folder") << false << false << true << true << true << "folder inner"
                                  << "fi";
    QTest::newRow("outer folder") << false << false << true << false << true << "folder outer"
                                  << "fo";
    QTest::newRow("collection") << false << true << true << true << true << "collection"
                                << "c";
    QTest::newRow("environment") << true << true << true << true << true << "environment"
                                 << "e";
}

void TestVariableOrigins::strongestScopeWins()
{
    QFETCH(bool, inEnvironment);
    QFETCH(bool, inCollection);
    QFETCH(bool, inOuterFolder);
    QFETCH(bool, inInnerFolder);
    QFETCH(bool, inRequest);
    QFETCH(QString, scope);
    QFETCH(QString, value);

    CollectionItem outer, inner, item;
    outer.isFolder = inner.isFolder = true;
    outer.name = QStringLiteral("outer");
    inner.name = QStringLiteral("inner");
    if (inOuterFolder)
        outer.variables = { variable("host", "fo") };
    if (inInnerFolder)
        inner.variables = { variable("host", "fi") };
    if (inRequest)
        item.variables = { variable("host", "r") };
    item.request.url = UrlSpec::fromRaw(QStringLiteral("https://{{host}}/x"));
    Collection collection;
    if (inCollection)
        collection.variables = { variable("host", "c") };
    Environment environment;
    if (inEnvironment)
        environment.values = { variable("host", "e") };
    const RequestPath path { { &outer, &inner }, &item };

    const QList<VariableOrigin> origins
        = VariableOrigins::of(item.request, AuthSpec {}, path, &collection, &environment);
    QCOMPARE(origins.size(), 1);
    QCOMPARE(origins.first().name, QStringLiteral("host"));
    QCOMPARE(VariableOrigins::scopeText(origins.first()), scope);
    QCOMPARE(origins.first().value, value);
    QCOMPARE(origins.first().hasValue, scope != QLatin1String("unset"));
    if (origins.first().scope == VariableOrigin::Scope::Folder)
        QCOMPARE(origins.first().folderIndex, inInnerFolder ? 1 : 0);
}

void TestVariableOrigins::orderFollowsTheRequestAndSecretsAreFlagged()
{
    CollectionItem item;
    item.request.url
        = UrlSpec::fromRaw(QStringLiteral("{{baseUrl}}/users/{{id}}?t={{$timestamp}}"));
    item.request.headers = { KeyValue { QStringLiteral("X-Key"), QStringLiteral("{{apiKey}}") },
        KeyValue { QStringLiteral("X-Off"), QStringLiteral("{{disabled}}"), false } };
    item.request.body.mode = RequestBody::Mode::Raw;
    item.request.body.raw = QStringLiteral("{\"id\": \"{{id}}\", \"n\": \"{{$nope}}\"}");
    Collection collection;
    collection.variables
        = { variable("baseUrl", "https://api.example.test"), variable("apiKey", "", "secret") };
    Environment environment;
    environment.values = { variable("id", "42") };

    const QList<VariableOrigin> origins = VariableOrigins::of(
        item.request, AuthSpec {}, RequestPath { {}, &item }, &collection, &environment);
    QStringList names, scopes;
    for (const VariableOrigin &o : origins) {
        names << o.name;
        scopes << VariableOrigins::scopeText(o);
    }
    QCOMPARE(names, (QStringList { "baseUrl", "id", "$timestamp", "apiKey", "$nope" }));
    QCOMPARE(
        scopes, (QStringList { "collection", "environment", "dynamic", "collection", "unset" }));
    const VariableOrigin &apiKey = origins.at(3);
    QVERIFY(apiKey.secret);
    QVERIFY(!apiKey.hasValue); // its value is in the keychain, not here
}

QTEST_GUILESS_MAIN(TestVariableOrigins)
#include "TestVariableOrigins.moc"
