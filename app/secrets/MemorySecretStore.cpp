#include "app/secrets/MemorySecretStore.h"

#include <QTimer>

namespace Playground {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
}

void MemorySecretStore::setReportedStatus(SecretStatus status, const QString &detail)
{
    m_reportedStatus = status;
    m_reportedDetail = detail;
    if (m_failure == Failure::None)
        setStatus(status, detail);
}

void MemorySecretStore::setFailure(Failure failure, const QString &message)
{
    m_failure = failure;
    m_failureMessage = message;
}

SecretStatus MemorySecretStore::failureStatus() const
{
    switch (m_failure) {
    case Failure::None:
        return m_reportedStatus;
    case Failure::NoSessionBus:
        return SecretStatus::NoSessionBus;
    case Failure::Locked:
        return SecretStatus::Locked;
    case Failure::OtherError:
        return SecretStatus::OtherError;
    }
    return SecretStatus::OtherError;
}

QString MemorySecretStore::failureText() const
{
    switch (m_failure) {
    case Failure::None:
        return m_reportedStatus == SecretStatus::Available
            ? QString()
            : statusText(m_reportedStatus, m_reportedDetail);
    case Failure::NoSessionBus:
        return tr("No D-Bus session bus, so the system keychain cannot be reached.");
    case Failure::Locked:
        return tr("The keychain is locked.");
    case Failure::OtherError:
        return m_failureMessage.isEmpty() ? tr("Unknown keychain error.") : m_failureMessage;
    }
    return {};
}

void MemorySecretStore::finish(Completion done, SecretResult result)
{
    if (m_neverFinishes)
        return; // a hung keychain: the completion is dropped, pending writes stay pending
    if (m_delayMs > 0) {
        QTimer::singleShot(m_delayMs, this,
            [done = std::move(done), result = std::move(result)] { done(result); });
        return;
    }
    done(std::move(result));
}

void MemorySecretStore::startRead(const QString &key, Completion done)
{
    const SecretStatus current = failureStatus();
    setStatus(current, failureText());
    if (auto it = m_session.constFind(key); it != m_session.constEnd()) {
        finish(std::move(done), { true, *it, current, failureText() });
        return;
    }
    if (m_failure != Failure::None) {
        // Like the real keychain store: a locked keyring must not read as "nothing stored".
        finish(std::move(done), { false, std::nullopt, current, failureText() });
        return;
    }
    const auto it = m_persistent.constFind(key);
    const std::optional<QString> value
        = it == m_persistent.constEnd() ? std::nullopt : std::optional<QString>(*it);
    finish(std::move(done), { true, value, current, failureText() });
}

void MemorySecretStore::startWrite(const QString &key, const QString &value, Completion done)
{
    if (m_neverFinishes)
        return; // a hung keychain: nothing is stored and the write stays pending
    const SecretStatus current = failureStatus();
    setStatus(current, failureText());
    if (current != SecretStatus::Available) {
        // The keychain refused (scripted fault) or there is none (session-only mode): the value is
        // kept in memory for this session only, and the result says so.
        m_session.insert(key, value);
        finish(std::move(done), { true, std::nullopt, current, failureText() });
        return;
    }
    m_persistent.insert(key, value);
    m_session.remove(key);
    finish(std::move(done), { true, std::nullopt, current, {} });
}

void MemorySecretStore::startRemove(const QString &key, Completion done)
{
    if (m_neverFinishes)
        return;
    const SecretStatus current = failureStatus();
    setStatus(current, failureText());
    m_session.remove(key);
    if (m_failure != Failure::None) {
        // The keychain could not be asked to delete its copy.
        finish(std::move(done), { false, std::nullopt, current, failureText() });
        return;
    }
    m_persistent.remove(key);
    finish(std::move(done), { true, std::nullopt, current, failureText() });
}

} // namespace Playground
