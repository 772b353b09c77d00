#pragma once

#include "app/http/SendOptions.h"
#include "app/model/Collection.h"
#include "app/model/Environment.h"
#include "app/runner/RunResult.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace Playground {

class CookieJar;
class HttpExecutor;
class SendSession;
class TokenManager;

/**
 * Runs the requests of a collection (or one folder) in order over one executor, some left out,
 * several iterations, with a pause between requests, each with its own settings
 * (RequestSettings) and a cookie jar of the run's own: cookies one request gets go with the next
 * ones, and nothing is kept after the run. It runs a copy of the collection: edits made meanwhile
 * neither change the run nor are changed by it.
 */
class CollectionRunner : public QObject {
    Q_OBJECT
public:
    CollectionRunner(Collection collection, HttpExecutor *executor, QObject *parent = nullptr);

    /** The copy the run sends from. */
    const Collection &collection() const { return m_collection; }
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
    /** Restricts the run to the folder at rows (row numbers from the top); false if none is there.
     */
    bool setFolderPath(const QList<int> &rows);
    /** Leaves requests out of the run (indexes into requestPaths() as it is now). */
    void leaveOut(const QList<int> &indexes);
    /** How many times the whole list is sent (at least once). */
    void setIterations(int count) { m_iterations = qMax(1, count); }
    int iterations() const { return m_iterations; }
    /** The pause between two requests. */
    void setDelayMs(int ms) { m_delayMs = qMax(0, ms); }
    /** The requests of one iteration, in order. */
    const QList<RequestPath> &requestPaths() const { return m_paths; }

    /** Sends in the whole run: requestPaths() times iterations(). */
    int requestCount() const { return int(m_paths.size()) * m_iterations; }
    /** What send number index of the run is (name, folders, iteration), not sent yet. */
    RunResult planned(int index) const;
    void start();
    /**
     * Stops the run: the request in flight is cancelled and every one not sent yet is reported as
     * not run (requestFinished for each), then finished().
     */
    void stop();
    bool isRunning() const { return m_running; }
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
    void onSessionFinished(SendSession *session, RunResult result);
    void finishStopped();
    static void dropBody(Exchange &exchange);
    TokenManager *tokenManager();

    Collection m_collection;
    HttpExecutor *m_executor;
    TokenManager *m_tokens = nullptr;
    std::optional<Environment> m_environment;
    VariableList m_overrides;
    QHash<QString, QStringList> m_bindings;
    SendOptions m_options;
    bool m_allowHttpErrors = false;
    int m_iterations = 1;
    int m_delayMs = 0;
    QList<RequestPath> m_paths;
    QList<RunResult> m_results;
    CookieJar *m_cookies;
    QPointer<SendSession> m_session;
    QTimer m_pause;
    bool m_running = false;
    bool m_stopping = false;
};

} // namespace Playground
