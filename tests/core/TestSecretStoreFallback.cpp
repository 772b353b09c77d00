#include "app/secrets/KeychainSecretStore.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/secrets/SecretStoreFactory.h"

#include "tests/support/AwaitSecret.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Playground;

namespace {

constexpr int WaitMs = 5'000;

/** Files under root whose bytes contain needle. */
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace

/** Without a D-Bus session the app keeps secrets in memory, says so, and writes nothing to disk. */
class TestSecretStoreFallback : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        const QString home = m_home.path();
        QVERIFY(QDir(home).mkpath(QStringLiteral("run")));
        QFile::setPermissions(
            home + QStringLiteral("/run"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        // Before anything touches QtDBus: the session connection is made once per process.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        qputenv("HOME", home.toUtf8());
        qputenv("XDG_DATA_HOME", (home + QStringLiteral("/share")).toUtf8());
        qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/config")).toUtf8());
        qputenv("XDG_CACHE_HOME", (home + QStringLiteral("/cache")).toUtf8());
        qputenv("XDG_STATE_HOME", (home + QStringLiteral("/state")).toUtf8());
        qputenv("XDG_RUNTIME_DIR", (home + QStringLiteral("/run")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
    }

    void scannerFindsPlantedValue()
    {
        // Guards the disk checks below against passing vacuously.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a/.b")));
        QFile file(dir.path() + QStringLiteral("/a/.b/f.conf"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x=planted-value\n");
        file.close();
        QCOMPARE(filesContaining(dir.path(), "planted-value").size(), 1);
    }

    void factoryFallsBackToSessionOnly()
    {
        const SecretStoreFactory::Probe probe = SecretStoreFactory::probe();
        QCOMPARE(probe.status, SecretStatus::NoSessionBus);

        std::unique_ptr<SecretStore> store(SecretStoreFactory::create());
        QVERIFY(store);
        QVERIFY(qobject_cast<MemorySecretStore *>(store.get()));
        QVERIFY(!qobject_cast<KeychainSecretStore *>(store.get()));
        QCOMPARE(store->status(), SecretStatus::NoSessionBus);
        QCOMPARE(store->statusText(),
            QStringLiteral(
                "No keychain service (no D-Bus session) — secrets kept for this session only"));
    }

    void valuesKeptInMemoryOnly()
    {
        const QString value = QStringLiteral("fallback-secret-")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString key = QStringLiteral("collection/c1/token");
        {
            std::unique_ptr<SecretStore> store(SecretStoreFactory::create());
            AWAIT_SECRET(w, WaitMs, store->write(key, value, &context, cb));
            QVERIFY2(w.ok, qPrintable(w.error));
            QCOMPARE(w.status, SecretStatus::NoSessionBus);
            QVERIFY(!w.persisted());
            QVERIFY(!w.error.isEmpty());
            QVERIFY(store->waitForPendingWrites(WaitMs));
            const SecretResult r = store->readBlocking(key, WaitMs);
            QVERIFY(r.ok);
            QCOMPARE(r.value, std::optional<QString>(value));
        }
        // A new session does not have it: it was never persisted anywhere.
        std::unique_ptr<SecretStore> next(SecretStoreFactory::create());
        const SecretResult again = next->readBlocking(key, WaitMs);
        QVERIFY(!again.value.has_value());
        QVERIFY2(filesContaining(m_home.path(), value.toUtf8()).isEmpty(),
            "the secret must not be written to any file");
    }

    void keychainStoreWithoutBusNeverFallsBackToDisk()
    {
        const QString value = QStringLiteral("keychain-secret-")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
        KeychainSecretStore store;
        QCOMPARE(store.status(), SecretStatus::NoSessionBus);
        AWAIT_SECRET(w, WaitMs, store.write(QStringLiteral("k"), value, &context, cb));
        QVERIFY(w.ok);
        QCOMPARE(w.status, SecretStatus::NoSessionBus);
        QVERIFY(!w.persisted());
        const SecretResult r = store.readBlocking(QStringLiteral("k"), WaitMs);
        QCOMPARE(r.value, std::optional<QString>(value));
        AWAIT_SECRET(missing, WaitMs, store.read(QStringLiteral("other"), &context, cb));
        QVERIFY2(!missing.ok, "without a keychain we cannot know what it holds");
        QCOMPARE(missing.status, SecretStatus::NoSessionBus);
        QVERIFY(filesContaining(m_home.path(), value.toUtf8()).isEmpty());
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestSecretStoreFallback)
#include "TestSecretStoreFallback.moc"
