#include "app/formats/PostmanReader.h"

#include "app/formats/JsonFile.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Playground {

namespace {

    QString text(const QJsonValue &v)
    {
        if (v.isString())
            return v.toString();
        if (v.isDouble() || v.isBool())
            return v.toVariant().toString();
        if (v.isNull() || v.isUndefined())
            return {};
        const QJsonDocument doc
            = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
        return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    }

    QJsonObject without(QJsonObject object, std::initializer_list<const char *> keys)
    {
        for (const char *k : keys)
            object.remove(QLatin1String(k));
        return object;
    }

    void readDescription(const QJsonValue &v, QString &description, QString &type)
    {
        if (v.isObject()) {
            description = v.toObject().value(QLatin1String("content")).toString();
            type = v.toObject().value(QLatin1String("type")).toString(QStringLiteral("text/plain"));
        } else {
            description = v.toString();
            type.clear();
        }
    }

    VariableList readVariables(const QJsonValue &v)
    {
        VariableList out;
        for (const QJsonValue &entry : v.toArray()) {
            if (entry.isObject())
                out.append(PostmanReader::readVariable(entry.toObject()));
        }
        return out;
    }

    KeyValueList readKeyValues(const QJsonValue &v)
    {
        KeyValueList out;
        if (v.isString()) {
            // v2.0 allows headers as one "Name: value\n..." string.
            for (const QString &line : v.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                const qsizetype colon = line.indexOf(QLatin1Char(':'));
                if (colon > 0)
                    out.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
            }
            return out;
        }
        for (const QJsonValue &entry : v.toArray()) {
            if (entry.isObject())
                out.append(PostmanReader::readKeyValue(entry.toObject()));
        }
        return out;
    }

    /** JSON type names for messages ("a number"). */
    QString kindOf(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Bool:
            return QStringLiteral("true or false");
        case QJsonValue::Double:
            return QStringLiteral("a number");
        case QJsonValue::String:
            return QStringLiteral("a string");
        case QJsonValue::Array:
            return QStringLiteral("an array");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        default:
            return QStringLiteral("null");
        }
    }

    /** A request: a URL string or an object; a method that is not a string is an error, not GET.
     */
    Result<RequestSpec> readRequest(const QJsonValue &value, const QString &where)
    {
        using R = Result<RequestSpec>;
        RequestSpec r;
        if (value.isString()) {
            r.url = PostmanReader::readUrl(value);
            return r;
        }
        if (!value.isObject())
            return R::failure(QStringLiteral("%1: expected an object or a URL string, not %2")
                                  .arg(where, kindOf(value)));
        const QJsonObject o = value.toObject();
        const QJsonValue method = o.value(QLatin1String("method"));
        if (!method.isString() && !method.isUndefined() && !method.isNull())
            return R::failure(QStringLiteral("%1.method: expected a string such as \"GET\", not %2")
                                  .arg(where, kindOf(method)));
        const QJsonValue url = o.value(QLatin1String("url"));
        if (!url.isString() && !url.isObject() && !url.isUndefined() && !url.isNull())
            return R::failure(QStringLiteral("%1.url: expected a string or an object, not %2")
                                  .arg(where, kindOf(url)));
        r.method = method.toString(QStringLiteral("GET"));
        r.url = PostmanReader::readUrl(url);
        r.headers = readKeyValues(o.value(QLatin1String("header")));
        if (o.value(QLatin1String("body")).isObject())
            r.body = PostmanReader::readBody(o.value(QLatin1String("body")).toObject());
        r.auth = PostmanReader::readAuth(o.value(QLatin1String("auth")));
        QString ignoredType;
        readDescription(o.value(QLatin1String("description")), r.description, ignoredType);
        r.requestExtra = without(o, { "method", "url", "header", "body", "auth" });
        if (ignoredType.isEmpty())
            r.requestExtra.remove(QLatin1String("description"));
        return r;
    }

    /** protocolProfileBehavior.disableBodyPruning of an item, folder or collection; else inherited.
     */
    bool bodyPruningDisabled(const QJsonObject &o, bool inherited)
    {
        const QJsonValue v = o.value(QLatin1String("protocolProfileBehavior"))
                                 .toObject()
                                 .value(QLatin1String("disableBodyPruning"));
        return v.isBool() ? v.toBool() : inherited;
    }

    /** Where reading items stands: *total counts every item read so far (MaxItems). */
    struct ItemsContext {
        qsizetype *total;
        /** Where a bad item is listed and skipped; null: a bad item fails the whole read. */
        QStringList *skipped;
    };

    Result<QList<CollectionItem>> readItems(const QJsonValue &value, const QString &where,
        int depth, bool keepBodies, const ItemsContext &context);

    /** One item; a failure is this item's problem, unless *fatal (a limit) is set. */
    Result<CollectionItem> readItem(const QJsonValue &value, const QString &here, int depth,
        bool keepBodies, const ItemsContext &context, bool *fatal)
    {
        using R = Result<CollectionItem>;
        if (!value.isObject())
            return R::failure(QStringLiteral("%1: expected an object").arg(here));
        const QJsonObject o = value.toObject();
        CollectionItem item;
        item.name = text(o.value(QLatin1String("name")));
        readDescription(
            o.value(QLatin1String("description")), item.description, item.descriptionType);
        item.variables = readVariables(o.value(QLatin1String("variable")));
        if (o.contains(QLatin1String("item"))) {
            item.isFolder = true;
            Result<QList<CollectionItem>> children
                = readItems(o.value(QLatin1String("item")), here + QStringLiteral(".item"),
                    depth + 1, bodyPruningDisabled(o, keepBodies), context);
            if (!children) {
                *fatal = true;
                return R::failure(children.error());
            }
            item.children = std::move(children).value();
            item.auth = PostmanReader::readAuth(o.value(QLatin1String("auth")));
            item.extra = without(o, { "name", "description", "variable", "item", "auth" });
        } else if (o.contains(QLatin1String("request"))) {
            Result<RequestSpec> request
                = readRequest(o.value(QLatin1String("request")), here + QStringLiteral(".request"));
            if (!request)
                return R::failure(request.error());
            item.request = std::move(request).value();
            item.request.name = item.name;
            item.request.bodyPruningDisabled = bodyPruningDisabled(o, keepBodies);
            item.request.responses = o.value(QLatin1String("response")).toArray();
            // "response" stays in extra only to remember whether the file had the key.
            item.extra = without(o, { "name", "description", "variable", "request" });
        } else {
            return R::failure(QStringLiteral(
                "%1 (\"%2\"): neither a folder (\"item\") nor a request (\"request\")")
                                  .arg(here, item.name));
        }
        return item;
    }

    /** Items of a collection or folder. */
    Result<QList<CollectionItem>> readItems(const QJsonValue &value, const QString &where,
        int depth, bool keepBodies, const ItemsContext &context)
    {
        using R = Result<QList<CollectionItem>>;
        if (depth > PostmanReader::MaxDepth)
            return R::failure(QStringLiteral("%1: folders nest deeper than %2 levels")
                                  .arg(where)
                                  .arg(PostmanReader::MaxDepth));
        if (!value.isArray() && !value.isUndefined() && !value.isNull())
            return R::failure(QStringLiteral("%1: expected an array of items").arg(where));
        QList<CollectionItem> items;
        const QJsonArray array = value.toArray();
        *context.total += array.size();
        if (*context.total > PostmanReader::MaxItems)
            return R::failure(QStringLiteral(
                "%1: more than %2 requests and folders, the limit for one collection")
                                  .arg(where)
                                  .arg(PostmanReader::MaxItems));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString here = QStringLiteral("%1[%2]").arg(where).arg(i);
            bool fatal = false;
            Result<CollectionItem> item
                = readItem(array.at(i), here, depth, keepBodies, context, &fatal);
            if (!item && (fatal || !context.skipped))
                return R::failure(item.error());
            if (!item)
                context.skipped->append(item.error() + QStringLiteral("; this item was skipped"));
            else
                items.append(std::move(item).value());
        }
        return items;
    }

} // namespace

KeyValue PostmanReader::readKeyValue(const QJsonObject &o)
{
    KeyValue kv;
    kv.key = text(o.value(QLatin1String("key")));
    const QJsonValue value = o.value(QLatin1String("value"));
    kv.value = text(value);
    kv.enabled = !o.value(QLatin1String("disabled")).toBool(false);
    QString ignored;
    readDescription(o.value(QLatin1String("description")), kv.description, ignored);
    // A "value": null stays in extra, so the writer gives it back as it was.
    kv.extra = without(o, { "key", "disabled" });
    if (!value.isNull())
        kv.extra.remove(QLatin1String("value"));
    if (ignored.isEmpty())
        kv.extra.remove(QLatin1String("description"));
    return kv;
}

Variable PostmanReader::readVariable(const QJsonObject &o)
{
    Variable v;
    v.key = o.contains(QLatin1String("key")) ? text(o.value(QLatin1String("key")))
                                             : text(o.value(QLatin1String("id")));
    v.value = text(o.value(QLatin1String("value")));
    v.type = o.value(QLatin1String("type")).toString();
    v.enabled = !o.value(QLatin1String("disabled")).toBool(false)
        && o.value(QLatin1String("enabled")).toBool(true);
    v.description = o.value(QLatin1String("description")).isString()
        ? o.value(QLatin1String("description")).toString()
        : QString();
    v.extra = without(o, { "key", "value", "type", "disabled" });
    if (!v.description.isNull())
        v.extra.remove(QLatin1String("description"));
    return v;
}

UrlSpec PostmanReader::readUrl(const QJsonValue &value)
{
    if (value.isString()) {
        UrlSpec url = UrlSpec::fromRaw(value.toString());
        url.writtenAsString = true;
        return url;
    }
    const QJsonObject o = value.toObject();
    QString raw = o.value(QLatin1String("raw")).toString();
    if (raw.isEmpty() && o.contains(QLatin1String("host"))) {
        // Rebuild from parts when a tool wrote no "raw".
        const QJsonValue host = o.value(QLatin1String("host"));
        QStringList hostParts;
        for (const QJsonValue &h : host.toArray())
            hostParts.append(h.toString());
        raw = host.isString() ? host.toString() : hostParts.join(QLatin1Char('.'));
        const QString protocol = o.value(QLatin1String("protocol")).toString();
        if (!protocol.isEmpty())
            raw = protocol + QStringLiteral("://") + raw;
        if (o.contains(QLatin1String("port")))
            raw += QLatin1Char(':') + text(o.value(QLatin1String("port")));
        const QJsonValue path = o.value(QLatin1String("path"));
        QStringList segments;
        for (const QJsonValue &p : path.toArray())
            segments.append(
                p.isObject() ? text(p.toObject().value(QLatin1String("value"))) : p.toString());
        if (path.isString())
            raw += QLatin1Char('/') + path.toString();
        else if (!segments.isEmpty())
            raw += QLatin1Char('/') + segments.join(QLatin1Char('/'));
    }
    UrlSpec url = UrlSpec::fromRaw(raw);
    if (o.contains(QLatin1String("query")))
        url.query = readKeyValues(o.value(QLatin1String("query")));
    if (o.contains(QLatin1String("hash")))
        url.fragment = o.value(QLatin1String("hash")).toString();
    url.pathVariables = readKeyValues(o.value(QLatin1String("variable")));
    url.extra
        = without(o, { "raw", "protocol", "host", "port", "path", "query", "hash", "variable" });
    return url;
}

RequestBody PostmanReader::readBody(const QJsonObject &o)
{
    RequestBody b;
    b.modeName = o.value(QLatin1String("mode")).toString();
    b.extra = without(o, { "mode", "raw", "urlencoded", "formdata", "file" });
    if (b.modeName == QLatin1String("raw")) {
        b.mode = RequestBody::Mode::Raw;
        b.raw = o.value(QLatin1String("raw")).toString();
        b.rawLanguage = o.value(QLatin1String("options"))
                            .toObject()
                            .value(QLatin1String("raw"))
                            .toObject()
                            .value(QLatin1String("language"))
                            .toString();
    } else if (b.modeName == QLatin1String("urlencoded")) {
        b.mode = RequestBody::Mode::UrlEncoded;
        b.urlEncoded = readKeyValues(o.value(QLatin1String("urlencoded")));
    } else if (b.modeName == QLatin1String("formdata")) {
        b.mode = RequestBody::Mode::FormData;
        for (const QJsonValue &v : o.value(QLatin1String("formdata")).toArray()) {
            const QJsonObject p = v.toObject();
            FormPart part;
            part.key = text(p.value(QLatin1String("key")));
            part.isFile = p.value(QLatin1String("type")).toString() == QLatin1String("file");
            if (part.isFile) {
                const QJsonValue src = p.value(QLatin1String("src"));
                part.src = src.isArray() ? src.toArray().first().toString() : src.toString();
            } else {
                part.value = text(p.value(QLatin1String("value")));
            }
            part.contentType = p.value(QLatin1String("contentType")).toString();
            part.enabled = !p.value(QLatin1String("disabled")).toBool(false);
            part.description = p.value(QLatin1String("description")).toString();
            part.extra = without(
                p, { "key", "value", "src", "type", "contentType", "disabled", "description" });
            if (p.value(QLatin1String("src")).isArray())
                part.extra.insert(QLatin1String("src"), p.value(QLatin1String("src")));
            b.formData.append(part);
        }
    } else if (b.modeName == QLatin1String("file")) {
        b.mode = RequestBody::Mode::File;
        b.filePath
            = o.value(QLatin1String("file")).toObject().value(QLatin1String("src")).toString();
        b.extra.insert(
            QLatin1String("file"), without(o.value(QLatin1String("file")).toObject(), { "src" }));
    } else if (b.modeName == QLatin1String("graphql")) {
        b.mode = RequestBody::Mode::GraphQl;
        const QJsonObject graphQl = o.value(QLatin1String("graphql")).toObject();
        b.graphQlQuery = graphQl.value(QLatin1String("query")).toString();
        const QJsonValue variables = graphQl.value(QLatin1String("variables"));
        b.graphQlVariables = variables.isObject()
            ? QString::fromUtf8(QJsonDocument(variables.toObject()).toJson())
            : variables.toString();
        b.extra = without(o, { "mode", "graphql" });
        b.extra.insert(QLatin1String("graphql"), without(graphQl, { "query", "variables" }));
    } else if (!b.modeName.isEmpty()) {
        b.mode = RequestBody::Mode::Other;
        b.extra = without(o, { "mode" });
    }
    return b;
}

std::optional<AuthSpec> PostmanReader::readAuth(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    AuthSpec auth;
    auth.type = o.value(QLatin1String("type")).toString(QStringLiteral("noauth"));
    const QJsonValue params = o.value(auth.type);
    if (params.isArray()) {
        for (const QJsonValue &p : params.toArray()) {
            const QJsonObject po = p.toObject();
            auth.params.append(
                { po.value(QLatin1String("key")).toString(), po.value(QLatin1String("value")),
                    po.value(QLatin1String("type")).toString(QStringLiteral("string")) });
        }
    } else if (params.isObject()) {
        // v2.0: {"bearer": {"token": "..."}}
        const QJsonObject po = params.toObject();
        for (auto it = po.begin(); it != po.end(); ++it)
            auth.params.append({ it.key(), it.value(), QStringLiteral("string") });
    }
    auth.extra = o;
    auth.extra.remove(QLatin1String("type"));
    auth.extra.remove(auth.type);
    return auth;
}

Result<Collection> PostmanReader::readCollectionFile(const QString &path)
{
    const Result<QJsonObject> root = JsonFile::readObject(path);
    if (!root)
        return Result<Collection>::failure(root.error());
    return readCollection(root.value(), path);
}

Result<Collection> PostmanReader::readCollection(
    const QJsonObject &root, const QString &origin, QStringList *skipped)
{
    using R = Result<Collection>;
    const QJsonObject info = root.value(QLatin1String("info")).toObject();
    if (root.contains(QLatin1String("requests")) && root.contains(QLatin1String("order")))
        return R::failure(
            QStringLiteral("%1:1: this is a Postman v1 collection; export it again as v2.1")
                .arg(origin));
    if (info.isEmpty() || !root.contains(QLatin1String("item")))
        return R::failure(
            QStringLiteral("%1:1: not a Postman collection (no \"info\" and \"item\")")
                .arg(origin));
    const QString schema = info.value(QLatin1String("schema")).toString();
    if (!schema.isEmpty() && !schema.contains(QLatin1String("v2.1"))
        && !schema.contains(QLatin1String("v2.0")))
        return R::failure(
            QStringLiteral("%1: unsupported collection schema %2 (v2.0 and v2.1 are supported)")
                .arg(origin, schema));

    Collection c;
    c.name = text(info.value(QLatin1String("name")));
    readDescription(info.value(QLatin1String("description")), c.description, c.descriptionType);
    c.postmanId = info.value(QLatin1String("_postman_id")).toString();
    if (!schema.isEmpty())
        c.schema = schema;
    c.infoExtra = without(info, { "name", "description", "_postman_id", "schema" });
    qsizetype total = 0;
    Result<QList<CollectionItem>> items
        = readItems(root.value(QLatin1String("item")), QStringLiteral("%1: item").arg(origin), 0,
            bodyPruningDisabled(root, false), { &total, skipped });
    if (!items)
        return R::failure(items.error());
    c.items = std::move(items).value();
    c.variables = readVariables(root.value(QLatin1String("variable")));
    c.auth = readAuth(root.value(QLatin1String("auth")));
    c.extra = without(root, { "info", "item", "variable", "auth" });
    return c;
}

Result<Environment> PostmanReader::readEnvironmentFile(const QString &path)
{
    const Result<QJsonObject> root = JsonFile::readObject(path);
    if (!root)
        return Result<Environment>::failure(root.error());
    return readEnvironment(root.value(), path);
}

Result<Environment> PostmanReader::readEnvironment(const QJsonObject &root, const QString &origin)
{
    if (!root.value(QLatin1String("values")).isArray())
        return Result<Environment>::failure(
            QStringLiteral("%1: not a Postman environment (no \"values\" array)").arg(origin));
    Environment env;
    env.id = root.value(QLatin1String("id")).toString();
    env.name = root.value(QLatin1String("name")).toString();
    env.values = readVariables(root.value(QLatin1String("values")));
    env.extra = without(root, { "id", "name", "values" });
    return env;
}

} // namespace Playground
