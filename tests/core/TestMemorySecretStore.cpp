#include "app/secrets/MemorySecretStore.h"

#include "tests/support/AwaitSecret.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Playground;

namespace {
constexpr int WaitMs = 5'000;
} // namespace

class TestMemorySecretStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writeReadOverwriteRemove()
    {
        MemorySecretStore store;
        const QString key = QStringLiteral("collection/c/token");
        AWAIT_SECRET(w1, WaitMs, store.write(key, QStringLiteral("one"), &context, cb));
        QVERIFY(w1.ok);
        QVERIFY(w1.persisted());
        AWAIT_SECRET(r1, WaitMs, store.read(key, &context, cb));
        QVERIFY(r1.ok);
        QCOMPARE(r1.value, std::optional<QString>(QStringLiteral("one")));
        AWAIT_SECRET(w2, WaitMs, store.write(key, QStringLiteral("two"), &context, cb));
        AWAIT_SECRET(r2, WaitMs, store.read(key, &context, cb));
        QCOMPARE(r2.value, std::optional<QString>(QStringLiteral("two")));
        AWAIT_SECRET(rm, WaitMs, store.remove(key, &context, cb));
        QVERIFY(rm.ok);
        AWAIT_SECRET(r3, WaitMs, store.read(key, &context, cb));
        QVERIFY(r3.ok);
        QVERIFY(!r3.value.has_value());
        AWAIT_SECRET(rm2, WaitMs, store.remove(key, &context, cb));
        QVERIFY2(rm2.ok, "removing a missing key succeeds");
        QCOMPARE(store.status(), SecretStatus::Available);
        QCOMPARE(store.statusText(), QStringLiteral("Stored in the system keychain"));
    }

    void callbacksAreAsynchronous()
    {
        MemorySecretStore store;
        bool called = false;
        store.write(QStringLiteral("k"), QStringLiteral("v"), this,
            [&called](const SecretResult &) { called = true; });
        QVERIFY2(!called, "callback must not run inside write()");
        QTRY_VERIFY_WITH_TIMEOUT(called, WaitMs);
    }

    void callbackDroppedWithItsContext()
    {
        MemorySecretStore store;
        bool called = false;
        auto context = std::make_unique<QObject>();
        store.write(QStringLiteral("k"), QStringLiteral("v"), context.get(),
            [&called](const SecretResult &) { called = true; });
        context.reset();
        QVERIFY(store.waitForPendingWrites(WaitMs));
        QCoreApplication::processEvents(); // a callback would be a posted event by now
        QVERIFY(!called);
        // The write itself still happened.
        QCOMPARE(store.persistentValues().value(QStringLiteral("k")), QStringLiteral("v"));
    }

    void sizeCap()
    {
        MemorySecretStore store;
        const QString atCap(SecretStore::MaxValueBytes / 2, QChar(0xE9)); // 2 UTF-8 bytes each
        AWAIT_SECRET(ok, WaitMs, store.write(QStringLiteral("big"), atCap, &context, cb));
        QVERIFY(ok.ok);
        const QString overCap = atCap + QLatin1Char('x');
        AWAIT_SECRET(refused, WaitMs, store.write(QStringLiteral("big"), overCap, &context, cb));
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("too large")), qPrintable(refused.error));
        QCOMPARE(store.persistentValues().value(QStringLiteral("big")), atCap);
        QVERIFY(!store.hasPendingWrites());
    }

    void emptyKeyRefused()
    {
        MemorySecretStore store;
        AWAIT_SECRET(r, WaitMs, store.write(QString(), QStringLiteral("v"), &context, cb));
        QVERIFY(!r.ok);
        QVERIFY(!r.error.isEmpty());
        QVERIFY(store.persistentValues().isEmpty());
    }

    void lockedReadsAreNotNothingStored()
    {
        MemorySecretStore store;
        AWAIT_SECRET(
            w, WaitMs, store.write(QStringLiteral("kept"), QStringLiteral("v"), &context, cb));
        QSignalSpy statusSpy(&store, &SecretStore::statusChanged);
        store.setFailure(MemorySecretStore::Failure::Locked);

        AWAIT_SECRET(existing, WaitMs, store.read(QStringLiteral("kept"), &context, cb));
        QVERIFY(!existing.ok);
        QCOMPARE(existing.status, SecretStatus::Locked);
        AWAIT_SECRET(missing, WaitMs, store.read(QStringLiteral("never-written"), &context, cb));
        QVERIFY2(!missing.ok, "a locked keyring must not say 'nothing stored'");
        QCOMPARE(missing.status, SecretStatus::Locked);
        QCOMPARE(store.status(), SecretStatus::Locked);
        QCOMPARE(statusSpy.count(), 1);
        QCOMPARE(store.statusText(),
            QStringLiteral("Keychain locked — secrets kept for this session only"));
    }

    void lockedWritesAreDeniedAndKeptForTheSession()
    {
        MemorySecretStore store;
        store.setFailure(MemorySecretStore::Failure::Locked);
        AWAIT_SECRET(
            w, WaitMs, store.write(QStringLiteral("k"), QStringLiteral("v"), &context, cb));
        QVERIFY(w.ok);
        QCOMPARE(w.status, SecretStatus::Locked);
        QVERIFY(!w.persisted());
        QVERIFY(!w.error.isEmpty());
        QVERIFY2(store.persistentValues().isEmpty(), "the keychain refused it");
        QCOMPARE(store.sessionValues().value(QStringLiteral("k")), QStringLiteral("v"));
        AWAIT_SECRET(r, WaitMs, store.read(QStringLiteral("k"), &context, cb));
        QVERIFY(r.ok);
        QCOMPARE(r.value, std::optional<QString>(QStringLiteral("v")));

        // Unlocked again: the next write reaches the keychain and the status recovers.
        store.setFailure(MemorySecretStore::Failure::None);
        AWAIT_SECRET(
            w2, WaitMs, store.write(QStringLiteral("k"), QStringLiteral("v2"), &context, cb));
        QVERIFY(w2.persisted());
        QCOMPARE(store.status(), SecretStatus::Available);
        QCOMPARE(store.persistentValues().value(QStringLiteral("k")), QStringLiteral("v2"));
        QVERIFY(store.sessionValues().isEmpty());
    }

    void noSessionBus()
    {
        MemorySecretStore store;
        store.setFailure(MemorySecretStore::Failure::NoSessionBus);
        AWAIT_SECRET(r, WaitMs, store.read(QStringLiteral("k"), &context, cb));
        QVERIFY(!r.ok);
        QCOMPARE(r.status, SecretStatus::NoSessionBus);
        QCOMPARE(store.statusText(),
            QStringLiteral(
                "No keychain service (no D-Bus session) — secrets kept for this session only"));
    }

    void otherErrorShowsTheMessage()
    {
        MemorySecretStore store;
        store.setFailure(MemorySecretStore::Failure::OtherError, QStringLiteral("daemon crashed"));
        AWAIT_SECRET(
            w, WaitMs, store.write(QStringLiteral("k"), QStringLiteral("v"), &context, cb));
        QCOMPARE(w.status, SecretStatus::OtherError);
        QVERIFY(!w.persisted());
        QCOMPARE(store.statusText(),
            QStringLiteral("Keychain error: daemon crashed — secrets kept for this session only"));
        AWAIT_SECRET(rm, WaitMs, store.remove(QStringLiteral("k"), &context, cb));
        QVERIFY(!rm.ok);
        QVERIFY(store.sessionValues().isEmpty());
    }

    void sessionOnlyModeKeepsValues()
    {
        MemorySecretStore store;
        QSignalSpy statusSpy(&store, &SecretStore::statusChanged);
        store.setReportedStatus(SecretStatus::NoSessionBus);
        QCOMPARE(statusSpy.count(), 1);
        AWAIT_SECRET(
            w, WaitMs, store.write(QStringLiteral("k"), QStringLiteral("v"), &context, cb));
        QVERIFY(w.ok);
        QCOMPARE(w.status, SecretStatus::NoSessionBus);
        QVERIFY(!w.persisted());
        AWAIT_SECRET(r, WaitMs, store.read(QStringLiteral("k"), &context, cb));
        QCOMPARE(r.value, std::optional<QString>(QStringLiteral("v")));
        QCOMPARE(store.status(), SecretStatus::NoSessionBus);
    }

    void slowWritesArePendingUntilDone()
    {
        MemorySecretStore store;
        store.setDelay(300);
        bool done = false;
        store.write(QStringLiteral("k"), QStringLiteral("v"), this,
            [&done](const SecretResult &) { done = true; });
        QVERIFY(store.hasPendingWrites());
        QVERIFY(store.waitForPendingWrites(WaitMs));
        QVERIFY(!store.hasPendingWrites());
        QTRY_VERIFY_WITH_TIMEOUT(done, WaitMs);
        QCOMPARE(store.readBlocking(QStringLiteral("k"), WaitMs).value,
            std::optional<QString>(QStringLiteral("v")));
    }

    void neverFinishingKeychain()
    {
        MemorySecretStore store;
        store.setNeverFinishes(true);
        bool called = false;
        store.write(QStringLiteral("k"), QStringLiteral("v"), this,
            [&called](const SecretResult &) { called = true; });
        QVERIFY(store.hasPendingWrites());
        QVERIFY2(!store.waitForPendingWrites(200), "a hung write must be reported, not hang us");
        QVERIFY(store.hasPendingWrites());
        const SecretResult r = store.readBlocking(QStringLiteral("k"), 200);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("did not answer")), qPrintable(r.error));
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "TestMemorySecretStore.moc"
