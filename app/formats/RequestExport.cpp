#include "app/formats/RequestExport.h"

#include "app/auth/AuthApplier.h"
#include "app/auth/CredentialProfile.h"
#include "app/send/SendSession.h"
#include "app/template/RequestResolver.h"

namespace Playground {

QString RequestExport::placeholder(const QString &name)
{
    return QLatin1Char('<') + name + QLatin1Char('>');
}

Result<ResolvedRequest> RequestExport::resolve(const Collection &collection,
    const RequestPath &path, const Options &options, QStringList *warnings)
{
    const AuthSpec auth = AuthApplier::effectiveAuth(path, &collection);
    VariableScopes scopes = VariableScopes::forRequest(path, &collection, nullptr, {});
    QStringList secretNames = AuthApplier::secretVariables(auth);
    if (const std::optional<CredentialProfile> profile = CredentialProfile::fromAuthSpec(auth))
        secretNames += profile->secretVariables();
    const auto collect = [&](const VariableList &list) {
        for (const Variable &v : list) {
            if (v.isSecret() && !secretNames.contains(v.key))
                secretNames.append(v.key);
        }
    };
    collect(collection.variables);
    for (const CollectionItem *folder : path.folders)
        collect(folder->variables);
    collect(path.item->request.variables);
    collect(path.item->variables);
    for (const Variable &v : options.overrides)
        scopes.set(v.key, v.value, secretNames.contains(v.key));
    for (auto it = options.bindings.cbegin(); it != options.bindings.cend(); ++it)
        scopes.bind(it.key(), it.value());
    for (const QString &name : secretNames) {
        const bool given = std::any_of(options.overrides.begin(), options.overrides.end(),
            [&](const Variable &v) { return v.key == name; });
        if (given)
            continue;
        if (!options.includeSecrets || scopes.value(name).isEmpty())
            scopes.set(name, placeholder(name), true);
    }

    SendSession::Prepared prepared = SendSession::prepare(path.item->request, auth, scopes);
    if (prepared.failure == FailureKind::Unresolved) {
        for (const QString &name : prepared.unresolved) {
            scopes.set(name, placeholder(name));
            if (warnings)
                warnings->append(QStringLiteral("%1: the variable %2 has no value; written as %3")
                                     .arg(path.item->name, name, placeholder(name)));
        }
        prepared = SendSession::prepare(path.item->request, auth, scopes);
    }
    if (prepared.failure == FailureKind::Refused && options.includeSecrets) {
        // The command would take a secret where a send never would: it carries none.
        Options withoutSecrets;
        for (const Variable &v : options.overrides) {
            if (!v.isSecret() && !secretNames.contains(v.key) && !options.bindings.contains(v.key))
                withoutSecrets.overrides.append(v);
        }
        if (warnings)
            warnings->append(path.item->name
                + QStringLiteral(": secrets left out: a send would be refused: ")
                + prepared.message);
        return resolve(collection, path, withoutSecrets, warnings);
    }
    if (prepared.failure == FailureKind::Refused) {
        // An export sends nothing; say what a send would refuse.
        if (warnings)
            warnings->append(
                path.item->name + QStringLiteral(": a send would be refused: ") + prepared.message);
    } else if (!prepared.ok()) {
        return Result<ResolvedRequest>::failure(
            path.item->name + QStringLiteral(": ") + prepared.message);
    }
    if (prepared.pending.oauth && warnings)
        warnings->append(path.item->name
            + QStringLiteral(": OAuth 2.0 client credentials: the token is fetched at send time, "
                             "so the export carries no Authorization header"));
    if (warnings) {
        for (const QString &w : prepared.request.warnings)
            warnings->append(path.item->name + QStringLiteral(": ") + w);
    }
    return prepared.request;
}

} // namespace Playground
