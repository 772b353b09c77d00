#pragma once

#include "app/auth/AuthApplier.h"
#include "app/http/SendOptions.h"
#include "app/model/Exchange.h"
#include "app/model/RequestSpec.h"
#include "app/template/VariableScopes.h"

#include <QObject>
#include <QPointer>

namespace Playground {

class HttpExecutor;
class RequestRun;
class TokenManager;

/**
 * The one send path. The window, `run` and the collection runner all send through it:
 *
 *   substitute variables (RequestResolver, secrets marked where they land)
 *   → apply auth (AuthApplier, every type; an OAuth token fetched through TokenManager)
 *   → CredentialPolicy (positional: where each secret may go, before any DNS lookup)
 *   → execute (RequestRun: redirects, TLS, limits, timings)
 *   → one Exchange, whose FailureKind says what happened: not sent (unresolved, invalid,
 *     refused, no token), transport, TLS, limit, cancelled.
 *
 * A 401 with an OAuth token fetches one new token and sends once more, never more.
 */
class SendSession : public QObject {
    Q_OBJECT
public:
    /** A request ready to send (or why not), before any token is fetched. */
    struct Prepared {
        ResolvedRequest request;
        AuthApplier::Pending pending;
        FailureKind failure = FailureKind::None; ///< Unresolved, Invalid or Refused
        QString message; ///< why it cannot be sent, secrets redacted
        QStringList unresolved;
        const QString &error() const { return message; }

        bool ok() const { return failure == FailureKind::None; }
        explicit operator bool() const { return ok(); }
        const ResolvedRequest *operator->() const { return &request; }
        const ResolvedRequest &value() const { return request; }
    };

    /**
     * Substitutes, applies auth and asks the credential policy, synchronously. scopes: the
     * variables visible to the request, with secret and keychain-bound names marked.
     */
    static Prepared prepare(
        const RequestSpec &request, const AuthSpec &auth, VariableScopes scopes);

    SendSession(HttpExecutor *executor, TokenManager *tokens, const RequestSpec &request,
        const AuthSpec &auth, const VariableScopes &scopes, const SendOptions &options,
        QObject *parent = nullptr);

    /** Sends; finished() follows once, also when nothing could be sent. */
    void start();
    /** Stops the send (or the token fetch); the exchange records "cancelled". */
    void cancel();
    bool isFinished() const { return m_finished; }
    /** The exchange of the last attempt (after a retry: the retried one). */
    const Exchange &exchange() const { return m_exchange; }
    /**
     * What to mask in anything recorded of this send, the response included (a server may echo
     * a credential): the resolved secret values (an OAuth token too) and the credentials of
     * credential headers as sent (typed literally as well). For HistoryContext::redactions;
     * never store or show them.
     */
    QStringList redactionValues() const;

Q_SIGNALS:
    void finished();
    /** Bytes of the response body received so far. */
    void progress(qint64 received);

private:
    void send();
    void onSent(const Exchange &exchange);
    void failBeforeSending(FailureKind kind, const QString &error);
    void finish();

    HttpExecutor *m_executor;
    TokenManager *m_tokens;
    Prepared m_prepared;
    SendOptions m_options;
    QPointer<RequestRun> m_run;
    QStringList m_jarCookieValues; ///< cookies the jar sent: a server may echo them
    Exchange m_exchange;
    QString m_token;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_retried = false;
};

} // namespace Playground
