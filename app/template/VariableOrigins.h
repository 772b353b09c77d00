#pragma once

#include "app/model/AuthSpec.h"
#include "app/model/Collection.h"
#include "app/model/Environment.h"
#include "app/model/RequestSpec.h"

#include <QList>
#include <QString>

namespace Playground {

/** Where one {{variable}} a request uses gets its value. */
struct VariableOrigin {
    enum class Scope { Unset, Dynamic, Request, Folder, Collection, Environment };
    QString name;
    Scope scope = Scope::Unset;
    /** The value the scope holds (a secret's only when the session holds it; never shown). */
    QString value;
    bool secret = false;
    /** False for a secret whose value lives in the keychain and is not held here. */
    bool hasValue = false;
    int folderIndex = -1; ///< Folder: index into RequestPath::folders (outermost is 0)
    QString folderName; ///< Folder: its name
};

/**
 * The variables one request uses (URL, enabled headers, raw body, the auth that applies), each
 * with the scope that gives it its value: the strongest of environment, collection, folders
 * (innermost first) and the request's own defaults, as VariableScopes resolves them.
 */
class VariableOrigins {
public:
    static QList<VariableOrigin> of(const RequestSpec &request, const AuthSpec &auth,
        const RequestPath &path, const Collection *collection, const Environment *environment);
    /** Plain words for a scope: "environment", "collection", "folder Users", "unset". */
    static QString scopeText(const VariableOrigin &origin);
};

} // namespace Playground
