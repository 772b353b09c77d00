#include "app/template/VariableScopes.h"

namespace Playground {

void VariableScopes::addScope(const VariableList &variables)
{
    for (const Variable &v : variables) {
        if (v.enabled)
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
