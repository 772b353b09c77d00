#include "app/secrets/SecretStore.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace Playground {

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::statusText(SecretStatus status, const QString &detail)
{
    switch (status) {
    case SecretStatus::Available:
        return tr("Stored in the system keychain");
    case SecretStatus::Locked:
        return tr("Keychain locked — secrets kept for this session only");
    case SecretStatus::NoSessionBus:
        return tr("No keychain service (no D-Bus session) — secrets kept for this session only");
    case SecretStatus::NoSecretService:
        return tr("No keychain service running — secrets kept for this session only");
    case SecretStatus::OtherError:
        break;
    }
    return tr("Keychain error: %1 — secrets kept for this session only")
        .arg(detail.isEmpty() ? tr("unknown error") : detail);
}

QString SecretStore::validateKey(const QString &key)
{
    if (key.isEmpty())
        return tr("A secret needs a non-empty key.");
    if (key.size() > MaxKeyLength)
        return tr("The secret's key is longer than %1 characters.").arg(MaxKeyLength);
    return {};
}

QString SecretStore::validateValue(const QString &value)
{
    const qsizetype bytes = value.toUtf8().size();
    if (bytes > MaxValueBytes)
        return tr("The secret is too large (%1 bytes; at most %2 bytes). Nothing was stored.")
            .arg(bytes)
            .arg(MaxValueBytes);
    return {};
}

void SecretStore::setStatus(SecretStatus status, const QString &detail)
{
    const bool changed = status != m_status;
    m_status = status;
    m_statusDetail = detail;
    if (changed)
        Q_EMIT statusChanged(status);
}

void SecretStore::deliver(QObject *context, Callback callback, SecretResult result)
{
    if (!callback)
        return;
    // Always queued, so a callback never runs inside read()/write()/remove(), and it is dropped
    // together with the pending event when its context object is destroyed.
    QMetaObject::invokeMethod(
        context ? context : this,
        [callback = std::move(callback), result = std::move(result)] { callback(result); },
        Qt::QueuedConnection);
}

void SecretStore::read(const QString &key, QObject *context, Callback callback)
{
    if (const QString error = validateKey(key); !error.isEmpty()) {
        deliver(
            context, std::move(callback), SecretResult { false, std::nullopt, m_status, error });
        return;
    }
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    startRead(key, [this, guard, hadContext, callback = std::move(callback)](SecretResult result) {
        if (hadContext && !guard)
            return;
        deliver(guard.data(), callback, std::move(result));
    });
}

SecretStore::Completion SecretStore::writeCompletion(QObject *context, Callback callback)
{
    ++m_pendingWrites;
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    return [this, guard, hadContext, callback = std::move(callback)](SecretResult result) {
        --m_pendingWrites;
        if (!(hadContext && !guard))
            deliver(guard.data(), callback, std::move(result));
        if (m_pendingWrites == 0)
            Q_EMIT pendingWritesFinished();
    };
}

void SecretStore::write(
    const QString &key, const QString &value, QObject *context, Callback callback)
{
    QString error = validateKey(key);
    if (error.isEmpty())
        error = validateValue(value);
    if (!error.isEmpty()) {
        deliver(
            context, std::move(callback), SecretResult { false, std::nullopt, m_status, error });
        return;
    }
    startWrite(key, value, writeCompletion(context, std::move(callback)));
}

void SecretStore::remove(const QString &key, QObject *context, Callback callback)
{
    if (const QString error = validateKey(key); !error.isEmpty()) {
        deliver(
            context, std::move(callback), SecretResult { false, std::nullopt, m_status, error });
        return;
    }
    startRemove(key, writeCompletion(context, std::move(callback)));
}

bool SecretStore::waitForPendingWrites(int timeoutMs)
{
    if (!hasPendingWrites())
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(this, &SecretStore::pendingWritesFinished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    return !hasPendingWrites();
}

SecretResult SecretStore::readBlocking(const QString &key, int timeoutMs)
{
    auto outcome = std::make_shared<std::optional<SecretResult>>();
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    // The loop is the context: a late answer after a timeout is dropped with it.
    read(key, &loop, [outcome, &loop](const SecretResult &result) {
        *outcome = result;
        loop.quit();
    });
    timer.start(timeoutMs);
    loop.exec();
    if (*outcome)
        return **outcome;
    return SecretResult { false, std::nullopt, m_status,
        tr("The keychain did not answer within %1 ms.").arg(timeoutMs) };
}

} // namespace Playground
