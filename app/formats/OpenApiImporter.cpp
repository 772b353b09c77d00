#include "app/formats/OpenApiImporter.h"

#include "app/formats/JsonScalar.h"

#include "app/formats/JsonFile.h"
#include "app/formats/YamlJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Playground {

namespace {

    QString s(const char *text)
    {
        return QString::fromUtf8(text);
    }

    QString text(const QJsonValue &v)
    {
        return jsonScalarText(v);
    }

    constexpr int MaxRefDepth = 32;
    constexpr int MaxSchemaDepth = 10;

    struct Reader {
        QJsonObject root;
        QString origin;
        QStringList warnings;
        QSet<QString> secretVariables;

        void warn(const QString &line)
        {
            if (!warnings.contains(line) && warnings.size() < 1000)
                warnings.append(line);
        }

        /** Follows local $refs ("#/components/…"), bounded. */
        QJsonValue deref(QJsonValue value, int depth = 0)
        {
            while (value.isObject() && value.toObject().contains(s("$ref"))) {
                if (++depth > MaxRefDepth) {
                    warn(s("a $ref chain is too deep (or loops); cut"));
                    return QJsonObject();
                }
                const QString ref = value.toObject().value(s("$ref")).toString();
                if (!ref.startsWith(QLatin1String("#/"))) {
                    warn(s("external $ref not followed: ") + ref.left(120));
                    return QJsonObject();
                }
                QJsonValue at = root;
                for (QString part : ref.mid(2).split(QLatin1Char('/'))) {
                    part.replace(s("~1"), s("/")).replace(s("~0"), s("~"));
                    at = at.toObject().value(part);
                }
                if (at.isUndefined()) {
                    warn(s("$ref to nothing: ") + ref.left(120));
                    return QJsonObject();
                }
                value = at;
            }
            return value;
        }

        /** An example value built from a schema. */
        QJsonValue example(const QJsonValue &schemaValue, int depth)
        {
            if (depth > MaxSchemaDepth)
                return QJsonValue::Null;
            const QJsonObject schema = deref(schemaValue).toObject();
            if (schema.contains(s("example")))
                return schema.value(s("example"));
            if (schema.value(s("examples")).isArray()
                && !schema.value(s("examples")).toArray().isEmpty())
                return schema.value(s("examples")).toArray().first();
            if (schema.contains(s("default")))
                return schema.value(s("default"));
            if (schema.contains(s("const")))
                return schema.value(s("const"));
            if (schema.value(s("enum")).isArray() && !schema.value(s("enum")).toArray().isEmpty())
                return schema.value(s("enum")).toArray().first();
            if (schema.value(s("allOf")).isArray()) {
                QJsonObject merged;
                for (const QJsonValue &part : schema.value(s("allOf")).toArray()) {
                    const QJsonValue v = example(part, depth + 1);
                    const QJsonObject o = v.toObject();
                    for (auto it = o.begin(); it != o.end(); ++it)
                        merged.insert(it.key(), it.value());
                }
                return merged;
            }
            for (const char *key : { "oneOf", "anyOf" }) {
                const QJsonArray options = schema.value(s(key)).toArray();
                if (!options.isEmpty())
                    return example(options.first(), depth + 1);
            }
            QString type = schema.value(s("type")).toString();
            if (schema.value(s("type")).isArray()) // 3.1: ["string", "null"]
                type = schema.value(s("type")).toArray().first().toString();
            if (type.isEmpty() && schema.contains(s("properties")))
                type = s("object");
            if (type == QLatin1String("object")) {
                QJsonObject out;
                const QJsonObject props = schema.value(s("properties")).toObject();
                for (auto it = props.begin(); it != props.end(); ++it) {
                    if (deref(it.value()).toObject().value(s("readOnly")).toBool())
                        continue;
                    out.insert(it.key(), example(it.value(), depth + 1));
                }
                return out;
            }
            if (type == QLatin1String("array"))
                return QJsonArray { example(schema.value(s("items")), depth + 1) };
            if (type == QLatin1String("integer") || type == QLatin1String("number"))
                return 0;
            if (type == QLatin1String("boolean"))
                return true;
            if (type == QLatin1String("string")) {
                const QString format = schema.value(s("format")).toString();
                if (format == QLatin1String("date-time"))
                    return s("2024-01-01T00:00:00Z");
                if (format == QLatin1String("date"))
                    return s("2024-01-01");
                if (format == QLatin1String("email"))
                    return s("user@example.com");
                if (format == QLatin1String("uuid"))
                    return s("00000000-0000-0000-0000-000000000000");
                return s("string");
            }
            return QJsonValue::Null;
        }

        /** A parameter's example (its own, a named example, the schema's). */
        QString parameterValue(const QJsonObject &p)
        {
            if (p.contains(s("example")))
                return text(p.value(s("example")));
            const QJsonObject examples = p.value(s("examples")).toObject();
            if (!examples.isEmpty())
                return text(deref(examples.begin().value()).toObject().value(s("value")));
            const QJsonObject schema = deref(p.value(s("schema"))).toObject();
            for (const char *key : { "example", "default" }) {
                if (schema.contains(s(key)))
                    return text(schema.value(s(key)));
            }
            if (!schema.value(s("enum")).toArray().isEmpty())
                return text(schema.value(s("enum")).toArray().first());
            return QString();
        }

        Variable secret(const QString &name)
        {
            secretVariables.insert(name);
            Variable v;
            v.key = name;
            v.type = s("secret");
            return v;
        }

        /** Auth for a security requirement list; nullopt when none applies. */
        std::optional<AuthSpec> auth(const QJsonArray &requirements, const QString &where)
        {
            if (requirements.isEmpty()) {
                AuthSpec none;
                none.type = s("noauth");
                return none;
            }
            const QJsonObject schemes
                = root.value(s("components")).toObject().value(s("securitySchemes")).toObject();
            for (const QJsonValue &requirement : requirements) {
                const QJsonObject names = requirement.toObject();
                if (names.isEmpty()) {
                    AuthSpec none; // {} : anonymous access allowed
                    none.type = s("noauth");
                    return none;
                }
                for (auto it = names.begin(); it != names.end(); ++it) {
                    const QJsonObject scheme = deref(schemes.value(it.key())).toObject();
                    const QString type = scheme.value(s("type")).toString();
                    AuthSpec a;
                    if (type == QLatin1String("http")
                        && scheme.value(s("scheme"))
                                .toString()
                                .compare(QLatin1String("bearer"), Qt::CaseInsensitive)
                            == 0) {
                        a.type = s("bearer");
                        a.setParam(s("token"), s("{{token}}"));
                        secret(s("token"));
                        return a;
                    }
                    if (type == QLatin1String("http")
                        && scheme.value(s("scheme"))
                                .toString()
                                .compare(QLatin1String("basic"), Qt::CaseInsensitive)
                            == 0) {
                        a.type = s("basic");
                        a.setParam(s("username"), s("{{username}}"));
                        a.setParam(s("password"), s("{{password}}"));
                        secret(s("password"));
                        return a;
                    }
                    if (type == QLatin1String("apiKey")) {
                        const QString in = scheme.value(s("in")).toString();
                        if (in == QLatin1String("cookie")) {
                            warn(where + s(": API key in a cookie (") + it.key()
                                + s(") not carried over"));
                            continue;
                        }
                        a.type = s("apikey");
                        a.setParam(s("key"), scheme.value(s("name")).toString());
                        a.setParam(s("value"), s("{{apiKey}}"));
                        a.setParam(
                            s("in"), in == QLatin1String("query") ? s("query") : s("header"));
                        secret(s("apiKey"));
                        return a;
                    }
                    if (type == QLatin1String("oauth2")) {
                        const QJsonObject flow = scheme.value(s("flows"))
                                                     .toObject()
                                                     .value(s("clientCredentials"))
                                                     .toObject();
                        if (flow.isEmpty()) {
                            warn(where + s(": OAuth 2.0 flows other than client credentials (")
                                + it.key() + s(") are not carried over"));
                            continue;
                        }
                        a.type = s("oauth2");
                        a.setParam(s("grant_type"), s("client_credentials"));
                        a.setParam(s("accessTokenUrl"), flow.value(s("tokenUrl")).toString());
                        a.setParam(s("clientId"), s("{{clientId}}"));
                        a.setParam(s("clientSecret"), s("{{clientSecret}}"));
                        QStringList scopes;
                        for (const QJsonValue &scope : it.value().toArray())
                            scopes.append(scope.toString());
                        if (!scopes.isEmpty())
                            a.setParam(s("scope"), scopes.join(QLatin1Char(' ')));
                        secret(s("clientSecret"));
                        return a;
                    }
                    warn(where + s(": security scheme ") + it.key() + s(" (") + type
                        + s(") is not carried over"));
                }
            }
            return std::nullopt;
        }

        void body(const QJsonObject &requestBody, RequestSpec &r, const QString &where)
        {
            const QJsonObject content = requestBody.value(s("content")).toObject();
            if (content.isEmpty())
                return;
            // Prefer JSON, then form encodings, then the first one listed.
            QString type;
            for (auto it = content.begin(); it != content.end(); ++it) {
                if (it.key().contains(QLatin1String("json"))) {
                    type = it.key();
                    break;
                }
            }
            if (type.isEmpty()) {
                for (const char *candidate :
                    { "application/x-www-form-urlencoded", "multipart/form-data" }) {
                    if (content.contains(s(candidate))) {
                        type = s(candidate);
                        break;
                    }
                }
            }
            if (type.isEmpty())
                type = content.begin().key();
            const QJsonObject media = deref(content.value(type)).toObject();
            QJsonValue value;
            if (media.contains(s("example")))
                value = media.value(s("example"));
            else if (!media.value(s("examples")).toObject().isEmpty())
                value = deref(media.value(s("examples")).toObject().begin().value())
                            .toObject()
                            .value(s("value"));
            else
                value = example(media.value(s("schema")), 0);
            if (type == QLatin1String("application/x-www-form-urlencoded")
                || type == QLatin1String("multipart/form-data")) {
                const QJsonObject fields = value.toObject();
                const bool form = type.startsWith(QLatin1String("multipart"));
                r.body.mode = form ? RequestBody::Mode::FormData : RequestBody::Mode::UrlEncoded;
                for (auto it = fields.begin(); it != fields.end(); ++it) {
                    if (form) {
                        FormPart part;
                        part.key = it.key();
                        part.value = text(it.value());
                        r.body.formData.append(part);
                    } else {
                        r.body.urlEncoded.append({ it.key(), text(it.value()) });
                    }
                }
                if (form)
                    warn(where + s(": multipart file fields are written as text fields"));
                return;
            }
            r.body.mode = RequestBody::Mode::Raw;
            if (value.isObject() || value.isArray()) {
                r.body.raw = QString::fromUtf8(value.isObject()
                        ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)
                        : QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented))
                                 .trimmed();
            } else {
                r.body.raw = type.contains(QLatin1String("json")) && value.isString()
                    ? QString::fromUtf8(
                        QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact))
                          .mid(1)
                          .chopped(1)
                    : text(value);
            }
            r.body.rawLanguage = type.contains(QLatin1String("json")) ? s("json")
                : type.contains(QLatin1String("xml"))                 ? s("xml")
                                                                      : s("text");
            r.headers.append({ s("Content-Type"), type });
        }
    };

} // namespace

Result<ImportedCollection> OpenApiImporter::read(const QByteArray &bytes, const QString &origin)
{
    if (bytes.size() > MaxBytes)
        return Result<ImportedCollection>::failure(
            origin + s(": larger than %1 MiB; not read").arg(MaxBytes >> 20));
    QJsonObject root;
    if (bytes.trimmed().startsWith('{')) {
        const Result<QJsonObject> json = JsonFile::parseObject(bytes, origin);
        if (!json)
            return Result<ImportedCollection>::failure(json.error());
        root = json.value();
    } else {
        const Result<QJsonValue> yaml = YamlJson::parse(bytes, origin);
        if (!yaml)
            return Result<ImportedCollection>::failure(yaml.error());
        if (!yaml->isObject())
            return Result<ImportedCollection>::failure(origin
                + (bytes.trimmed().isEmpty()
                        ? s(":1: empty, not an OpenAPI document")
                        : s(":1: not an OpenAPI document (no mapping at the top)")));
        root = yaml->toObject();
    }
    return readDocument(root, origin);
}

Result<ImportedCollection> OpenApiImporter::readDocument(
    const QJsonObject &root, const QString &origin)
{
    using R = Result<ImportedCollection>;
    if (root.contains(s("swagger")))
        return R::failure(origin + s(": Swagger 2.0 is not read; convert it to OpenAPI 3 first"));
    const QString version = text(root.value(s("openapi")));
    if (!version.startsWith(QLatin1String("3.")))
        return R::failure(
            origin + s(": not an OpenAPI 3.0/3.1 document (openapi: ") + version + s(")"));
    Reader reader;
    reader.root = root;
    reader.origin = origin;
    ImportedCollection out;
    Collection &c = out.collection;
    const QJsonObject info = root.value(s("info")).toObject();
    c.name = info.value(s("title")).toString();
    c.description = info.value(s("description")).toString();

    const QJsonArray servers = root.value(s("servers")).toArray();
    QString base;
    if (!servers.isEmpty()) {
        const QJsonObject server = servers.first().toObject();
        base = server.value(s("url")).toString();
        const QJsonObject vars = server.value(s("variables")).toObject();
        for (auto it = vars.begin(); it != vars.end(); ++it)
            base.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'),
                text(it.value().toObject().value(s("default"))));
        if (servers.size() > 1)
            reader.warn(s("only the first of %1 servers became baseUrl").arg(servers.size()));
        if (!base.contains(QLatin1String("://")))
            reader.warn(
                s("the server URL ") + base + s(" is relative: set baseUrl to the full URL"));
    }
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    Variable baseUrl;
    baseUrl.key = s("baseUrl");
    baseUrl.value = base;
    c.variables.append(baseUrl);

    if (root.contains(s("security"))) {
        if (const auto a = reader.auth(root.value(s("security")).toArray(), origin))
            c.auth = a;
    }

    static const QStringList methods = { s("get"), s("put"), s("post"), s("delete"), s("options"),
        s("head"), s("patch"), s("trace") };
    QMap<QString, qsizetype> folders; // tag → index in c.items
    int count = 0;
    const QJsonObject paths = root.value(s("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject item = reader.deref(p.value()).toObject();
        const QJsonArray shared = item.value(s("parameters")).toArray();
        for (const QString &method : methods) {
            if (!item.contains(method))
                continue;
            if (++count > MaxOperations) {
                reader.warn(s("more than %1 operations; the rest were skipped").arg(MaxOperations));
                break;
            }
            const QJsonObject op = reader.deref(item.value(method)).toObject();
            const QString where = method.toUpper() + QLatin1Char(' ') + p.key();
            RequestSpec r;
            r.method = method.toUpper();
            r.name = op.value(s("summary")).toString();
            if (r.name.isEmpty())
                r.name = op.value(s("operationId")).toString();
            if (r.name.isEmpty())
                r.name = where;
            r.description = op.value(s("description")).toString();
            // Path "{id}" → Postman path variable ":id".
            QString path = p.key();
            static const QRegularExpression placeholder(QStringLiteral("\\{([^{}/]+)\\}"));
            path.replace(placeholder, s(":\\1"));
            r.url.base = s("{{baseUrl}}") + path;
            QMap<QString, QJsonObject> params; // in + name → parameter (the operation's win)
            for (const QJsonArray &list : { shared, op.value(s("parameters")).toArray() }) {
                for (const QJsonValue &v : list) {
                    const QJsonObject param = reader.deref(v).toObject();
                    params.insert(param.value(s("in")).toString() + QLatin1Char('\n')
                            + param.value(s("name")).toString(),
                        param);
                }
            }
            for (const QJsonObject &param : params) {
                const QString in = param.value(s("in")).toString();
                const QString name = param.value(s("name")).toString();
                KeyValue row { name, reader.parameterValue(param) };
                row.description = param.value(s("description")).toString();
                if (in == QLatin1String("path")) {
                    r.url.pathVariables.append(row);
                } else if (in == QLatin1String("query")) {
                    row.enabled = param.value(s("required")).toBool() || !row.value.isEmpty();
                    r.url.query.append(row);
                } else if (in == QLatin1String("header")) {
                    static const QStringList reserved
                        = { s("accept"), s("content-type"), s("authorization") };
                    if (reserved.contains(name.toLower()))
                        continue;
                    r.headers.append(row);
                } else {
                    reader.warn(
                        where + s(": ") + in + s(" parameter ") + name + s(" not carried over"));
                }
            }
            const QJsonObject requestBody = reader.deref(op.value(s("requestBody"))).toObject();
            reader.body(requestBody, r, where);
            if (op.contains(s("security"))) {
                if (const auto a = reader.auth(op.value(s("security")).toArray(), where))
                    r.auth = a;
            }
            if (op.value(s("callbacks")).isObject())
                reader.warn(where + s(": callbacks not carried over"));
            CollectionItem request;
            request.name = r.name;
            request.description = r.description;
            request.request = r;
            const QString tag = op.value(s("tags")).toArray().first().toString();
            if (tag.isEmpty()) {
                c.items.append(request);
                continue;
            }
            if (!folders.contains(tag)) {
                CollectionItem folder;
                folder.isFolder = true;
                folder.name = tag;
                c.items.append(folder);
                folders.insert(tag, c.items.size() - 1);
            }
            c.items[folders.value(tag)].children.append(request);
        }
    }
    QStringList secrets = reader.secretVariables.values();
    secrets.sort();
    for (const QString &name : secrets) {
        Variable v;
        v.key = name;
        v.type = s("secret");
        c.variables.append(v);
    }
    // The non-secret halves of the credentials, to be filled in.
    for (const auto &[secretName, plainName] :
        { std::pair { "clientSecret", "clientId" }, std::pair { "password", "username" } }) {
        if (reader.secretVariables.contains(s(secretName))) {
            Variable v;
            v.key = s(plainName);
            c.variables.append(v);
        }
    }
    if (count == 0)
        reader.warn(s("the document has no operations"));
    out.warnings = reader.warnings;
    return out;
}

} // namespace Playground
