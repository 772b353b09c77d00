#pragma once

#include "app/secrets/SecretStore.h"

#include <QHash>

#include <deque>

namespace QKeychain {
class Job;
}

namespace Playground {

/**
 * SecretStore over QtKeychain (Secret Service / KWallet), service name Playground::AppId.
 *
 * One QtKeychain job runs at a time, on this object's thread; the next one is started by a queued
 * invocation, never from a job's finished handler. Jobs delete themselves; none is ever deleted
 * while running (destroying the store lets a running job finish on its own). Never uses
 * QtKeychain's insecure (plaintext) fallback.
 *
 * When the keychain refuses a write (locked, no bus, error), the value is kept in memory for this
 * session only and the result/status say so; reads see those values first. A read that QtKeychain
 * reports as EntryNotFound is checked against the Secret Service default collection's Locked
 * property, so a locked keyring reports Locked, not "nothing stored".
 */
class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    /** The keychain service name all entries are stored under. */
    static QString serviceName();

    /** Asks the Secret Service whether its default collection is locked; updates status(). */
    void refreshStatus();

protected:
    void startRead(const QString &key, Completion done) override;
    void startWrite(const QString &key, const QString &value, Completion done) override;
    void startRemove(const QString &key, Completion done) override;

private:
    enum class Kind { Read, Write, Remove };
    struct Operation {
        Kind kind;
        QString key;
        QString value;
        Completion done;
    };

    void enqueue(Operation op);
    void scheduleNext();
    void startNext();
    void handleFinished(Operation op, QKeychain::Job *job);
    void finishOperation(Operation &op, SecretResult result);
    /** Asynchronously asks whether the default collection is locked; calls back with the answer. */
    void queryLocked(std::function<void(std::optional<bool>)> answer);
    SecretResult refusedWrite(Operation &op, SecretStatus status, const QString &detail);

    std::deque<Operation> m_queue;
    bool m_running = false;
    bool m_scheduled = false;
    QHash<QString, QString> m_session;
};

} // namespace Playground
