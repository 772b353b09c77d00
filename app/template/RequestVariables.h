#pragma once

#include "app/model/AuthSpec.h"
#include "app/model/RequestSpec.h"
#include "app/template/VariableScopes.h"

#include <QStringList>

namespace Playground {

/** The {{variables}} one request uses, split by whether they have a value. Values are never
 * exposed. */
class RequestVariables {
public:
    /** Names referenced by the URL, enabled headers, a raw body and the auth that applies, in
     * order. */
    static QStringList namesUsed(const RequestSpec &request, const AuthSpec &auth);

    RequestVariables(
        const RequestSpec &request, const AuthSpec &auth, const VariableScopes &scopes);

    QStringList known() const { return m_known; }
    /** Names with no value in any scope (dynamic $names always have one). */
    QStringList missing() const { return m_missing; }

private:
    QStringList m_known;
    QStringList m_missing;
};

} // namespace Playground
