#include "app/formats/PostmanWriter.h"

#include "app/formats/JsonFile.h"

#include <QJsonArray>

namespace Playground {

namespace {

    void putDescription(QJsonObject &o, const QString &description, const QString &type)
    {
        if (!type.isEmpty())
            o.insert(QLatin1String("description"),
                QJsonObject {
                    { QLatin1String("content"), description }, { QLatin1String("type"), type } });
        else if (!description.isEmpty())
            o.insert(QLatin1String("description"), description);
    }

    QJsonObject keyValueJson(const KeyValue &kv)
    {
        QJsonObject o = kv.extra;
        o.insert(QLatin1String("key"), kv.key);
        // The file's "value": null (kept in extra) stays null while the row is empty; any other
        // empty value — an importer's null string included — is written "".
        const bool fileNull = o.value(QLatin1String("value")).isNull() && kv.value.isEmpty();
        o.insert(QLatin1String("value"),
            fileNull                ? QJsonValue(QJsonValue::Null)
                : kv.value.isNull() ? QJsonValue(QLatin1String(""))
                                    : QJsonValue(kv.value));
        if (!kv.enabled)
            o.insert(QLatin1String("disabled"), true);
        if (!o.contains(QLatin1String("description")))
            putDescription(o, kv.description, {});
        return o;
    }

    QJsonArray keyValuesJson(const KeyValueList &list)
    {
        QJsonArray a;
        for (const KeyValue &kv : list)
            a.append(keyValueJson(kv));
        return a;
    }

    QJsonArray variablesJson(const VariableList &list)
    {
        QJsonArray a;
        for (const Variable &v : list) {
            QJsonObject o = v.extra;
            o.insert(QLatin1String("key"), v.key);
            o.insert(QLatin1String("value"), v.isSecret() ? QString() : v.value);
            if (!v.type.isEmpty())
                o.insert(QLatin1String("type"), v.type);
            if (!v.enabled && !o.contains(QLatin1String("enabled")))
                o.insert(QLatin1String("disabled"), true);
            if (!v.description.isEmpty())
                o.insert(QLatin1String("description"), v.description);
            a.append(o);
        }
        return a;
    }

    QJsonValue authJson(const std::optional<AuthSpec> &auth)
    {
        if (!auth)
            return QJsonValue::Undefined;
        QJsonObject o = auth->extra;
        o.insert(QLatin1String("type"), auth->type);
        if (!auth->params.isEmpty()
            || (auth->type != QLatin1String("noauth") && !auth->inherits())) {
            QJsonArray params;
            for (const AuthParam &p : auth->params)
                params.append(QJsonObject { { QLatin1String("key"), p.key },
                    { QLatin1String("value"), p.value }, { QLatin1String("type"), p.type } });
            o.insert(auth->type, params);
        }
        return o;
    }

    QJsonObject bodyJson(const RequestBody &b)
    {
        QJsonObject o = b.extra;
        switch (b.mode) {
        case RequestBody::Mode::None:
            break;
        case RequestBody::Mode::Other:
            o.insert(QLatin1String("mode"), b.modeName);
            break;
        case RequestBody::Mode::GraphQl: {
            o.insert(QLatin1String("mode"), QStringLiteral("graphql"));
            QJsonObject graphQl = o.value(QLatin1String("graphql")).toObject();
            graphQl.insert(QLatin1String("query"), b.graphQlQuery);
            graphQl.insert(QLatin1String("variables"), b.graphQlVariables);
            o.insert(QLatin1String("graphql"), graphQl);
            break;
        }
        case RequestBody::Mode::Raw: {
            o.insert(QLatin1String("mode"), QStringLiteral("raw"));
            o.insert(QLatin1String("raw"), b.raw);
            if (!b.rawLanguage.isEmpty()) {
                QJsonObject options = o.value(QLatin1String("options")).toObject();
                QJsonObject raw = options.value(QLatin1String("raw")).toObject();
                raw.insert(QLatin1String("language"), b.rawLanguage);
                options.insert(QLatin1String("raw"), raw);
                o.insert(QLatin1String("options"), options);
            }
            break;
        }
        case RequestBody::Mode::UrlEncoded:
            o.insert(QLatin1String("mode"), QStringLiteral("urlencoded"));
            o.insert(QLatin1String("urlencoded"), keyValuesJson(b.urlEncoded));
            break;
        case RequestBody::Mode::FormData: {
            o.insert(QLatin1String("mode"), QStringLiteral("formdata"));
            QJsonArray parts;
            for (const FormPart &p : b.formData) {
                QJsonObject po = p.extra;
                po.insert(QLatin1String("key"), p.key);
                po.insert(QLatin1String("type"),
                    p.isFile ? QStringLiteral("file") : QStringLiteral("text"));
                if (p.isFile) {
                    // A list of paths as read is kept while its first one is still the file.
                    const QJsonValue kept = po.value(QLatin1String("src"));
                    if (!kept.isArray() || kept.toArray().first().toString() != p.src)
                        po.insert(QLatin1String("src"), p.src);
                } else {
                    po.insert(QLatin1String("value"), p.value);
                }
                if (!p.contentType.isEmpty())
                    po.insert(QLatin1String("contentType"), p.contentType);
                if (!p.enabled)
                    po.insert(QLatin1String("disabled"), true);
                if (!p.description.isEmpty())
                    po.insert(QLatin1String("description"), p.description);
                parts.append(po);
            }
            o.insert(QLatin1String("formdata"), parts);
            break;
        }
        case RequestBody::Mode::File: {
            o.insert(QLatin1String("mode"), QStringLiteral("file"));
            QJsonObject file = o.value(QLatin1String("file")).toObject();
            file.insert(QLatin1String("src"), b.filePath);
            o.insert(QLatin1String("file"), file);
            break;
        }
        }
        return o;
    }

    QJsonArray itemsJson(const QList<CollectionItem> &items)
    {
        QJsonArray a;
        for (const CollectionItem &item : items) {
            QJsonObject o = item.extra;
            o.insert(QLatin1String("name"), item.name);
            if (!item.variables.isEmpty())
                o.insert(QLatin1String("variable"), variablesJson(item.variables));
            putDescription(o, item.description, item.descriptionType);
            if (item.isFolder) {
                o.insert(QLatin1String("item"), itemsJson(item.children));
                if (item.auth)
                    o.insert(QLatin1String("auth"), authJson(item.auth));
            } else {
                const RequestSpec &r = item.request;
                QJsonObject req = r.requestExtra;
                req.insert(QLatin1String("method"), r.method);
                req.insert(QLatin1String("url"), PostmanWriter::urlValue(r.url));
                req.insert(QLatin1String("header"), keyValuesJson(r.headers));
                if (r.body.mode != RequestBody::Mode::None || !r.body.extra.isEmpty())
                    req.insert(QLatin1String("body"), bodyJson(r.body));
                if (r.auth)
                    req.insert(QLatin1String("auth"), authJson(r.auth));
                if (!req.contains(QLatin1String("description")) && !r.description.isEmpty())
                    req.insert(QLatin1String("description"), r.description);
                o.insert(QLatin1String("request"), req);
                if (!r.responses.isEmpty() || o.contains(QLatin1String("response")))
                    o.insert(QLatin1String("response"), r.responses);
            }
            a.append(o);
        }
        return a;
    }

} // namespace

QJsonObject PostmanWriter::urlJson(const UrlSpec &url)
{
    QJsonObject o = url.extra;
    o.insert(QLatin1String("raw"), url.raw());
    // Structured parts, as Postman and newman read them: protocol, host labels, path segments.
    QString rest = url.base;
    const qsizetype scheme = rest.indexOf(QLatin1String("://"));
    if (scheme > 0 && !rest.left(scheme).contains(QLatin1String("{{"))) {
        o.insert(QLatin1String("protocol"), rest.left(scheme));
        rest = rest.mid(scheme + 3);
    }
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    QString host = slash < 0 ? rest : rest.left(slash);
    const QString path = slash < 0 ? QString() : rest.mid(slash + 1);
    const qsizetype colon = host.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && !host.mid(colon + 1).contains(QLatin1Char('}'))) {
        o.insert(QLatin1String("port"), host.mid(colon + 1));
        host.truncate(colon);
    }
    if (!host.isEmpty()) {
        QJsonArray labels;
        if (host.startsWith(QLatin1String("{{")))
            labels.append(host);
        else
            for (const QString &label : host.split(QLatin1Char('.')))
                labels.append(label);
        o.insert(QLatin1String("host"), labels);
    }
    if (slash >= 0) {
        QJsonArray segments;
        for (const QString &s : path.split(QLatin1Char('/')))
            segments.append(s);
        o.insert(QLatin1String("path"), segments);
    }
    if (!url.query.isEmpty())
        o.insert(QLatin1String("query"), keyValuesJson(url.query));
    if (!url.fragment.isEmpty())
        o.insert(QLatin1String("hash"), url.fragment);
    if (!url.pathVariables.isEmpty())
        o.insert(QLatin1String("variable"), keyValuesJson(url.pathVariables));
    return o;
}

QJsonValue PostmanWriter::urlValue(const UrlSpec &url)
{
    const bool plain = url.extra.isEmpty() && url.pathVariables.isEmpty()
        && std::all_of(url.query.begin(), url.query.end(), [](const KeyValue &q) {
               return q.enabled && q.description.isEmpty() && q.extra.isEmpty();
           });
    if (url.writtenAsString && plain)
        return url.raw();
    return urlJson(url);
}

QJsonObject PostmanWriter::collectionJson(const Collection &c)
{
    QJsonObject info = c.infoExtra;
    info.insert(QLatin1String("name"), c.name);
    if (!c.postmanId.isEmpty())
        info.insert(QLatin1String("_postman_id"), c.postmanId);
    info.insert(QLatin1String("schema"), c.schema);
    putDescription(info, c.description, c.descriptionType);

    QJsonObject root = c.extra;
    root.insert(QLatin1String("info"), info);
    root.insert(QLatin1String("item"), itemsJson(c.items));
    if (!c.variables.isEmpty())
        root.insert(QLatin1String("variable"), variablesJson(c.variables));
    if (c.auth)
        root.insert(QLatin1String("auth"), authJson(c.auth));
    return root;
}

QJsonObject PostmanWriter::environmentJson(const Environment &e)
{
    QJsonObject root = e.extra;
    if (!e.id.isEmpty())
        root.insert(QLatin1String("id"), e.id);
    root.insert(QLatin1String("name"), e.name);
    QJsonArray values;
    for (const Variable &v : e.values) {
        QJsonObject o = v.extra;
        o.insert(QLatin1String("key"), v.key);
        o.insert(QLatin1String("value"),
            v.isSecret() ? QString() : v.value); // secrets live in the keychain
        o.insert(QLatin1String("type"), v.type.isEmpty() ? QStringLiteral("default") : v.type);
        o.insert(QLatin1String("enabled"), v.enabled);
        values.append(o);
    }
    root.insert(QLatin1String("values"), values);
    return root;
}

Status PostmanWriter::writeCollectionFile(const QString &path, const Collection &collection)
{
    return JsonFile::writeObject(path, collectionJson(collection));
}

Status PostmanWriter::writeEnvironmentFile(const QString &path, const Environment &environment)
{
    return JsonFile::writeObject(path, environmentJson(environment));
}

} // namespace Playground
