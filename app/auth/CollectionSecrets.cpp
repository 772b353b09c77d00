#include "app/auth/CollectionSecrets.h"

#include "app/auth/CredentialProfile.h"
#include "app/secrets/SecretKey.h"
#include "app/secrets/SecretStore.h"
#include "app/template/RequestResolver.h"

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
        addAuth(&names, RequestResolver::effectiveAuth(path, &collection));
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

void CollectionSecrets::load(SecretStore *store, const QString &collectionId,
    const QStringList &names, QObject *context, LoadCallback callback)
{
    struct Pending {
        qsizetype left = 0;
        VariableList found;
        QStringList problems;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = names.size();
    if (!store || collectionId.isEmpty() || names.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [callback] { callback({}, {}); }, Qt::QueuedConnection);
        return;
    }
    for (const QString &name : names) {
        store->read(SecretKey::forCollectionVariable(collectionId, name), context,
            [pending, name, callback](const SecretResult &result) {
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
