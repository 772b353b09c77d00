#include "app/template/VariableScopes.h"

namespace Playground {

void VariableScopes::addScope(const VariableList &variables)
{
    for (const Variable &v : variables) {
        // A secret with no value (the file keeps only its name) is unset, not "": the send is
        // refused naming it instead of going out with an empty credential.
        if (v.enabled && !(v.isSecret() && v.value.isEmpty()))
            set(v.key, v.value, v.isSecret());
    }
}

void VariableScopes::set(const QString &name, const QString &value, bool secret)
{
    m_values.insert(name, value);
    if (secret)
        m_secretNames.insert(name);
}

VariableScopes VariableScopes::forRequest(const RequestPath &path, const Collection *collection,
    const Environment *environment, const VariableList &overrides)
{
    VariableScopes scopes;
    if (path.item) {
        scopes.addScope(path.item->request.variables);
        scopes.addScope(path.item->variables);
    }
    for (const CollectionItem *folder : path.folders)
        scopes.addScope(folder->variables);
    if (collection)
        scopes.addScope(collection->variables);
    if (environment)
        scopes.addScope(environment->values);
    scopes.addScope(overrides);
    return scopes;
}

} // namespace Playground
