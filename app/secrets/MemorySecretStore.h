#pragma once

#include "app/secrets/SecretStore.h"

#include <QHash>

namespace Playground {

/**
 * Secrets kept in this process's memory only. Used by tests and as the session-only store when no
 * keychain can be reached (then setReportedStatus() says why). It can be scripted to fail the way
 * KeychainSecretStore does, to be slow, or to never answer.
 */
class MemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    /** A scripted fault, mirroring what KeychainSecretStore reports for the real thing. */
    enum class Failure {
        None,
        /** No session bus: reads fail (unless written this session), writes are kept in memory
           only. */
        NoSessionBus,
        /**
         * Locked keyring: reads of anything not written this session fail with Locked (never
         * "nothing stored"); writes are denied by the keychain and kept in memory only.
         */
        Locked,
        /** Any other keychain error, with the given message. */
        OtherError,
    };

    explicit MemorySecretStore(QObject *parent = nullptr);

    /** Session-only mode: status() reports this (e.g. NoSessionBus); values are still kept. */
    void setReportedStatus(SecretStatus status, const QString &detail = {});
    /** Makes the following operations fail like a real keychain (None restores normal service). */
    void setFailure(Failure failure, const QString &message = {});
    /** Answers after delayMs instead of on the next event-loop turn (0 = no delay). */
    void setDelay(int delayMs) { m_delayMs = delayMs; }
    /** When true, operations issued afterwards never complete (a hung keychain). */
    void setNeverFinishes(bool never) { m_neverFinishes = never; }

    /** What a real keychain would hold (values written while healthy); for tests. */
    QHash<QString, QString> persistentValues() const { return m_persistent; }
    /** Values kept for this session only because the (scripted) keychain refused them. */
    QHash<QString, QString> sessionValues() const { return m_session; }

protected:
    void startRead(const QString &key, Completion done) override;
    void startWrite(const QString &key, const QString &value, Completion done) override;
    void startRemove(const QString &key, Completion done) override;

private:
    void finish(Completion done, SecretResult result);
    SecretStatus failureStatus() const;
    QString failureText() const;

    QHash<QString, QString> m_persistent;
    QHash<QString, QString> m_session;
    SecretStatus m_reportedStatus = SecretStatus::Available;
    QString m_reportedDetail;
    Failure m_failure = Failure::None;
    QString m_failureMessage;
    int m_delayMs = 0;
    bool m_neverFinishes = false;
};

} // namespace Playground
