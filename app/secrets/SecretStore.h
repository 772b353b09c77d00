#pragma once

#include "app/secrets/SecretResult.h"
#include "app/secrets/SecretStatus.h"

#include <QObject>
#include <QString>

#include <functional>

namespace Playground {

/**
 * The one door for secrets (tokens, client secrets, secret variables). Asynchronous: every callback
 * runs later from the event loop, never inside the call, and is dropped if its context object is
 * destroyed first. Operations on one store complete in the order they were issued. Use from the
 * thread that owns the store. A headless caller can use readBlocking()/waitForPendingWrites().
 */
class SecretStore : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    /** Largest value accepted, in UTF-8 bytes; larger values are refused and nothing is written. */
    static constexpr qsizetype MaxValueBytes = 64 * 1024;
    /** Longest key accepted, in UTF-16 code units. */
    static constexpr qsizetype MaxKeyLength = 1024;

    ~SecretStore() override;

    /** Reads the value under key; result.value is nullopt when nothing is stored. */
    void read(const QString &key, QObject *context, Callback callback);
    /** Stores value under key, replacing any previous value. */
    void write(const QString &key, const QString &value, QObject *context, Callback callback);
    /** Deletes the value under key; removing a missing key succeeds. */
    void remove(const QString &key, QObject *context, Callback callback);

    SecretStatus status() const { return m_status; }
    /** Technical detail behind status() (e.g. the keychain's error message); may be empty. */
    QString statusDetail() const { return m_statusDetail; }
    /** Plain words for the UI, e.g. "Stored in the system keychain". */
    QString statusText() const { return statusText(m_status, m_statusDetail); }
    static QString statusText(SecretStatus status, const QString &detail = {});

    /** True while a write or remove has been issued and has not completed yet. */
    bool hasPendingWrites() const { return m_pendingWrites > 0; }
    /**
     * Runs a local event loop until every issued write/remove has completed or timeoutMs passed.
     * Call before quitting: a write still pending at exit is lost. Returns true when none is left.
     */
    bool waitForPendingWrites(int timeoutMs);
    /** read() for headless code: runs a local event loop for at most timeoutMs. */
    SecretResult readBlocking(const QString &key, int timeoutMs);

    /** Checks a key and a value against the store's limits; empty string when acceptable. */
    static QString validateKey(const QString &key);
    static QString validateValue(const QString &value);

Q_SIGNALS:
    void statusChanged(Playground::SecretStatus status);
    /** Emitted when the last pending write/remove has completed. */
    void pendingWritesFinished();

protected:
    explicit SecretStore(QObject *parent = nullptr);

    /** Completion handed to implementations; may be called synchronously or later, exactly once. */
    using Completion = std::function<void(SecretResult)>;
    virtual void startRead(const QString &key, Completion done) = 0;
    virtual void startWrite(const QString &key, const QString &value, Completion done) = 0;
    virtual void startRemove(const QString &key, Completion done) = 0;

    void setStatus(SecretStatus status, const QString &detail = {});

private:
    void deliver(QObject *context, Callback callback, SecretResult result);
    Completion writeCompletion(QObject *context, Callback callback);

    SecretStatus m_status = SecretStatus::Available;
    QString m_statusDetail;
    int m_pendingWrites = 0;
};

} // namespace Playground
