#include "app/template/RequestVariables.h"

#include "app/template/TemplateText.h"

namespace Playground {

namespace {

    void collect(const QString &text, QStringList *names)
    {
        if (!text.contains(QLatin1String("{{")))
            return;
        for (const TemplateToken &token : TemplateText::tokenize(text)) {
            if (token.isVariable && !names->contains(token.text))
                names->append(token.text);
        }
    }

} // namespace

QStringList RequestVariables::namesUsed(const RequestSpec &request, const AuthSpec &auth)
{
    QStringList names;
    collect(request.url.raw(), &names);
    for (const KeyValue &h : request.headers) {
        if (h.enabled) {
            collect(h.key, &names);
            collect(h.value, &names);
        }
    }
    if (request.body.mode == RequestBody::Mode::Raw)
        collect(request.body.raw, &names);
    if (request.body.mode == RequestBody::Mode::GraphQl) {
        collect(request.body.graphQlQuery, &names);
        collect(request.body.graphQlVariables, &names);
    }
    if (!auth.inherits() && auth.type != QLatin1String("noauth")) {
        for (const AuthParam &param : auth.params)
            collect(param.value.toString(), &names);
    }
    return names;
}

RequestVariables::RequestVariables(
    const RequestSpec &request, const AuthSpec &auth, const VariableScopes &scopes)
{
    const TemplateText text(scopes);
    for (const QString &name : namesUsed(request, auth)) {
        // Only the dynamic names that exist have a value: {{$anything}} else is missing.
        if (text.isKnown(name))
            m_known.append(name);
        else
            m_missing.append(name);
    }
}

} // namespace Playground
