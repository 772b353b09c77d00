#pragma once

#include "app/http/SendOptions.h"
#include "app/model/Collection.h"
#include "app/model/Environment.h"
#include "app/runner/RunResult.h"

#include <QObject>
#include <optional>

namespace Playground {

class CookieJar;
class HttpExecutor;
class TokenManager;

/**
 * Runs the requests of a collection (or one folder) in order over one executor, each with its
 * own settings (RequestSettings), with a cookie jar of the run's own: cookies one request gets
 * go with the next ones, and nothing is kept after the run.
 */
class CollectionRunner : public QObject {
    Q_OBJECT
public:
    CollectionRunner(
        const Collection &collection, HttpExecutor *executor, QObject *parent = nullptr);

    void setEnvironment(const std::optional<Environment> &environment)
    {
        m_environment = environment;
    }
    void setOverrides(const VariableList &overrides) { m_overrides = overrides; }
    /** Secrets read from the keychain, with the origins each may go to (VariableScopes::bind). */
    void setSecretBindings(const QHash<QString, QStringList> &bindings) { m_bindings = bindings; }
    void setSendOptions(const SendOptions &options) { m_options = options; }
    void setAllowHttpErrors(bool allow) { m_allowHttpErrors = allow; }
    /** Where OAuth tokens come from; without one the runner keeps tokens in memory for the run. */
    void setTokenManager(TokenManager *tokens) { m_tokens = tokens; }
    /** Restricts the run to one folder; false when there is no such folder. */
    bool setFolder(const QString &name);
    /** The requests the run will send, in order. */
    const QList<RequestPath> &requestPaths() const { return m_paths; }

    int requestCount() const { return int(m_paths.size()); }
    void start();
    /**
     * What each request gave, without bodies: a body (and its spill file) is kept only until
     * requestFinished() has been emitted for it. bodySize stays.
     */
    const QList<RunResult> &results() const { return m_results; }

Q_SIGNALS:
    void requestStarted(int index, const QString &name);
    void requestFinished(int index, const Playground::RunResult &result);
    void finished();

private:
    void runNext();
    static void dropBody(Exchange &exchange);
    TokenManager *tokenManager();

    const Collection &m_collection;
    HttpExecutor *m_executor;
    TokenManager *m_tokens = nullptr;
    std::optional<Environment> m_environment;
    VariableList m_overrides;
    QHash<QString, QStringList> m_bindings;
    SendOptions m_options;
    bool m_allowHttpErrors = false;
    QList<RequestPath> m_paths;
    QList<RunResult> m_results;
    CookieJar *m_cookies;
};

} // namespace Playground
