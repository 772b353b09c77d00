#pragma once

#include "app/auth/AccessToken.h"
#include "app/auth/TokenRequest.h"
#include "app/core/Result.h"
#include "app/http/SendOptions.h"
#include "app/model/Collection.h"
#include "app/model/Environment.h"
#include "app/secrets/SecretStore.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace Playground {

class CollectionRunner;
class HttpExecutor;
class SendSession;
class TokenManager;

/**
 * What the window sends with: one executor (connection pools), one token manager (OAuth tokens
 * cached in the keychain), and the way a request at its place in a collection becomes a
 * SendSession — its variables, its inherited auth, and its secrets read from the keychain without
 * blocking and bound to the origins they were stored for.
 */
class SendService : public QObject {
    Q_OBJECT
public:
    /** store: where secrets and tokens live; not owned. */
    explicit SendService(SecretStore *store, QObject *parent = nullptr);
    ~SendService() override;

    /** The session to send; null with a message when a secret could not be read. */
    using Ready = std::function<void(SendSession *session, const QString &problem)>;
    /**
     * Prepares a send of request, at path in collection, with environment's values above the
     * collection's (either may be null); null collection, or credentialsAllowed false, for a
     * scratch request: the collection's variables, never its credentials). The keychain is asked
     * first; ready runs from the event loop with the session (not started, parented to context)
     * unless context is destroyed first.
     */
    void prepare(const RequestSpec &request, const RequestPath &path, const Collection *collection,
        const Environment *environment, bool credentialsAllowed, const SendOptions &options,
        QObject *context, Ready ready);

    /**
     * A collection run that sends as the window does: the same executor and OAuth tokens, and
     * (once prepareRun() answered) the keychain's secrets bound to their origins.
     */
    CollectionRunner *createRunner(const Collection &collection, QObject *parent);
    /**
     * Reads from the keychain, without blocking, the secrets the requests of runner need and gives
     * them to it; ready runs from the event loop with a problem (empty when the run may start),
     * unless runner is destroyed first.
     */
    void prepareRun(CollectionRunner *runner, std::function<void(const QString &problem)> ready);

    /** An OAuth token for request ("Get token" in the credentials panel). */
    void fetchToken(const TokenRequest &request, QObject *context,
        std::function<void(const Result<AccessToken> &)> callback);
    /** Forgets a cached token, in memory and in the keychain. */
    void forgetToken(const TokenRequest &request);

private:
    /** Reads names from the keychain; problem names what could not be read. */
    void loadSecrets(const Collection &collection, const QStringList &names, QObject *context,
        std::function<void(const VariableList &secrets, const QString &problem)> loaded);

    QPointer<SecretStore> m_store;
    HttpExecutor *m_executor;
    TokenManager *m_tokens;
};

} // namespace Playground
