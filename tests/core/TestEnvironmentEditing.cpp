// Environments made and edited in the app: a new one saved as a Postman environment file, read
// back, its secret values in the keychain (the memory store here) and never in the file.
#include "app/auth/EnvironmentSecrets.h"
#include "app/document/EnvironmentSet.h"
#include "app/secrets/MemorySecretStore.h"
#include "tests/support/AwaitSecret.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
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

constexpr auto Token = "env-secret-token-4711";

} // namespace

class TestEnvironmentEditing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newSaveReloadRoundTrip();
    void secretValueGoesToTheKeychainAndComesBack();
    void secretNotKeptWithoutAnOrigin();
    void unreadableFileChangesNothing();

private:
    QTemporaryDir m_dir;
};

void TestEnvironmentEditing::newSaveReloadRoundTrip()
{
    EnvironmentSet set;
    const int row = set.create(QStringLiteral("Local"));
    QCOMPARE(set.chosenRow(), row);
    QVERIFY(set.isModified(row));
    set.setValues(
        row, { variable("baseUrl", "https://api.example.test"), variable("token", "", "secret") });
    set.setSecretValue(row, QStringLiteral("token"), QString::fromLatin1(Token));
    QCOMPARE(set.chosen()->values.at(1).value, QString::fromLatin1(Token)); // for this session

    // An edit that does not carry the secret (as the editor and undo steps give it) keeps it.
    set.setValues(row,
        { variable("baseUrl", "https://api.example.test"), variable("token", "", "secret"),
            variable("page", "2") });
    QCOMPARE(set.chosen()->values.at(1).value, QString::fromLatin1(Token));

    const QString path = m_dir.filePath(QStringLiteral("local.postman_environment.json"));
    QVERIFY(set.save(row, path).ok());
    QVERIFY(!set.isModified(row));
    QCOMPARE(set.path(row), path);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains(Token));
    // Postman environment as Postman exports it: id, name, values of {key, value, type, enabled}.
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value("name").toString(), QStringLiteral("Local"));
    QVERIFY(!root.value("id").toString().isEmpty());
    QCOMPARE(root.value("_postman_variable_scope").toString(), QStringLiteral("environment"));
    const QJsonArray values = root.value("values").toArray();
    QCOMPARE(values.size(), 3);
    QCOMPARE(values.at(0).toObject(),
        (QJsonObject { { "key", "baseUrl" }, { "value", "https://api.example.test" },
            { "type", "default" }, { "enabled", true } }));
    QCOMPARE(values.at(1).toObject(),
        (QJsonObject {
            { "key", "token" }, { "value", "" }, { "type", "secret" }, { "enabled", true } }));

    EnvironmentSet again;
    QVERIFY(again.open(path).ok());
    QCOMPARE(again.chosen()->id, set.chosen()->id);
    QCOMPARE(again.chosen()->values.size(), 3);
    QCOMPARE(again.chosen()->values.at(2).value, QStringLiteral("2"));
    QVERIFY(again.chosen()->values.at(1).isSecret());
    QCOMPARE(again.chosen()->values.at(1).value, QString()); // no keychain here
}

void TestEnvironmentEditing::secretValueGoesToTheKeychainAndComesBack()
{
    MemorySecretStore store;
    EnvironmentSet set;
    set.setSecretStore(&store);
    const int row = set.create(QStringLiteral("Stage"));
    set.setValues(row,
        { variable("baseUrl", "https://stage.example.test/v1"), variable("token", "", "secret") });
    const QString path = m_dir.filePath(QStringLiteral("stage.json"));
    QVERIFY(set.save(row, path).ok());

    std::optional<Status> stored;
    QObject context;
    EnvironmentSecrets::store(&store, *set.environment(row), QStringLiteral("token"),
        QString::fromLatin1(Token), &context, [&](const Status &s) { stored = s; });
    QTRY_VERIFY(stored.has_value());
    QVERIFY2(stored->ok(), qPrintable(stored->error()));

    // Opened again (a new window): the secret is read from the keychain, the file never had it.
    EnvironmentSet reopened;
    reopened.setSecretStore(&store);
    QSignalSpy changed(&reopened, &EnvironmentSet::chosenChanged);
    QVERIFY(reopened.open(path).ok());
    QTRY_COMPARE(reopened.chosen()->values.at(1).value, QString::fromLatin1(Token));
    QCOMPARE(EnvironmentSecrets::bindingOrigins(*reopened.chosen()),
        QStringList { QStringLiteral("https://stage.example.test:443") });

    // A copy with the same id pointing elsewhere finds nothing: the key holds the origin.
    Environment elsewhere = *reopened.chosen();
    elsewhere.values[0].value = QStringLiteral("https://evil.example.test");
    QVERIFY(EnvironmentSecrets::keyFor(elsewhere, QStringLiteral("token")).value()
        != EnvironmentSecrets::keyFor(*reopened.chosen(), QStringLiteral("token")).value());
    const QString key = EnvironmentSecrets::keyFor(elsewhere, QStringLiteral("token")).value();
    AWAIT_SECRET(r, 2000, store.read(key, &context, cb));
    QVERIFY(r.ok && !r.value);
}

void TestEnvironmentEditing::secretNotKeptWithoutAnOrigin()
{
    MemorySecretStore store;
    Environment e;
    e.id = QStringLiteral("no-origin");
    e.values = { variable("token", "", "secret") };
    std::optional<Status> stored;
    QObject context;
    EnvironmentSecrets::store(&store, e, QStringLiteral("token"), QString::fromLatin1(Token),
        &context, [&](const Status &s) { stored = s; });
    QTRY_VERIFY(stored.has_value());
    QVERIFY(!stored->ok());
    QVERIFY2(stored->error().contains(QLatin1String("baseUrl")), qPrintable(stored->error()));
}

void TestEnvironmentEditing::unreadableFileChangesNothing()
{
    EnvironmentSet set;
    const int row = set.create(QStringLiteral("Kept"));
    set.setValues(row, { variable("a", "1") });
    const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"values\": [");
    f.close();
    const Status opened = set.open(broken);
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().contains(QLatin1String("broken.json")), qPrintable(opened.error()));
    QCOMPARE(set.rowCount(), 2);
    QCOMPARE(set.chosenRow(), row);
    QCOMPARE(set.chosen()->values.at(0).value, QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestEnvironmentEditing)
#include "TestEnvironmentEditing.moc"
