#include "app/send/SendService.h"

#include "app/auth/AuthApplier.h"
#include "app/auth/CollectionSecrets.h"
#include "app/auth/EnvironmentSecrets.h"
#include "app/auth/TokenManager.h"
#include "app/http/HttpExecutor.h"
#include "app/runner/CollectionRunner.h"
#include "app/secrets/SecretStore.h"
#include "app/send/SendSession.h"

namespace Playground {

SendService::SendService(SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_executor(new HttpExecutor(this))
    , m_tokens(new TokenManager(m_executor, store, this))
{
}

SendService::~SendService() = default;

void SendService::prepare(const RequestSpec &request, const RequestPath &path,
    const Collection *collection, const Environment *environment, bool credentialsAllowed,
    const SendOptions &options, QObject *context, Ready ready)
{
    // What applies to the request now; the keychain answers later.
    const Collection *credentials = credentialsAllowed ? collection : nullptr;
    VariableScopes scopes = VariableScopes::forRequest(path, collection, environment, {});
    const AuthSpec auth = AuthApplier::effectiveAuth(path, credentials);
    // The secrets of the request's credentials and the collection's secret variables.
    const QStringList names
        = credentials ? CollectionSecrets::namesFor(*credentials, { path }) : QStringList {};
    const Collection copy = credentials ? *credentials : Collection {};
    // An environment's secrets (from the keychain) go only where its base URL points.
    if (environment) {
        const QStringList origins = EnvironmentSecrets::bindingOrigins(*environment);
        for (const Variable &v : environment->values) {
            if (v.enabled && v.isSecret() && !v.value.isEmpty() && !origins.isEmpty())
                scopes.bind(v.key, origins);
        }
    }
    QPointer<QObject> guard(context);
    loadSecrets(copy, names, context,
        [this, request, copy, scopes, auth, options, guard, ready](
            const VariableList &secrets, const QString &problem) mutable {
            if (!guard)
                return;
            if (!problem.isEmpty()) {
                ready(nullptr, problem);
                return;
            }
            scopes.addScope(secrets); // strongest: the values the keychain holds
            const QHash<QString, QStringList> bound = CollectionSecrets::bindings(copy, secrets);
            for (auto it = bound.cbegin(); it != bound.cend(); ++it)
                scopes.bind(it.key(), it.value());
            ready(new SendSession(m_executor, m_tokens, request, auth, scopes, options, guard),
                QString());
        });
}

CollectionRunner *SendService::createRunner(const Collection &collection, QObject *parent)
{
    auto *runner = new CollectionRunner(collection, m_executor, parent);
    runner->setTokenManager(m_tokens);
    return runner;
}

void SendService::prepareRun(
    CollectionRunner *runner, std::function<void(const QString &problem)> ready)
{
    const Collection &collection = runner->collection();
    const QStringList names = CollectionSecrets::namesFor(collection, runner->requestPaths());
    QPointer<CollectionRunner> guard(runner);
    loadSecrets(collection, names, runner,
        [guard, ready](const VariableList &secrets, const QString &problem) {
            if (!guard)
                return;
            if (problem.isEmpty()) {
                guard->setOverrides(secrets); // strongest: the values the keychain holds
                guard->setSecretBindings(CollectionSecrets::bindings(guard->collection(), secrets));
            }
            ready(problem);
        });
}

void SendService::loadSecrets(const Collection &collection, const QStringList &names,
    QObject *context, std::function<void(const VariableList &, const QString &)> loaded)
{
    CollectionSecrets::load(m_store, collection, names, context,
        [loaded](const VariableList &secrets, const QStringList &problems) {
            loaded(secrets,
                problems.isEmpty()
                    ? QString()
                    : QStringLiteral("a secret could not be read from the keychain (%1)")
                          .arg(problems.join(QLatin1String("; "))));
        });
}

void SendService::fetchToken(const TokenRequest &request, QObject *context,
    std::function<void(const Result<AccessToken> &)> callback)
{
    m_tokens->token(request, context, std::move(callback));
}

void SendService::forgetToken(const TokenRequest &request)
{
    m_tokens->forget(request);
}

} // namespace Playground
