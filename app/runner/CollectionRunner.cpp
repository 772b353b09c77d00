#include "app/runner/CollectionRunner.h"

#include "app/auth/TokenManager.h"
#include "app/http/CookieJar.h"
#include "app/model/RequestSettings.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/send/RequestOptions.h"
#include "app/send/SendSession.h"
#include "app/template/RequestResolver.h"

namespace Playground {

CollectionRunner::CollectionRunner(
    const Collection &collection, HttpExecutor *executor, QObject *parent)
    : QObject(parent)
    , m_collection(collection)
    , m_executor(executor)
    , m_paths(flattenRequests(collection.items))
    , m_cookies(new CookieJar(this))
{
}

bool CollectionRunner::setFolder(const QString &name)
{
    const CollectionItem *folder = m_collection.findFolder(name);
    if (!folder)
        return false;
    m_paths.removeIf([folder](const RequestPath &p) { return !p.folders.contains(folder); });
    return true;
}

void CollectionRunner::start()
{
    m_results.clear();
    QMetaObject::invokeMethod(this, &CollectionRunner::runNext, Qt::QueuedConnection);
}

void CollectionRunner::runNext()
{
    const qsizetype index = m_results.size();
    if (index >= m_paths.size()) {
        Q_EMIT finished();
        return;
    }
    const RequestPath &path = m_paths.at(index);
    RunResult result;
    result.name = path.item->name;
    for (const CollectionItem *folder : path.folders)
        result.folders.append(folder->name);
    result.httpErrorsAllowed = m_allowHttpErrors;
    Q_EMIT requestStarted(int(index), result.fullName());

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
    connect(session, &SendSession::finished, this, [this, session, result, index]() mutable {
        result.exchange = session->exchange();
        // A request that never left (unresolved, refused, no token) is reported as not sent.
        if (result.exchange.notSent())
            result.resolveError = result.exchange.error;
        session->deleteLater();
        m_results.append(result);
        Q_EMIT requestFinished(int(index), result);
        dropBody(m_results.last().exchange);
        runNext();
    });
    session->start();
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
