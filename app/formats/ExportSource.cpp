#include "app/formats/ExportSource.h"

#include "app/auth/AuthApplier.h"
#include "app/auth/CollectionSecrets.h"
#include "app/auth/EnvironmentSecrets.h"
#include "app/formats/CurlWriter.h"
#include "app/formats/HttpFileWriter.h"
#include "app/formats/LiteralCredentials.h"
#include "app/formats/RequestExport.h"
#include "app/model/ByteText.h"

namespace Playground {

namespace {

    bool findRows(
        const QList<CollectionItem> &items, const CollectionItem *target, QList<int> &rows)
    {
        for (int i = 0; i < items.size(); ++i) {
            rows.append(i);
            if (&items.at(i) == target || findRows(items.at(i).children, target, rows))
                return true;
            rows.removeLast();
        }
        return false;
    }

    void put(VariableList &list, const Variable &v)
    {
        for (Variable &existing : list) {
            if (existing.key == v.key) {
                existing = v;
                return;
            }
        }
        list.append(v);
    }

} // namespace

ExportSource::ExportSource(
    const Collection *collection, const RequestPath &path, const Environment *env)
{
    if (!path.item)
        return;
    if (collection && findRows(collection->items, path.item, m_rows)) {
        m_collection = *collection;
    } else {
        // A scratch request: sent with the collection's variables but none of its auth.
        if (collection) {
            m_collection.name = collection->name;
            m_collection.postmanId = collection->postmanId;
            m_collection.variables = collection->variables;
        }
        m_rows = { 0 };
        m_collection.items = { *path.item };
    }
    // A credential typed or pasted as text is a secret like any other: <name> unless asked for.
    LiteralCredentials::extract(&m_collection);
    if (env) {
        m_environmentOrigins = EnvironmentSecrets::bindingOrigins(*env);
        for (const Variable &v : env->values) {
            if (v.enabled)
                m_environment.append(v);
        }
    }
}

RequestPath ExportSource::path() const
{
    RequestPath path;
    const QList<CollectionItem> *items = &m_collection.items;
    for (int i = 0; i < m_rows.size(); ++i) {
        const CollectionItem *item = &items->at(m_rows.at(i));
        if (i + 1 == m_rows.size())
            path.item = item;
        else
            path.folders.append(item);
        items = &item->children;
    }
    return path;
}

Collection ExportSource::standalone() const
{
    const RequestPath where = path();
    Collection c = m_collection;
    c.items.clear();
    if (!where.item)
        return c;
    CollectionItem item = *where.item;
    item.request.auth = AuthApplier::effectiveAuth(where, &m_collection);
    for (const CollectionItem *folder : where.folders)
        for (const Variable &v : folder->variables)
            put(c.variables, v);
    for (const Variable &v : m_environment) {
        if (!v.isSecret())
            put(c.variables, v);
    }
    c.items = { item };
    return c;
}

Result<QByteArray> ExportSource::toCurl(
    bool includeSecrets, const VariableList &secrets, QStringList *warnings) const
{
    RequestExport::Options options;
    options.includeSecrets = includeSecrets;
    for (const Variable &v : m_environment) {
        if (includeSecrets || !v.isSecret())
            options.overrides.append(v);
        // As a send binds them (SendService::prepare).
        if (includeSecrets && v.isSecret() && !v.value.isEmpty() && !m_environmentOrigins.isEmpty())
            options.bindings.insert(v.key, m_environmentOrigins);
    }
    if (includeSecrets) {
        options.overrides += secrets;
        options.bindings.insert(CollectionSecrets::bindings(m_collection, secrets));
    }
    const Result<ResolvedRequest> resolved
        = RequestExport::resolve(m_collection, path(), options, warnings);
    if (!resolved)
        return Result<QByteArray>::failure(resolved.error());
    return CurlWriter::fromResolved(resolved.value());
}

QByteArray ExportSource::toHttp(QStringList *warnings) const
{
    return ByteText::toBytes(HttpFileWriter::write(standalone(), warnings));
}

} // namespace Playground
