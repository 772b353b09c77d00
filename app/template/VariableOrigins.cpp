#include "app/template/VariableOrigins.h"

#include "app/template/RequestVariables.h"
#include "app/template/TemplateText.h"
#include "app/template/VariableScopes.h"

#include <QCoreApplication>

namespace Playground {

namespace {

    const Variable *find(const VariableList &variables, const QString &name)
    {
        for (const Variable &v : variables) {
            if (v.enabled && v.key == name)
                return &v;
        }
        return nullptr;
    }

    bool fill(VariableOrigin *origin, const VariableList &variables, VariableOrigin::Scope scope)
    {
        const Variable *v = find(variables, origin->name);
        if (!v)
            return false;
        origin->scope = scope;
        origin->secret = v->isSecret();
        origin->value = v->value;
        origin->hasValue = !(v->isSecret() && v->value.isEmpty());
        return true;
    }

} // namespace

QList<VariableOrigin> VariableOrigins::of(const RequestSpec &request, const AuthSpec &auth,
    const RequestPath &path, const Collection *collection, const Environment *environment)
{
    const VariableScopes none;
    const TemplateText dynamic(none); // knows the dynamic $names only
    QList<VariableOrigin> out;
    for (const QString &name : RequestVariables::namesUsed(request, auth)) {
        VariableOrigin origin;
        origin.name = name;
        // Strongest first, as VariableScopes::forRequest layers them.
        if (name.startsWith(QLatin1Char('$'))) {
            if (dynamic.isKnown(name)) {
                origin.scope = VariableOrigin::Scope::Dynamic;
                origin.hasValue = true;
            }
        } else if (environment
            && fill(&origin, environment->values, VariableOrigin::Scope::Environment)) {
        } else if (collection
            && fill(&origin, collection->variables, VariableOrigin::Scope::Collection)) {
        } else {
            bool found = false;
            for (int i = int(path.folders.size()) - 1; i >= 0 && !found; --i) {
                if (fill(&origin, path.folders.at(i)->variables, VariableOrigin::Scope::Folder)) {
                    origin.folderIndex = i;
                    origin.folderName = path.folders.at(i)->name;
                    found = true;
                }
            }
            if (!found && path.item)
                found = fill(&origin, path.item->variables, VariableOrigin::Scope::Request)
                    || fill(&origin, path.item->request.variables, VariableOrigin::Scope::Request);
        }
        out.append(origin);
    }
    return out;
}

QString VariableOrigins::scopeText(const VariableOrigin &origin)
{
    const auto tr
        = [](const char *text) { return QCoreApplication::translate("VariableOrigins", text); };
    switch (origin.scope) {
    case VariableOrigin::Scope::Unset:
        return tr("unset");
    case VariableOrigin::Scope::Dynamic:
        return tr("dynamic");
    case VariableOrigin::Scope::Request:
        return tr("request");
    case VariableOrigin::Scope::Folder:
        return tr("folder %1").arg(origin.folderName);
    case VariableOrigin::Scope::Collection:
        return tr("collection");
    case VariableOrigin::Scope::Environment:
        return tr("environment");
    }
    return {};
}

} // namespace Playground
