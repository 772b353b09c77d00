#include "app/auth/CollectionSecrets.h"
#include "app/auth/AuthApplier.h"

#include "app/auth/CredentialProfile.h"
#include "app/auth/ResolvedCredentials.h"
#include "app/formats/LiteralCredentials.h"
#include "app/policy/CredentialPolicy.h"
#include "app/secrets/SecretKey.h"
#include "app/secrets/SecretStore.h"
#include "app/template/RequestResolver.h"
#include "app/template/TemplateText.h"

#include <functional>

#include <QPointer>
#include <memory>

namespace Playground {

namespace {

    void addAuth(QStringList *names, const std::optional<AuthSpec> &auth)
    {
        if (!auth)
            return;
        if (const auto profile = CredentialProfile::fromAuthSpec(*auth))
            names->append(profile->secretVariables());
    }

    void addItems(QStringList *names, const QList<CollectionItem> &items)
    {
        for (const CollectionItem &item : items) {
            addAuth(names, item.isFolder ? item.auth : item.request.auth);
            addItems(names, item.children);
        }
    }

    void addSecretVariables(QStringList *names, const Collection &collection)
    {
        for (const Variable &v : collection.variables) {
            if (v.isSecret())
                names->append(v.key);
        }
        names->removeDuplicates();
    }

} // namespace

QStringList CollectionSecrets::namesFor(
    const Collection &collection, const QList<RequestPath> &paths)
{
    QStringList names;
    for (const RequestPath &path : paths)
        addAuth(&names, AuthApplier::effectiveAuth(path, &collection));
    addSecretVariables(&names, collection);
    return names;
}

QStringList CollectionSecrets::allNames(const Collection &collection)
{
    QStringList names;
    addAuth(&names, collection.auth);
    addItems(&names, collection.items);
    addSecretVariables(&names, collection);
    return names;
}

QString CollectionSecrets::baseUrlOrigin(const Collection &collection)
{
    VariableScopes scopes;
    scopes.addScope(collection.variables);
    if (!scopes.contains(QLatin1String(ResolvedCredentials::BaseUrlVariable)))
        return {};
    TemplateText text(scopes);
    return CredentialPolicy::baseUrlOrigin(text.resolveName(
        QLatin1String(ResolvedCredentials::BaseUrlVariable), SecretPosition::NotSent));
}

void CollectionSecrets::move(
    SecretStore *store, const QString &from, const QString &to, QObject *context)
{
    if (!store || from == to)
        return;
    store->read(from, context, [store, from, to, context](const SecretResult &old) {
        if (!old.ok || !old.value)
            return;
        store->write(to, *old.value, context, [store, from, context](const SecretResult &written) {
            if (written.persisted()) // the old entry goes only once the new one is safe
                store->remove(from, context, {});
        });
    });
}

void CollectionSecrets::removeUnused(SecretStore *store, const Collection &collection,
    const QHash<QString, QString> &keysOfRemoved, QObject *context)
{
    if (!store)
        return;
    const QStringList stillUsed = allNames(collection);
    for (auto it = keysOfRemoved.cbegin(); it != keysOfRemoved.cend(); ++it) {
        if (!stillUsed.contains(it.key()))
            store->remove(it.value(), context, {});
    }
}

QStringList CollectionSecrets::bindingOrigins(const Collection &collection, const QString &name)
{
    // Only the file's own variables: the binding is what the file says, whatever overrides a run.
    VariableScopes scopes;
    scopes.addScope(collection.variables);
    TemplateText text(scopes);
    const auto originOf = [&text](const QString &url) {
        return CredentialPolicy::baseUrlOrigin(text.resolve(url, SecretPosition::NotSent));
    };
    const QString base = baseUrlOrigin(collection);

    QStringList origins;
    bool usedByProfile = false;
    std::function<void(const std::optional<AuthSpec> &)> addAuth =
        [&](const std::optional<AuthSpec> &auth) {
            if (!auth)
                return;
            const std::optional<CredentialProfile> profile = CredentialProfile::fromAuthSpec(*auth);
            if (!profile || !profile->secretVariables().contains(name))
                return;
            usedByProfile = true;
            QStringList allowed;
            for (const QString &o : profile->allowedOrigins)
                allowed.append(originOf(o));
            if (profile->kind == CredentialProfile::Kind::ClientCredentials)
                allowed.append(originOf(profile->tokenUrl)); // where the secret itself is sent
            else if (allowed.isEmpty())
                allowed.append(base);
            origins += allowed;
        };
    std::function<void(const QList<CollectionItem> &)> addItems
        = [&](const QList<CollectionItem> &items) {
              for (const CollectionItem &item : items) {
                  addAuth(item.isFolder ? item.auth : item.request.auth);
                  addItems(item.children);
              }
          };
    addAuth(collection.auth);
    addItems(collection.items);
    if (!usedByProfile && !base.isEmpty()) {
        origins.append(base); // a "secret" variable: bound to the API the collection is for
    } else if (!usedByProfile) {
        // No base URL: bound to where the requests that use it go (a pasted command's API key).
        for (const RequestPath &path : flattenRequests(collection.items)) {
            if (LiteralCredentials::mentions(path.item->request, name))
                origins.append(originOf(path.item->request.url.base));
        }
    }
    origins.removeAll(QString());
    origins.removeDuplicates();
    origins.sort();
    return origins;
}

QHash<QString, QStringList> CollectionSecrets::bindings(
    const Collection &collection, const VariableList &secrets)
{
    QHash<QString, QStringList> bound;
    for (const Variable &secret : secrets) {
        const QStringList origins = bindingOrigins(collection, secret.key);
        if (!origins.isEmpty())
            bound.insert(secret.key, origins);
    }
    return bound;
}

Result<QString> CollectionSecrets::keyFor(const Collection &collection, const QString &name)
{
    const QString key = SecretKey::forCollectionVariable(collection.postmanId, name);
    const QStringList origins = bindingOrigins(collection, name);
    // Unbound, a stored secret would go wherever any file with this id sends it.
    if (origins.isEmpty())
        return Result<QString>::failure(
            QStringLiteral("{{%1}} is not tied to an origin in this collection, so it is not kept "
                           "in the keychain: give the collection a baseUrl variable "
                           "(https://…) or give its credentials allowed origins")
                .arg(name));
    return SecretKey::boundTo(key, origins);
}

QString CollectionSecrets::environmentVariable(const QString &name)
{
    QString out = QStringLiteral("PLAYGROUND_VAR_");
    for (QChar c : name) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
        out += plain ? c : QLatin1Char('_');
    }
    return out;
}

void CollectionSecrets::load(SecretStore *store, const Collection &collection,
    const QStringList &names, QObject *context, LoadCallback callback)
{
    QList<QPair<QString, QString>> keys; // name, key; a name never stored is simply absent
    if (!collection.postmanId.isEmpty()) {
        for (const QString &name : names) {
            if (const Result<QString> key = keyFor(collection, name))
                keys.append({ name, key.value() });
        }
    }
    readAll(store, keys, context, std::move(callback));
}

void CollectionSecrets::readAll(SecretStore *store, const QList<QPair<QString, QString>> &keys,
    QObject *context, LoadCallback callback)
{
    struct Pending {
        qsizetype left = 0;
        VariableList found;
        QStringList problems;
    };
    if (!store || keys.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [callback] { callback({}, {}); }, Qt::QueuedConnection);
        return;
    }
    auto pending = std::make_shared<Pending>();
    pending->left = keys.size();
    for (const auto &[name, key] : keys) {
        store->read(key, context, [pending, name = name, callback](const SecretResult &result) {
            if (result.ok && result.value && !result.value->isEmpty()) {
                Variable v;
                v.key = name;
                v.value = *result.value;
                v.type = QStringLiteral("secret");
                pending->found.append(v);
            } else if (!result.ok) {
                pending->problems.append(QStringLiteral("%1: %2").arg(name, result.error));
            }
            if (--pending->left == 0)
                callback(pending->found, pending->problems);
        });
    }
}

} // namespace Playground
