#pragma once

#include "app/core/Result.h"
#include "app/model/Environment.h"

#include <QStringList>
#include <functional>

class QObject;

namespace Playground {

class SecretStore;

/**
 * The values of a Postman environment's "secret" variables: kept in the SecretStore under
 * SecretKey::forEnvironmentVariable(environment id, name) and bound to the origin of the
 * environment's own {{baseUrl}}, never in the file (it keeps the name with an empty value).
 */
class EnvironmentSecrets {
public:
    /** Names of the environment's secret variables, in file order. */
    static QStringList names(const Environment &environment);
    /** The origins a stored secret of this environment may reach: its {{baseUrl}}'s, or none. */
    static QStringList bindingOrigins(const Environment &environment);
    /**
     * Where the secret `name` is kept: the environment's id, the name and its binding origins.
     * Fails, saying what to do, when the environment has no id or no https base URL.
     */
    static Result<QString> keyFor(const Environment &environment, const QString &name);

    /** Values found (as secret variables) and, for each name not read, why. */
    using LoadCallback
        = std::function<void(const VariableList &found, const QStringList &problems)>;
    /**
     * Reads every secret of the environment from the store without blocking; callback runs once,
     * from the event loop, unless context is destroyed first. Nothing stored is simply absent.
     */
    static void load(SecretStore *store, const Environment &environment, QObject *context,
        LoadCallback callback);
    /**
     * Stores a secret value of the environment; callback (from the event loop) gets the store's
     * answer, or a failure saying why it was not stored (no id or origin: nothing is written).
     */
    static void store(SecretStore *store, const Environment &environment, const QString &name,
        const QString &value, QObject *context, std::function<void(const Status &)> callback);
    /** The environment with its secret values blanked: what files and undo steps hold. */
    static VariableList withoutSecretValues(VariableList values);
    /** Whether a and b differ in anything but secret values (what an undo step would hold). */
    static bool differBesidesSecrets(const VariableList &a, const VariableList &b);
};

} // namespace Playground
