#pragma once

#include "app/auth/AccessToken.h"
#include "app/auth/TokenRequest.h"
#include "app/core/Result.h"
#include "app/http/SendOptions.h"
#include "app/model/ResolvedRequest.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace Playground {

class HttpExecutor;
class SecretStore;

/**
 * Gets OAuth 2.0 client-credentials tokens through the HttpExecutor (same TLS and origin rules),
 * caches each one in the SecretStore and in memory per (token URL, client id, scope), renews it
 * 60 s before it expires, and keeps one token request in flight per cache key: callers asking
 * meanwhile wait for the same answer. Callbacks run later from the event loop, never inside the
 * call, and are dropped when their context object is destroyed.
 */
class TokenManager : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<AccessToken> &)>;

    TokenManager(HttpExecutor *executor, SecretStore *store, QObject *parent = nullptr);

    /** A fresh token: from memory, else from the store, else from the token endpoint. */
    void token(const TokenRequest &request, QObject *context, Callback callback);
    /**
     * After a 401 with rejected: a token other than rejected, fetched from the endpoint unless
     * another caller already renewed it.
     */
    void renew(
        const TokenRequest &request, const QString &rejected, QObject *context, Callback callback);
    /** Forgets the cached token, in memory and in the store ("forget token"). */
    void forget(const TokenRequest &request);

    static constexpr int DefaultKeychainTimeoutMs = 10'000;
    /** How long a cached token is waited for in the keychain before the send fails plainly. */
    void setKeychainTimeout(int ms) { m_keychainTimeoutMs = ms; }
    /** Options for token requests (timeouts; redirects are never followed). */
    void setSendOptions(const SendOptions &options) { m_options = options; }
    /** The token request as it goes on the wire (exactly one client authentication style). */
    static ResolvedRequest buildRequest(const TokenRequest &request);

Q_SIGNALS:
    /** A new token arrived from the endpoint (not from a cache). */
    void tokenAcquired(const QString &cacheKey);

private:
    struct Waiter {
        QPointer<QObject> context;
        Callback callback;
    };
    struct Pending {
        QList<Waiter> waiters;
        QStringList rejected; ///< tokens a caller reported as refused; never handed out again
    };

    void acquire(const TokenRequest &request, const QString &rejected, QObject *context,
        Callback callback, bool readStore);
    void fetch(const TokenRequest &request);
    void complete(const QString &key, const Result<AccessToken> &result);
    void deliver(const Waiter &waiter, const Result<AccessToken> &result);
    static QByteArray serialize(const AccessToken &token);
    static std::optional<AccessToken> deserialize(const QString &text);

    HttpExecutor *m_executor;
    QPointer<SecretStore> m_store;
    SendOptions m_options;
    int m_keychainTimeoutMs = DefaultKeychainTimeoutMs;
    QHash<QString, AccessToken> m_tokens;
    QHash<QString, Pending> m_pending;
};

} // namespace Playground
