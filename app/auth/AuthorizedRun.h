#pragma once

#include "app/auth/ResolvedCredentials.h"
#include "app/core/Result.h"
#include "app/http/SendOptions.h"
#include "app/model/Exchange.h"
#include "app/model/RequestSpec.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace Playground {

class HttpExecutor;
class RequestRun;
class TokenManager;

/**
 * One request sent with its credential profile: an OAuth token is fetched (or taken from the
 * cache) first, `Authorization: Bearer …` is attached only when the request's origin is one the
 * profile allows (and kept across redirects only to those origins), and a 401 with an OAuth token
 * fetches one new token and retries once. The GUI and the runner both send through this.
 */
class AuthorizedRun : public QObject {
    Q_OBJECT
public:
    AuthorizedRun(HttpExecutor *executor, TokenManager *tokens, ResolvedRequest request,
        std::optional<ResolvedCredentials> credentials, SendOptions options,
        QObject *parent = nullptr);

    /**
     * Resolves request with auth and scopes. Bearer and OAuth client-credentials auth become a
     * profile applied by the run; other auth types are applied by the resolver. The run is not
     * started; the error names unresolved variables or unsafe values.
     */
    static Result<AuthorizedRun *> create(const RequestSpec &request, const AuthSpec &auth,
        const VariableScopes &scopes, HttpExecutor *executor, TokenManager *tokens,
        const SendOptions &options, QObject *parent);

    void start();
    /** Stops the send (or the token fetch); the exchange records "cancelled". */
    void cancel();
    /** The exchange of the last attempt (after a retry: the retried one). */
    const Exchange &exchange() const { return m_exchange; }
    /** Set when nothing was sent because no token could be obtained. */
    QString error() const { return m_error; }

Q_SIGNALS:
    void finished();
    /** Bytes of the response body received so far. */
    void progress(qint64 received);

private:
    bool isOAuth() const;
    void authorizeWith(const QString &token);
    void send();
    void onSent(const Exchange &exchange);
    void finish();

    HttpExecutor *m_executor;
    QPointer<RequestRun> m_run;
    bool m_cancelled = false;
    bool m_finished = false;
    TokenManager *m_tokens;
    ResolvedRequest m_request;
    std::optional<ResolvedCredentials> m_credentials;
    SendOptions m_options;
    Exchange m_exchange;
    QString m_token;
    QString m_error;
    bool m_retried = false;
};

} // namespace Playground
