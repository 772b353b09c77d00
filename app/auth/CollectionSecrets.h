#pragma once

#include "app/core/Result.h"
#include "app/model/Collection.h"

#include <QStringList>
#include <functional>

class QObject;

namespace Playground {

class SecretStore;

/**
 * The secret variables a collection needs: those its credential profiles refer to (the PAT, the
 * client secret) and the collection's variables of type "secret". Their values live in the
 * SecretStore under SecretKey::forCollectionVariable(collection id, name); headless runs may
 * take them from the environment variable PLAYGROUND_VAR_<name> instead.
 */
class CollectionSecrets {
public:
    /** Names needed by these requests, in first-use order. */
    static QStringList namesFor(const Collection &collection, const QList<RequestPath> &paths);
    /** Names needed anywhere in the collection (every auth block). */
    static QStringList allNames(const Collection &collection);
    /**
     * Where the collection's secret `name` is kept in the SecretStore. The key holds the
     * collection id, the name and the origins the secret may reach as this file describes them
     * (its profiles' allowed origins, OAuth token URL, else {{baseUrl}}, else the origins of the
     * requests that use it): a file that copies the
     * id but points the credentials elsewhere finds nothing stored. Fails, saying what to do, when
     * the file ties the secret to no origin: such a secret is never stored or read.
     */
    static Result<QString> keyFor(const Collection &collection, const QString &name);
    /** The origins keyFor() binds `name` to, sorted; empty when the file names none. */
    static QStringList bindingOrigins(const Collection &collection, const QString &name);
    /**
     * Secrets read from the keychain for collection may go only to the origins they were stored
     * for: name → bindingOrigins(), for VariableScopes::bind (a send, an export).
     */
    static QHash<QString, QStringList> bindings(
        const Collection &collection, const VariableList &secrets);

    /**
     * The origin of the collection's {{baseUrl}} (ResolvedCredentials::BaseUrlVariable), through
     * its own variables; empty when there is none or it is not an http(s) URL. The one definition
     * of "the base URL's origin".
     */
    static QString baseUrlOrigin(const Collection &collection);
    /**
     * Moves a stored secret from one key to another (its origins changed): the old entry is
     * removed only once the new one is stored in the keychain.
     */
    static void move(SecretStore *store, const QString &from, const QString &to, QObject *context);
    /**
     * Deletes the stored secrets of variables (name → key) that no credential of collection uses
     * any more.
     */
    static void removeUnused(SecretStore *store, const Collection &collection,
        const QHash<QString, QString> &keysOfRemoved, QObject *context);

    /** "PLAYGROUND_VAR_<name>", every character other than A-Z, a-z, 0-9 and '_' as '_'. */
    static QString environmentVariable(const QString &name);

    /** Values found (as secret variables) and, for each name not found, why. */
    using LoadCallback
        = std::function<void(const VariableList &found, const QStringList &problems)>;
    /**
     * Reads the named secrets of the collection from the store without blocking; callback runs
     * once, from the event loop, unless context is destroyed first. A name with no value stored
     * is simply absent (the resolver then lists it as unresolved); a keychain failure is a problem.
     */
    static void load(SecretStore *store, const Collection &collection, const QStringList &names,
        QObject *context, LoadCallback callback);
    /** Reads each (name, key) from the store, as load() does: the one reader of secret
     * variables (an environment's too). */
    static void readAll(SecretStore *store, const QList<QPair<QString, QString>> &keys,
        QObject *context, LoadCallback callback);
};

} // namespace Playground
