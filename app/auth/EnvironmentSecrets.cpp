#include "app/auth/EnvironmentSecrets.h"

#include "app/auth/CollectionSecrets.h"
#include "app/auth/ResolvedCredentials.h"
#include "app/policy/CredentialPolicy.h"
#include "app/secrets/SecretKey.h"
#include "app/secrets/SecretStore.h"
#include "app/template/TemplateText.h"
#include "app/template/VariableScopes.h"

#include <QMetaObject>

#include <memory>

namespace Playground {

QStringList EnvironmentSecrets::names(const Environment &environment)
{
    QStringList out;
    for (const Variable &v : environment.values) {
        if (v.isSecret() && !v.key.isEmpty() && !out.contains(v.key))
            out.append(v.key);
    }
    return out;
}

QStringList EnvironmentSecrets::bindingOrigins(const Environment &environment)
{
    // Only the file's own values name the origin: a secret never decides where it goes.
    VariableList plain;
    for (const Variable &v : environment.values) {
        if (!v.isSecret())
            plain.append(v);
    }
    VariableScopes scopes;
    scopes.addScope(plain);
    const QString name = QLatin1String(ResolvedCredentials::BaseUrlVariable);
    if (!scopes.contains(name))
        return {};
    const QString origin = CredentialPolicy::baseUrlOrigin(
        TemplateText(scopes).resolveName(name, SecretPosition::NotSent));
    return origin.isEmpty() ? QStringList {} : QStringList { origin };
}

Result<QString> EnvironmentSecrets::keyFor(const Environment &environment, const QString &name)
{
    if (environment.id.isEmpty())
        return Result<QString>::failure(
            QStringLiteral("the environment has no id, so {{%1}} cannot be kept in the keychain: "
                           "save it with API Playground first")
                .arg(name));
    const QStringList origins = bindingOrigins(environment);
    if (origins.isEmpty())
        return Result<QString>::failure(
            QStringLiteral("{{%1}} is not tied to an origin, so it is not kept in the keychain: "
                           "give the environment a baseUrl variable (https://…)")
                .arg(name));
    return SecretKey::boundTo(SecretKey::forEnvironmentVariable(environment.id, name), origins);
}

void EnvironmentSecrets::load(
    SecretStore *store, const Environment &environment, QObject *context, LoadCallback callback)
{
    QList<QPair<QString, QString>> keys; // name, key
    for (const QString &name : names(environment)) {
        if (const Result<QString> key = keyFor(environment, name))
            keys.append({ name, key.value() });
    }
    CollectionSecrets::readAll(store, keys, context, std::move(callback));
}

void EnvironmentSecrets::store(SecretStore *store, const Environment &environment,
    const QString &name, const QString &value, QObject *context,
    std::function<void(const Status &)> callback)
{
    const Result<QString> key = keyFor(environment, name);
    if (!key || !store) {
        const Status failed = Status::failure(
            key ? QStringLiteral("no keychain to keep {{%1}} in").arg(name) : key.error());
        QMetaObject::invokeMethod(
            context, [callback, failed] { callback(failed); }, Qt::QueuedConnection);
        return;
    }
    store->write(key.value(), value, context, [store, callback](const SecretResult &written) {
        if (written.persisted())
            callback({});
        else
            callback(Status::failure(written.ok ? store->statusText() : written.error));
    });
}

VariableList EnvironmentSecrets::withoutSecretValues(VariableList values)
{
    for (Variable &v : values) {
        if (v.isSecret())
            v.value.clear();
    }
    return values;
}

bool EnvironmentSecrets::differBesidesSecrets(const VariableList &a, const VariableList &b)
{
    if (a.size() != b.size())
        return true;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Variable &x = a.at(i);
        const Variable &y = b.at(i);
        if (x.key != y.key || x.enabled != y.enabled || x.type != y.type
            || x.description != y.description || x.extra != y.extra
            || (!x.isSecret() && x.value != y.value))
            return true;
    }
    return false;
}

} // namespace Playground
