#include "app/secrets/KeychainSecretStore.h"
#include "app/secrets/SecretStoreFactory.h"

#include "tests/support/AwaitSecret.h"
#include "tests/support/TestPaths.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Playground;

namespace {

constexpr int WaitMs = 20'000;

struct ToolRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/** Runs secret-tool against the same (private) keyring, independently of QtKeychain. */
ToolRun secretTool(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), args);
    p.closeWriteChannel();
    if (!p.waitForFinished(WaitMs)) {
        p.kill();
        p.waitForFinished();
        return { -1, {}, "secret-tool timed out" };
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

// QtKeychain's libsecret backend stores entries with these attributes.
QStringList attributesOf(const QString &key)
{
    return { QStringLiteral("server"), KeychainSecretStore::serviceName(), QStringLiteral("user"),
        key };
}

/** The secret as the Secret Service holds it, or nullopt when there is no such item. */
std::optional<QByteArray> lookup(const QString &key)
{
    const ToolRun run = secretTool(QStringList { QStringLiteral("lookup") } + attributesOf(key));
    if (run.exitCode != 0)
        return std::nullopt;
    return run.out;
}

/** How many items with our attributes exist (works on a locked keyring too: no secrets read). */
int itemCount(const QString &key)
{
    const ToolRun run = secretTool(
        QStringList { QStringLiteral("search"), QStringLiteral("--all") } + attributesOf(key));
    // One "[/path]" header line per item on stdout (attributes go to stderr).
    int count = 0;
    for (const QByteArray &line : run.out.split('\n')) {
        if (line.startsWith("[/"))
            ++count;
    }
    return count;
}

bool lockDefaultCollection(QString *error)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    call << QVariant::fromValue(QList<QDBusObjectPath> {
        QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default")) });
    const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, WaitMs);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        *error = reply.errorMessage();
        return false;
    }
    return true;
}

QString keyringState()
{
    return qEnvironmentVariable("PLAYGROUND_KEYRING_STATE");
}

} // namespace

/**
 * Against a real gnome-keyring in a private D-Bus session (tests/support/with-keyring.sh). Every
 * effect is also checked with secret-tool, so the store cannot pass by talking only to itself.
 */
class TestKeychainSecretStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Never run against a developer's real keyring.
        if (keyringState().isEmpty())
            QFAIL("Run under tests/support/with-keyring.sh (it sets PLAYGROUND_KEYRING_STATE).");
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        const ToolRun probe = secretTool({ QStringLiteral("--version") });
        Q_UNUSED(probe)
    }

    void init()
    {
        const QByteArray function = QTest::currentTestFunction();
        if (keyringState() == QStringLiteral("locked") && function != "keyringStartedLocked")
            QSKIP("This run checks only the keyring that starts locked.");
        if (keyringState() == QStringLiteral("absent") && function != "noSecretServiceOnTheBus")
            QSKIP("This run checks only a session bus without a Secret Service.");
    }

    void factoryPicksTheKeychain()
    {
        QCOMPARE(SecretStoreFactory::probe().status, SecretStatus::Available);
        std::unique_ptr<SecretStore> store(SecretStoreFactory::create());
        QVERIFY(qobject_cast<KeychainSecretStore *>(store.get()));
        QCOMPARE(store->status(), SecretStatus::Available);
        QCOMPARE(store->statusText(), QStringLiteral("Stored in the system keychain"));
    }

    void writeReadOverwriteDelete()
    {
        KeychainSecretStore store;
        const QString key = QStringLiteral("collection/c1/token");
        QVERIFY(!lookup(key));

        AWAIT_SECRET(w1, WaitMs, store.write(key, QStringLiteral("first-value"), &context, cb));
        QVERIFY2(w1.persisted(), qPrintable(w1.error));
        QCOMPARE(lookup(key), std::optional<QByteArray>("first-value"));
        AWAIT_SECRET(r1, WaitMs, store.read(key, &context, cb));
        QVERIFY2(r1.ok, qPrintable(r1.error));
        QCOMPARE(r1.value, std::optional<QString>(QStringLiteral("first-value")));

        AWAIT_SECRET(w2, WaitMs, store.write(key, QStringLiteral("second-value"), &context, cb));
        QVERIFY2(w2.persisted(), qPrintable(w2.error));
        QCOMPARE(lookup(key), std::optional<QByteArray>("second-value"));
        QCOMPARE(itemCount(key), 1);
        AWAIT_SECRET(r2, WaitMs, store.read(key, &context, cb));
        QCOMPARE(r2.value, std::optional<QString>(QStringLiteral("second-value")));

        AWAIT_SECRET(rm, WaitMs, store.remove(key, &context, cb));
        QVERIFY2(rm.ok, qPrintable(rm.error));
        QCOMPARE(itemCount(key), 0);
        QVERIFY(!lookup(key));
        AWAIT_SECRET(r3, WaitMs, store.read(key, &context, cb));
        QVERIFY2(r3.ok, qPrintable(r3.error));
        QVERIFY(!r3.value.has_value());
        QCOMPARE(r3.status, SecretStatus::Available);
    }

    void valueWrittenElsewhereIsRead()
    {
        // Written by secret-tool with QtKeychain's attributes: our read must find it.
        QProcess p;
        p.start(QStringLiteral("secret-tool"),
            QStringList { QStringLiteral("store"), QStringLiteral("--label=external") }
                + attributesOf(QStringLiteral("external"))
                + QStringList { QStringLiteral("type"), QStringLiteral("plaintext") });
        QVERIFY(p.waitForStarted(WaitMs));
        p.write("from-secret-tool");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(WaitMs));
        QCOMPARE(p.exitCode(), 0);
        KeychainSecretStore store;
        const SecretResult r = store.readBlocking(QStringLiteral("external"), WaitMs);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.value, std::optional<QString>(QStringLiteral("from-secret-tool")));
    }

    void deleteMissing()
    {
        KeychainSecretStore store;
        AWAIT_SECRET(rm, WaitMs, store.remove(QStringLiteral("never-written"), &context, cb));
        QVERIFY2(rm.ok, qPrintable(rm.error));
        QCOMPARE(rm.status, SecretStatus::Available);
        AWAIT_SECRET(r, WaitMs, store.read(QStringLiteral("never-written"), &context, cb));
        QVERIFY(r.ok);
        QVERIFY2(!r.value.has_value(), "unlocked and absent reads as 'nothing stored'");
    }

    void unicodeValue()
    {
        KeychainSecretStore store;
        const QString key = QStringLiteral("collection/ünï/clé 🔑");
        const QString value = QStringLiteral("pässwörd — 秘密 🔑 \u0001 end");
        AWAIT_SECRET(w, WaitMs, store.write(key, value, &context, cb));
        QVERIFY2(w.persisted(), qPrintable(w.error));
        QCOMPARE(lookup(key), std::optional<QByteArray>(value.toUtf8()));
        const SecretResult r = store.readBlocking(key, WaitMs);
        QCOMPARE(r.value, std::optional<QString>(value));
    }

    void largeValue()
    {
        KeychainSecretStore store;
        QString value;
        for (int i = 0; value.size() < 16 * 1024; ++i)
            value += QString::number(i, 36) + QLatin1Char(' ');
        value.truncate(16 * 1024);
        AWAIT_SECRET(w, WaitMs, store.write(QStringLiteral("big"), value, &context, cb));
        QVERIFY2(w.persisted(), qPrintable(w.error));
        QCOMPARE(lookup(QStringLiteral("big")), std::optional<QByteArray>(value.toUtf8()));
        const SecretResult r = store.readBlocking(QStringLiteral("big"), WaitMs);
        QCOMPARE(r.value, std::optional<QString>(value));
    }

    void valueOverCapRefused()
    {
        KeychainSecretStore store;
        const QString value(SecretStore::MaxValueBytes + 1, QLatin1Char('x'));
        AWAIT_SECRET(w, WaitMs, store.write(QStringLiteral("too-big"), value, &context, cb));
        QVERIFY(!w.ok);
        QVERIFY2(w.error.contains(QStringLiteral("too large")), qPrintable(w.error));
        QVERIFY(!store.hasPendingWrites());
        QCOMPARE(itemCount(QStringLiteral("too-big")), 0);
        const SecretResult r = store.readBlocking(QStringLiteral("too-big"), WaitMs);
        QVERIFY(r.ok);
        QVERIFY(!r.value.has_value());
    }

    void queuedOperationsKeepOrderAndAreAwaited()
    {
        KeychainSecretStore store;
        // Issued back to back without waiting: one job at a time, in order.
        store.write(QStringLiteral("q1"), QStringLiteral("a"), this, {});
        store.write(QStringLiteral("q2"), QStringLiteral("b"), this, {});
        store.write(QStringLiteral("q1"), QStringLiteral("c"), this, {});
        store.remove(QStringLiteral("q2"), this, {});
        QVERIFY(store.hasPendingWrites());
        QVERIFY(store.waitForPendingWrites(WaitMs));
        QVERIFY(!store.hasPendingWrites());
        QCOMPARE(lookup(QStringLiteral("q1")), std::optional<QByteArray>("c"));
        QCOMPARE(itemCount(QStringLiteral("q2")), 0);
    }

    void destroyingTheStoreWithARunningJobIsSafe()
    {
        auto store = std::make_unique<KeychainSecretStore>();
        bool called = false;
        store->write(QStringLiteral("orphan"), QStringLiteral("v"), this,
            [&called](const SecretResult &) { called = true; });
        QCoreApplication::processEvents(); // the job starts
        store.reset(); // the running job must finish on its own, not be deleted
        QTest::qWait(500);
        QVERIFY(!called);
    }

    void keyringStartedLocked()
    {
        if (keyringState() != QStringLiteral("locked")) {
            rerunUnderLauncher(QStringLiteral("--locked"), "keyringStartedLocked");
            return;
        }
        KeychainSecretStore store;
        QSignalSpy statusSpy(&store, &SecretStore::statusChanged);
        QVERIFY(statusSpy.wait(WaitMs));
        QCOMPARE(store.status(), SecretStatus::Locked);
        QCOMPARE(store.statusText(),
            QStringLiteral("Keychain locked — secrets kept for this session only"));
        checkLockedBehaviour(store, QStringLiteral("missing-at-start"));
    }

    void noSecretServiceOnTheBus()
    {
        if (keyringState() != QStringLiteral("absent")) {
            rerunUnderLauncher(QStringLiteral("--no-secret-service"), "noSecretServiceOnTheBus");
            return;
        }
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QCOMPARE(SecretStoreFactory::probe().status, SecretStatus::NoSecretService);
        std::unique_ptr<SecretStore> store(SecretStoreFactory::create());
        QVERIFY(!qobject_cast<KeychainSecretStore *>(store.get()));
        QCOMPARE(store->status(), SecretStatus::NoSecretService);
        QCOMPARE(store->statusText(),
            QStringLiteral("No keychain service running — secrets kept for this session only"));
        AWAIT_SECRET(
            w, WaitMs, store->write(QStringLiteral("k"), QStringLiteral("v"), &context, cb));
        QVERIFY(w.ok);
        QVERIFY(!w.persisted());
        QCOMPARE(store->readBlocking(QStringLiteral("k"), WaitMs).value,
            std::optional<QString>(QStringLiteral("v")));
    }

    // Last: it locks the keyring of this run.
    void lockedKeyringIsReportedAsLocked()
    {
        KeychainSecretStore store;
        AWAIT_SECRET(
            w, WaitMs, store.write(QStringLiteral("kept"), QStringLiteral("v"), &context, cb));
        QVERIFY2(w.persisted(), qPrintable(w.error));

        QString error;
        QVERIFY2(lockDefaultCollection(&error), qPrintable(error));

        // An entry that exists, while locked, must not read as "nothing stored".
        AWAIT_SECRET(existing, WaitMs, store.read(QStringLiteral("kept"), &context, cb));
        QVERIFY(!existing.ok);
        QCOMPARE(existing.status, SecretStatus::Locked);
        QCOMPARE(store.status(), SecretStatus::Locked);
        checkLockedBehaviour(store, QStringLiteral("missing-while-locked"));

        // QtKeychain reports a delete on a locked keyring as done while the item stays.
        AWAIT_SECRET(rm, WaitMs, store.remove(QStringLiteral("kept"), &context, cb));
        QVERIFY2(!rm.ok, "a delete that did not happen must not be reported as done");
        QCOMPARE(rm.status, SecretStatus::Locked);
        QCOMPARE(itemCount(QStringLiteral("kept")), 1);
    }

private:
    /** Runs one test function of this executable again under with-keyring.sh with option. */
    void rerunUnderLauncher(const QString &option, const char *function)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(Test::sourcePath(QStringLiteral("tests/support/with-keyring.sh")),
            { option, QCoreApplication::applicationFilePath(), QString::fromLatin1(function) });
        QVERIFY(p.waitForFinished(60'000));
        const QByteArray out = p.readAll();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, out.constData());
        const QByteArray passed
            = QByteArray("PASS   : TestKeychainSecretStore::") + function + "()";
        QVERIFY2(out.contains(passed), out.constData());
    }

    void checkLockedBehaviour(KeychainSecretStore &store, const QString &key)
    {
        AWAIT_SECRET(missing, WaitMs, store.read(key, &context, cb));
        QVERIFY2(!missing.ok, "a locked keyring must not read as 'nothing stored'");
        QCOMPARE(missing.status, SecretStatus::Locked);
        QVERIFY(!missing.error.isEmpty());

        AWAIT_SECRET(w, WaitMs, store.write(key, QStringLiteral("session-value"), &context, cb));
        QCOMPARE(w.status, SecretStatus::Locked);
        QVERIFY2(!w.persisted(), "the locked keychain refused the write");
        QVERIFY(!w.error.isEmpty());
        QCOMPARE(itemCount(key), 0);
        QCOMPARE(store.status(), SecretStatus::Locked);

        // Kept for this session only, as the status text says.
        AWAIT_SECRET(r, WaitMs, store.read(key, &context, cb));
        QVERIFY(r.ok);
        QCOMPARE(r.value, std::optional<QString>(QStringLiteral("session-value")));
        QCOMPARE(r.status, SecretStatus::Locked);

        // Removing cannot reach the keychain: reported as Locked, and the session copy is gone.
        AWAIT_SECRET(rm, WaitMs, store.remove(key, &context, cb));
        QVERIFY(!rm.ok);
        QCOMPARE(rm.status, SecretStatus::Locked);
        AWAIT_SECRET(gone, WaitMs, store.read(key, &context, cb));
        QVERIFY(!gone.ok);
        QCOMPARE(gone.status, SecretStatus::Locked);
        QVERIFY(!store.hasPendingWrites());
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
