#include "app/runner/CollectionRunner.h"

#include "app/auth/TokenManager.h"
#include "app/http/CookieJar.h"
#include "app/model/RequestSettings.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/send/RequestOptions.h"
#include "app/send/SendSession.h"
#include "app/template/RequestResolver.h"

#include <algorithm>

namespace Playground {

CollectionRunner::CollectionRunner(Collection collection, HttpExecutor *executor, QObject *parent)
    : QObject(parent)
    , m_collection(std::move(collection))
    , m_executor(executor)
    , m_paths(flattenRequests(m_collection.items))
    , m_cookies(new CookieJar(this))
{
    m_pause.setSingleShot(true);
    connect(&m_pause, &QTimer::timeout, this, &CollectionRunner::runNext);
}

bool CollectionRunner::setFolder(const QString &name)
{
    const CollectionItem *folder = m_collection.findFolder(name);
    if (!folder)
        return false;
    m_paths.removeIf([folder](const RequestPath &p) { return !p.folders.contains(folder); });
    return true;
}

bool CollectionRunner::setFolderPath(const QList<int> &rows)
{
    const CollectionItem *folder = nullptr;
    const QList<CollectionItem> *items = &m_collection.items;
    for (int row : rows) {
        if (row < 0 || row >= items->size())
            return false;
        folder = &items->at(row);
        items = &folder->children;
    }
    if (!folder || !folder->isFolder)
        return false;
    m_paths.removeIf([folder](const RequestPath &p) { return !p.folders.contains(folder); });
    return true;
}

void CollectionRunner::leaveOut(const QList<int> &indexes)
{
    QList<int> sorted = indexes;
    std::sort(sorted.begin(), sorted.end(), std::greater<int>());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (int index : sorted) {
        if (index >= 0 && index < m_paths.size())
            m_paths.removeAt(index);
    }
}

RunResult CollectionRunner::planned(int index) const
{
    RunResult result;
    if (m_paths.isEmpty() || index < 0 || index >= requestCount())
        return result;
    const RequestPath &path = m_paths.at(index % m_paths.size());
    result.name = path.item->name;
    for (const CollectionItem *folder : path.folders)
        result.folders.append(folder->name);
    result.iteration = int(index / m_paths.size());
    result.httpErrorsAllowed = m_allowHttpErrors;
    result.exchange.method = path.item->request.method.toUtf8();
    return result;
}

void CollectionRunner::start()
{
    m_results.clear();
    m_running = true;
    m_stopping = false;
    QMetaObject::invokeMethod(this, &CollectionRunner::runNext, Qt::QueuedConnection);
}

void CollectionRunner::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    if (m_session && !m_session->isFinished()) {
        m_session->cancel(); // its finished() reports it, then the rest as not run
        return;
    }
    m_pause.stop();
    finishStopped();
}

void CollectionRunner::finishStopped()
{
    for (int index = int(m_results.size()); index < requestCount(); ++index) {
        RunResult result = planned(index);
        result.exchange.failure = FailureKind::Cancelled;
        result.exchange.error = QStringLiteral("not run: the run was stopped");
        m_results.append(result);
        Q_EMIT requestFinished(index, result);
    }
    m_running = false;
    Q_EMIT finished();
}

void CollectionRunner::runNext()
{
    if (!m_running || m_session)
        return;
    if (m_stopping) {
        finishStopped();
        return;
    }
    const int index = int(m_results.size());
    if (index >= requestCount()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    const RequestPath &path = m_paths.at(index % m_paths.size());
    RunResult result = planned(index);
    Q_EMIT requestStarted(index, result.fullName());

    VariableScopes scopes = VariableScopes::forRequest(
        path, &m_collection, m_environment ? &*m_environment : nullptr, m_overrides);
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it)
        scopes.bind(it.key(), it.value());
    // The request's own redirects and timeout. How servers are trusted and reached comes from
    // the command line only (--insecure, --ca-cert), never from a file being run; no proxy.
    // Cookies flow within this run only.
    RequestSettings settings = RequestSettings::of(*path.item);
    settings.verifyTls = !m_options.insecure;
    settings.caCertificateFile.clear();
    settings.proxy.clear();
    Result<SendOptions> options = RequestOptions::apply(settings, m_options);
    if (!options) {
        result.exchange.failure = FailureKind::Invalid;
        result.exchange.error = options.error();
        result.resolveError = options.error();
        m_results.append(result);
        Q_EMIT requestFinished(int(index), result);
        QMetaObject::invokeMethod(this, &CollectionRunner::runNext, Qt::QueuedConnection);
        return;
    }
    options->cookieJar = m_cookies;
    auto *session = new SendSession(m_executor, tokenManager(), path.item->request,
        AuthApplier::effectiveAuth(path, &m_collection), scopes, options.value(), this);
    m_session = session;
    connect(session, &SendSession::finished, this,
        [this, session, result] { onSessionFinished(session, result); });
    session->start();
}

void CollectionRunner::onSessionFinished(SendSession *session, RunResult result)
{
    const int index = int(m_results.size());
    result.exchange = session->exchange();
    // A request that never left (unresolved, refused, no token) is reported as not sent.
    if (result.exchange.notSent())
        result.resolveError = result.exchange.error;
    session->deleteLater();
    m_session = nullptr;
    m_results.append(result);
    Q_EMIT requestFinished(index, result);
    dropBody(m_results.last().exchange);
    if (m_stopping) {
        finishStopped();
        return;
    }
    if (m_delayMs > 0 && m_results.size() < requestCount())
        m_pause.start(m_delayMs);
    else
        runNext();
}

void CollectionRunner::dropBody(Exchange &exchange)
{
    // Reports need status, sizes, timings and headers; the bodies were for requestFinished's
    // listeners. Keeping them would grow a run with every request (and hold its spill files).
    exchange.body = QByteArray();
    exchange.bodyFile.reset();
    exchange.requestBody = QByteArray();
}

TokenManager *CollectionRunner::tokenManager()
{
    if (!m_tokens)
        m_tokens = new TokenManager(m_executor, new MemorySecretStore(this), this);
    return m_tokens;
}

} // namespace Playground
