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

} // namespace Playground
