// Where a collection's secrets live: keys bound to the origins the file lets them reach.
#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialProfile.h"
#include "app/secrets/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Playground;

namespace {

Collection patCollection(const QString &baseUrl)
{
    Collection c;
    c.postmanId = "shared-id";
    AuthSpec bearer;
    bearer.type = "bearer";
    bearer.setParam("token", QStringLiteral("{{pat}}"));
    c.auth = bearer;
    c.variables = { { "baseUrl", baseUrl } };
    return c;
}

} // namespace

class TestCollectionSecrets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keyFollowsTheOriginsTheFileAllows();
    void oauthSecretIsBoundToItsTokenUrl();
    void loadReadsOnlyUnderTheBoundKey();
};

void TestCollectionSecrets::keyFollowsTheOriginsTheFileAllows()
{
    const Collection mine = patCollection("https://api.digishare.ma/v1");
    QCOMPARE(CollectionSecrets::bindingOrigins(mine, "pat"),
        QStringList { "https://api.digishare.ma:443" });
    // Another path on the same API: same key.
    QCOMPARE(CollectionSecrets::keyFor(patCollection("https://api.digishare.ma/v2"), "pat").value(),
        CollectionSecrets::keyFor(mine, "pat").value());
    // A copy of the file (same id) that points elsewhere: another key, so nothing to read.
    QVERIFY(CollectionSecrets::keyFor(patCollection("https://evil.example/v1"), "pat").value()
        != CollectionSecrets::keyFor(mine, "pat").value());
    Collection widened = mine;
    CredentialProfile profile = *CredentialProfile::fromAuthSpec(*mine.auth);
    profile.allowedOrigins = { "https://api.digishare.ma", "https://evil.example" };
    widened.auth = profile.toAuthSpec();
    QVERIFY(CollectionSecrets::keyFor(widened, "pat").value()
        != CollectionSecrets::keyFor(mine, "pat").value());
    // Nothing to bind to: never stored or read (any file with the id could send it anywhere).
    Collection bare = mine;
    bare.variables.clear();
    const Result<QString> unbound = CollectionSecrets::keyFor(bare, "pat");
    QVERIFY(!unbound);
    QVERIFY2(unbound.error().contains("not tied to an origin"), qPrintable(unbound.error()));
}

void TestCollectionSecrets::oauthSecretIsBoundToItsTokenUrl()
{
    Collection c;
    c.postmanId = "id";
    c.auth = CredentialProfile::clientCredentials("client", "secret").toAuthSpec();
    Collection moved = c;
    moved.auth
        = CredentialProfile::clientCredentials("client", "secret", "https://evil.example/token")
              .toAuthSpec();
    QCOMPARE(CollectionSecrets::bindingOrigins(c, "secret"),
        QStringList { "https://api.digishare.ma:443" });
    QVERIFY(CollectionSecrets::keyFor(c, "secret").value()
        != CollectionSecrets::keyFor(moved, "secret").value());
}

void TestCollectionSecrets::loadReadsOnlyUnderTheBoundKey()
{
    MemorySecretStore store;
    const Collection mine = patCollection("https://api.digishare.ma/v1");
    store.write(CollectionSecrets::keyFor(mine, "pat").value(), "pat-value", &store,
        [](const SecretResult &) {});
    QVERIFY(store.waitForPendingWrites(5000));

    VariableList found;
    bool called = false;
    CollectionSecrets::load(
        &store, mine, { "pat" }, this, [&](const VariableList &values, const QStringList &) {
            found = values;
            called = true;
        });
    QTRY_VERIFY(called);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().value, QStringLiteral("pat-value"));
    QVERIFY(found.first().isSecret());

    called = false;
    CollectionSecrets::load(&store, patCollection("https://evil.example"), { "pat" }, this,
        [&](const VariableList &values, const QStringList &) {
            found = values;
            called = true;
        });
    QTRY_VERIFY(called);
    QVERIFY(found.isEmpty());
}

QTEST_GUILESS_MAIN(TestCollectionSecrets)
#include "TestCollectionSecrets.moc"
