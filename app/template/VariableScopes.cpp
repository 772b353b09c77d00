#include "app/template/VariableScopes.h"

namespace Playground {

void VariableScopes::addScope(const VariableList &variables, const QString &scope)
{
    for (const Variable &v : variables) {
        // A secret with no value (the file keeps only its name) is unset, not "": the send is
        // refused naming it instead of going out with an empty credential.
        if (v.enabled && !(v.isSecret() && v.value.isEmpty()))
            set(v.key, v.value, v.isSecret(), scope);
    }
}

void VariableScopes::set(
    const QString &name, const QString &value, bool secret, const QString &scope)
{
    m_values.insert(name, value);
    m_scopes.insert(name, scope);
    if (secret)
        m_secretNames.insert(name);
}

VariableScopes VariableScopes::forRequest(const RequestPath &path, const Collection *collection,
    const Environment *environment, const VariableList &overrides)
{
    VariableScopes scopes;
    if (path.item) {
        scopes.addScope(path.item->request.variables, QStringLiteral("request"));
        scopes.addScope(path.item->variables, QStringLiteral("request"));
    }
    for (const CollectionItem *folder : path.folders)
        scopes.addScope(folder->variables, QStringLiteral("folder \"%1\"").arg(folder->name));
    if (collection)
        scopes.addScope(collection->variables, QStringLiteral("collection"));
    if (environment)
        scopes.addScope(
            environment->values, QStringLiteral("environment \"%1\"").arg(environment->name));
    scopes.addScope(overrides, QStringLiteral("override"));
    return scopes;
}

} // namespace Playground
