#pragma once

#include "app/model/Collection.h"
#include "app/model/Environment.h"
#include "app/model/Variable.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Playground {

/**
 * The variables visible to one request. Scopes are added from the weakest to the strongest:
 * request defaults, folders (outermost first), collection, environment, one-off overrides.
 * A later scope wins.
 */
class VariableScopes {
public:
    /**
     * The scopes of a request at its place in a collection, weakest first: the request's own
     * defaults, its folders (outermost first), the collection, the environment, the overrides.
     */
    static VariableScopes forRequest(const RequestPath &path, const Collection *collection,
        const Environment *environment, const VariableList &overrides);

    /** scope: where the values come from, in a few words ("collection", "folder \"Users\""). */
    void addScope(const VariableList &variables, const QString &scope = {});
    void set(
        const QString &name, const QString &value, bool secret = false, const QString &scope = {});

    bool contains(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name) const { return m_values.value(name); }
    bool isSecret(const QString &name) const { return m_secretNames.contains(name); }
    /** The scope the value of name comes from; empty when unknown. */
    QString scopeOf(const QString &name) const { return m_scopes.value(name); }
    /** Marks a name as secret: its value is redacted wherever the exchange is recorded. */
    void markSecret(const QString &name) { m_secretNames.insert(name); }
    /**
     * Binds a secret read from the keychain to the origins it was stored for: a request that would
     * carry its value anywhere else is refused before sending.
     */
    void bind(const QString &name, const QStringList &origins)
    {
        m_secretNames.insert(name);
        m_bindings.insert(name, origins);
    }
    QStringList binding(const QString &name) const { return m_bindings.value(name); }

private:
    QHash<QString, QString> m_values;
    QHash<QString, QString> m_scopes;
    QSet<QString> m_secretNames;
    QHash<QString, QStringList> m_bindings;
};

} // namespace Playground
