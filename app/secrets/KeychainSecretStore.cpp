#include "app/secrets/KeychainSecretStore.h"

#include "app/core/Version.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QThread>

namespace Playground {

namespace {

    constexpr int DBusTimeoutMs = 5'000;

    bool sessionBusConnected()
    {
        return QDBusConnection::sessionBus().isConnected();
    }

    QString noBusText()
    {
        return KeychainSecretStore::tr(
            "No D-Bus session bus, so the system keychain cannot be reached.");
    }

    QString lockedText()
    {
        return KeychainSecretStore::tr("The keychain is locked.");
    }

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{
    if (!sessionBusConnected())
        setStatus(SecretStatus::NoSessionBus, noBusText());
    else
        refreshStatus();
}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::serviceName()
{
    return QString::fromLatin1(AppId);
}

void KeychainSecretStore::refreshStatus()
{
    if (!sessionBusConnected()) {
        setStatus(SecretStatus::NoSessionBus, noBusText());
        return;
    }
    queryLocked([this](std::optional<bool> locked) {
        if (locked && *locked)
            setStatus(SecretStatus::Locked, lockedText());
        else if (locked && status() == SecretStatus::Locked)
            setStatus(SecretStatus::Available);
    });
}

void KeychainSecretStore::queryLocked(std::function<void(std::optional<bool>)> answer)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    call << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    auto *watcher = new QDBusPendingCallWatcher(
        QDBusConnection::sessionBus().asyncCall(call, DBusTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [answer = std::move(answer)](QDBusPendingCallWatcher *w) {
            const QDBusPendingReply<QDBusVariant> reply = *w;
            w->deleteLater();
            // No Secret Service or no default collection (e.g. KWallet): we cannot tell.
            if (reply.isError()) {
                answer(std::nullopt);
                return;
            }
            answer(reply.value().variant().toBool());
        });
}

void KeychainSecretStore::startRead(const QString &key, Completion done)
{
    enqueue({ Kind::Read, key, {}, std::move(done) });
}

void KeychainSecretStore::startWrite(const QString &key, const QString &value, Completion done)
{
    enqueue({ Kind::Write, key, value, std::move(done) });
}

void KeychainSecretStore::startRemove(const QString &key, Completion done)
{
    enqueue({ Kind::Remove, key, {}, std::move(done) });
}

void KeychainSecretStore::enqueue(Operation op)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_queue.push_back(std::move(op));
    scheduleNext();
}

void KeychainSecretStore::scheduleNext()
{
    if (m_running || m_scheduled || m_queue.empty())
        return;
    m_scheduled = true;
    // Queued: the next job never starts inside the previous job's finished handler.
    QMetaObject::invokeMethod(this, &KeychainSecretStore::startNext, Qt::QueuedConnection);
}

void KeychainSecretStore::finishOperation(Operation &op, SecretResult result)
{
    Completion done = std::move(op.done);
    m_running = false;
    scheduleNext();
    done(std::move(result));
}

SecretResult KeychainSecretStore::refusedWrite(
    Operation &op, SecretStatus status, const QString &detail)
{
    // The keychain did not take it: keep it for this session so the app keeps working, and say so.
    m_session.insert(op.key, op.value);
    setStatus(status, detail);
    return { true, std::nullopt, status, statusText(status, detail) };
}

void KeychainSecretStore::startNext()
{
    m_scheduled = false;
    if (m_running || m_queue.empty())
        return;
    Operation op = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = true;

    if (op.kind == Kind::Read) {
        if (auto it = m_session.constFind(op.key); it != m_session.constEnd()) {
            finishOperation(op,
                { true, *it, status(),
                    status() == SecretStatus::Available ? QString() : statusText() });
            return;
        }
    }
    if (!sessionBusConnected()) {
        setStatus(SecretStatus::NoSessionBus, noBusText());
        if (op.kind == Kind::Write) {
            SecretResult result = refusedWrite(op, SecretStatus::NoSessionBus, noBusText());
            finishOperation(op, std::move(result));
            return;
        }
        if (op.kind == Kind::Remove)
            m_session.remove(op.key);
        finishOperation(op,
            { op.kind == Kind::Remove, std::nullopt, SecretStatus::NoSessionBus, statusText() });
        return;
    }

    QKeychain::Job *job = nullptr;
    switch (op.kind) {
    case Kind::Read:
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Kind::Write: {
        auto *write = new QKeychain::WritePasswordJob(serviceName());
        write->setTextData(op.value);
        job = write;
        break;
    }
    case Kind::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    // No parent: destroying the store must not delete a running job. The job deletes itself
    // after finished; the connection dies with this store if it goes first.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(op.key);
    connect(job, &QKeychain::Job::finished, this,
        [this, op = std::move(op)](
            QKeychain::Job *finishedJob) mutable { handleFinished(std::move(op), finishedJob); });
    job->start();
}

void KeychainSecretStore::handleFinished(Operation op, QKeychain::Job *job)
{
    const QKeychain::Error error = job->error();
    const QString errorString = job->errorString();
    std::optional<QString> value;
    if (op.kind == Kind::Read && error == QKeychain::NoError)
        value = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    // The job deletes itself after this handler; no pointer to it is kept.

    const bool removeOutcome = op.kind == Kind::Remove
        && (error == QKeychain::NoError || error == QKeychain::EntryNotFound);
    if (error == QKeychain::NoError && !removeOutcome) {
        if (op.kind == Kind::Write)
            m_session.remove(op.key);
        setStatus(SecretStatus::Available);
        finishOperation(op, { true, value, SecretStatus::Available, {} });
        return;
    }

    if (removeOutcome || (error == QKeychain::EntryNotFound && op.kind == Kind::Read)) {
        // A locked keyring reads as EntryNotFound, and a delete on it reports success while the
        // item stays: ask the Secret Service before answering "nothing stored" or "deleted".
        // The operation stays current (m_running) until the answer arrives.
        queryLocked([this, op = std::move(op)](std::optional<bool> locked) mutable {
            if (op.kind == Kind::Remove)
                m_session.remove(op.key);
            if (locked && *locked) {
                setStatus(SecretStatus::Locked, lockedText());
                finishOperation(op, { false, std::nullopt, SecretStatus::Locked, statusText() });
                return;
            }
            setStatus(SecretStatus::Available);
            finishOperation(op, { true, std::nullopt, SecretStatus::Available, {} });
        });
        return;
    }

    SecretStatus mapped = SecretStatus::OtherError;
    QString detail = errorString;
    if (!sessionBusConnected()) {
        mapped = SecretStatus::NoSessionBus;
        detail = noBusText();
    } else if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser) {
        // On the libsecret path a locked keyring makes writes fail with AccessDenied.
        mapped = SecretStatus::Locked;
        detail = lockedText();
    } else if (error == QKeychain::NoBackendAvailable) {
        mapped = SecretStatus::NoSecretService;
    }

    if (op.kind == Kind::Write) {
        SecretResult result = refusedWrite(op, mapped, detail);
        finishOperation(op, std::move(result));
        return;
    }
    if (op.kind == Kind::Remove)
        m_session.remove(op.key);
    setStatus(mapped, detail);
    finishOperation(op, { false, std::nullopt, mapped, statusText() });
}

} // namespace Playground
