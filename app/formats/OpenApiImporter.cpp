#include "app/formats/OpenApiImporter.h"

#include "app/formats/JsonScalar.h"
#include "app/formats/OrderedJson.h"

#include "app/formats/JsonFile.h"
#include "app/formats/YamlJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

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

    /** A value as text (none: empty). */
    QString valueText(const QJsonValue &v)
    {
        return v.isUndefined() ? QString() : text(v);
    }

    /** A query key or value percent-encoded, so '&', '=', '#', '+', spaces and non-ASCII text
     * stay one value whoever sends it. */
    QString encoded(const QString &value)
    {
        return QString::fromLatin1(QUrl::toPercentEncoding(value));
    }

    QString styleOf(const QJsonObject &p)
    {
        const QString style = p.value(s("style")).toString();
        if (!style.isEmpty())
            return style;
        const QString in = p.value(s("in")).toString();
        return in == QLatin1String("query") || in == QLatin1String("cookie") ? s("form")
                                                                             : s("simple");
    }

    bool explodes(const QJsonObject &p)
    {
        return p.value(s("explode")).toBool(styleOf(p) == QLatin1String("form"));
    }

    /** A path, header or cookie value in OpenAPI's simple style: "1,2,3", "a,1,b,2" (exploded:
     * "a=1,b=2"). */
    QString simpleText(const QJsonValue &value, bool explode)
    {
        QStringList parts;
        if (value.isArray()) {
            for (const QJsonValue &item : value.toArray())
                parts.append(valueText(item));
        } else if (value.isObject()) {
            const QJsonObject o = value.toObject();
            for (const QString &key : OrderedJson::keys(o))
                parts.append(key + (explode ? s("=") : s(",")) + valueText(o.value(key)));
        } else {
            return valueText(value);
        }
        return parts.join(QLatin1Char(','));
    }

    /** The query rows of an array example, per style and explode. */
    KeyValueList queryArrayRows(
        const QString &name, const QJsonArray &items, const QString &style, bool explode)
    {
        KeyValueList rows;
        QStringList parts;
        for (const QJsonValue &item : items) {
            if (explode && style == QLatin1String("form"))
                rows.append({ encoded(name), encoded(valueText(item)) });
            parts.append(encoded(valueText(item)));
        }
        if (!explode || style != QLatin1String("form")) {
            const QString separator = style == QLatin1String("spaceDelimited") ? s("%20")
                : style == QLatin1String("pipeDelimited")                      ? s("|")
                                                                               : s(",");
            rows.append({ encoded(name), parts.join(separator) });
        }
        return rows;
    }

    /** The query rows of an object example: deepObject "name[key]=v", form exploded "key=v",
     * form "name=key,v,key2,v2". */
    KeyValueList queryObjectRows(
        const QString &name, const QJsonObject &object, const QString &style, bool explode)
    {
        KeyValueList rows;
        QStringList parts;
        for (const QString &key : OrderedJson::keys(object)) {
            const QString value = encoded(valueText(object.value(key)));
            if (style == QLatin1String("deepObject"))
                rows.append(
                    { encoded(name) + QLatin1Char('[') + encoded(key) + QLatin1Char(']'), value });
            else if (explode)
                rows.append({ encoded(key), value });
            parts << encoded(key) << value;
        }
        if (style != QLatin1String("deepObject") && !explode)
            rows.append({ encoded(name), parts.join(QLatin1Char(',')) });
        return rows;
    }

    /** The query rows a parameter's example gives, serialised per its style and explode. */
    KeyValueList queryRows(const QJsonObject &p, const QJsonValue &value)
    {
        const QString name = p.value(s("name")).toString();
        KeyValueList rows;
        if (value.isArray() && !p.contains(s("content")))
            rows = queryArrayRows(name, value.toArray(), styleOf(p), explodes(p));
        else if (value.isObject() && !p.contains(s("content")))
            rows = queryObjectRows(name, value.toObject(), styleOf(p), explodes(p));
        if (rows.isEmpty())
            rows.append({ encoded(name), encoded(valueText(value)) });
        return rows;
    }

    /** What a security requirement sends: an auth, and cookies ("name={{variable}}"). */
    struct Access {
        AuthSpec auth = noAuth();
        QStringList cookies;

        static AuthSpec noAuth()
        {
            AuthSpec a;
            a.type = s("noauth");
            return a;
        }
    };

    constexpr int MaxRefDepth = 32;
    constexpr int MaxSchemaDepth = 10;

    struct Reader {
        QJsonObject root;
        QString origin;
        QStringList warnings;
        QSet<QString> secretVariables;
        QMap<QString, QString> madeUpVariables; ///< name → value ({{id}} in "{id}.json", cookies)
        QString baseUrl;
        QStringList documentCookies; ///< sent by operations without their own security

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
                QStringList order;
                for (const QJsonValue &part : schema.value(s("allOf")).toArray()) {
                    const QJsonObject o = example(part, depth + 1).toObject();
                    for (const QString &key : OrderedJson::keys(o)) {
                        if (!merged.contains(key))
                            order.append(key);
                        merged.insert(key, o.value(key));
                    }
                }
                OrderedJson::setOrder(merged, order);
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
                QStringList order;
                const QJsonObject props = schema.value(s("properties")).toObject();
                for (const QString &key : OrderedJson::keys(props)) {
                    if (deref(props.value(key)).toObject().value(s("readOnly")).toBool())
                        continue;
                    out.insert(key, example(props.value(key), depth + 1));
                    order.append(key);
                }
                OrderedJson::setOrder(out, order);
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

        /** A parameter's example (its own, a named example, the schema's); undefined if none. */
        QJsonValue parameterExample(const QJsonObject &p)
        {
            if (p.contains(s("example")))
                return p.value(s("example"));
            const QJsonObject examples = p.value(s("examples")).toObject();
            if (!examples.isEmpty())
                return deref(examples.value(OrderedJson::firstKey(examples)))
                    .toObject()
                    .value(s("value"));
            const QJsonObject schema = deref(p.value(s("schema"))).toObject();
            for (const char *key : { "example", "default" }) {
                if (schema.contains(s(key)))
                    return schema.value(s(key));
            }
            for (const char *key : { "examples", "enum" }) {
                if (!schema.value(s(key)).toArray().isEmpty())
                    return schema.value(s(key)).toArray().first();
            }
            return QJsonValue::Undefined;
        }

        Variable secret(const QString &name)
        {
            secretVariables.insert(name);
            Variable v;
            v.key = name;
            v.type = s("secret");
            return v;
        }

        QJsonObject securitySchemes() const
        {
            return root.value(s("components")).toObject().value(s("securitySchemes")).toObject();
        }

        /** Auth for an http scheme (bearer, basic); nullopt for the others. */
        std::optional<AuthSpec> httpAuth(const QJsonObject &scheme)
        {
            const QString name = scheme.value(s("scheme")).toString().toLower();
            AuthSpec a;
            if (name == QLatin1String("bearer")) {
                a.type = s("bearer");
                a.setParam(s("token"), s("{{token}}"));
                secret(s("token"));
                return a;
            }
            if (name == QLatin1String("basic")) {
                a.type = s("basic");
                a.setParam(s("username"), s("{{username}}"));
                a.setParam(s("password"), s("{{password}}"));
                secret(s("password"));
                return a;
            }
            return std::nullopt;
        }

        /** Auth for an OAuth 2.0 scheme with a client credentials flow; nullopt otherwise. */
        std::optional<AuthSpec> oauth2Auth(const QJsonObject &scheme, const QJsonArray &scopes)
        {
            const QJsonObject flow
                = scheme.value(s("flows")).toObject().value(s("clientCredentials")).toObject();
            if (flow.isEmpty())
                return std::nullopt;
            AuthSpec a;
            a.type = s("oauth2");
            a.setParam(s("grant_type"), s("client_credentials"));
            a.setParam(s("accessTokenUrl"), flow.value(s("tokenUrl")).toString());
            a.setParam(s("clientId"), s("{{clientId}}"));
            a.setParam(s("clientSecret"), s("{{clientSecret}}"));
            QStringList names;
            for (const QJsonValue &scope : scopes)
                names.append(scope.toString());
            if (!names.isEmpty())
                a.setParam(s("scope"), names.join(QLatin1Char(' ')));
            secret(s("clientSecret"));
            return a;
        }

        /** What one security scheme sends; nullopt (with a warning) when it is not carried over. */
        std::optional<Access> schemeAccess(
            const QString &name, const QJsonArray &scopes, const QString &where)
        {
            const QJsonObject scheme = deref(securitySchemes().value(name)).toObject();
            const QString type = scheme.value(s("type")).toString();
            Access out;
            std::optional<AuthSpec> auth;
            if (type == QLatin1String("http"))
                auth = httpAuth(scheme);
            else if (type == QLatin1String("oauth2"))
                auth = oauth2Auth(scheme, scopes);
            else if (type == QLatin1String("apiKey")
                && scheme.value(s("in")).toString() == QLatin1String("cookie")) {
                // No Postman auth type sends a cookie: a Cookie header with a secret variable.
                const QString variable = variableName(name);
                out.cookies.append(
                    scheme.value(s("name")).toString() + s("={{") + variable + s("}}"));
                secret(variable);
                return out;
            } else if (type == QLatin1String("apiKey")) {
                auth = AuthSpec();
                auth->type = s("apikey");
                auth->setParam(s("key"), scheme.value(s("name")).toString());
                auth->setParam(s("value"), s("{{apiKey}}"));
                auth->setParam(s("in"),
                    scheme.value(s("in")).toString() == QLatin1String("query") ? s("query")
                                                                               : s("header"));
                secret(s("apiKey"));
            }
            if (!auth) {
                warn(where + s(": security scheme ") + name + s(" (") + type
                    + s(") is not carried over"));
                return std::nullopt;
            }
            out.auth = *auth;
            return out;
        }

        /** What one security requirement (all of its schemes) sends; nullopt if any is not
         * carried over. */
        std::optional<Access> requirementAccess(const QJsonObject &names, const QString &where)
        {
            Access out;
            bool hasAuth = false;
            for (const QString &name : OrderedJson::keys(names)) {
                const std::optional<Access> one
                    = schemeAccess(name, names.value(name).toArray(), where);
                if (!one)
                    return std::nullopt;
                out.cookies += one->cookies;
                if (one->auth.type == QLatin1String("noauth"))
                    continue;
                if (hasAuth)
                    warn(where + s(": only one auth of a combined security requirement is sent"));
                else
                    out.auth = one->auth;
                hasAuth = true;
            }
            return out;
        }

        /** What a security requirement list sends: the first alternative that can be carried
         * over; nullopt when none can. An empty list or an empty requirement means no auth. */
        std::optional<Access> access(const QJsonArray &requirements, const QString &where)
        {
            if (requirements.isEmpty())
                return Access();
            for (const QJsonValue &requirement : requirements) {
                if (requirement.toObject().isEmpty())
                    return Access(); // {} : anonymous access allowed
                if (const auto a = requirementAccess(requirement.toObject(), where))
                    return a;
            }
            return std::nullopt;
        }

        /** A name usable as a {{variable}}, unique among the ones this import made up. */
        QString variableName(const QString &wanted, const QString &value = QString())
        {
            static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
            QString base = wanted;
            base.replace(unsafe, s("_"));
            if (base.isEmpty())
                base = s("value");
            static const QStringList reserved = { s("baseUrl"), s("token"), s("username"),
                s("password"), s("apiKey"), s("clientId"), s("clientSecret") };
            QString name = base;
            for (int n = 2; reserved.contains(name)
                 || (madeUpVariables.contains(name) && madeUpVariables.value(name) != value);
                 ++n)
                name = base + QLatin1Char('_') + QString::number(n);
            madeUpVariables.insert(name, value);
            return name;
        }

        /** The first of servers as a base URL: variables get their defaults, no trailing '/'. */
        QString serverUrl(const QJsonArray &servers, const QString &where)
        {
            const QJsonObject server = servers.first().toObject();
            QString url = server.value(s("url")).toString();
            const QJsonObject vars = server.value(s("variables")).toObject();
            for (const QString &name : OrderedJson::keys(vars))
                url.replace(QLatin1Char('{') + name + QLatin1Char('}'),
                    text(vars.value(name).toObject().value(s("default"))));
            if (servers.size() > 1)
                warn(where + s(": only the first of %1 servers is used").arg(servers.size()));
            if (!url.contains(QLatin1String("://")))
                warn(where + s(": the server URL ") + url
                    + s(" is relative: set it to the full URL"));
            static const QRegularExpression variable(QStringLiteral("\\{[^{}]*\\}"));
            if (url.contains(variable))
                warn(where + s(": the server URL ") + url + s(" has variables without a default"));
            while (url.endsWith(QLatin1Char('/')))
                url.chop(1);
            return url;
        }

        /** The base URL of an operation: its own servers, its path's, else {{baseUrl}}. */
        QString operationBase(
            const QJsonObject &pathItem, const QJsonObject &op, const QString &where)
        {
            for (const QJsonObject &holder : { op, pathItem }) {
                const QJsonArray servers = holder.value(s("servers")).toArray();
                if (servers.isEmpty())
                    continue;
                const QString url = serverUrl(servers, where);
                return url == baseUrl ? s("{{baseUrl}}") : url;
            }
            return s("{{baseUrl}}");
        }

        /**
         * What stands for path parameter name in a path: ":name" for a whole segment (a path
         * variable); "{{name}}" inside a segment ("{id}.json"), a collection variable holding the
         * example, as ":name" is only a path variable as a whole segment; and the example itself,
         * percent-encoded, when it has characters a path cannot hold as they are ('/', '%', '?',
         * '#', space, non-ASCII), which newman would send unencoded from a variable.
         */
        QString pathParameter(const QString &name, bool wholeSegment,
            const QMap<QString, KeyValue> &params, KeyValueList &pathVariables)
        {
            const KeyValue row = params.value(name, KeyValue { name, QString() });
            static const QRegularExpression pchar(
                QStringLiteral("^[A-Za-z0-9\\-._~!$&'()*+,;=:@]*$"));
            if (!pchar.match(row.value).hasMatch())
                return encoded(row.value);
            static const QRegularExpression segmentName(QStringLiteral("^[A-Za-z0-9_.-]+$"));
            if (wholeSegment && segmentName.match(name).hasMatch()) {
                pathVariables.append(row);
                return QLatin1Char(':') + name;
            }
            return s("{{") + variableName(name, row.value) + s("}}");
        }

        /** The path as a URL template (see pathParameter). */
        QString pathTemplate(
            const QString &path, const QMap<QString, KeyValue> &params, KeyValueList &pathVariables)
        {
            static const QRegularExpression placeholder(QStringLiteral("\\{([^{}/]+)\\}"));
            QStringList segments = path.split(QLatin1Char('/'));
            for (QString &segment : segments) {
                QString out;
                qsizetype pos = 0;
                for (auto it = placeholder.globalMatch(segment); it.hasNext();) {
                    const auto m = it.next();
                    const bool whole = m.capturedLength() == segment.size();
                    out += segment.mid(pos, m.capturedStart() - pos)
                        + pathParameter(m.captured(1), whole, params, pathVariables);
                    pos = m.capturedEnd();
                }
                segment = out + segment.mid(pos);
            }
            return segments.join(QLatin1Char('/'));
        }

        /** The operation's parameters with the path's, by in + name (the operation's win). */
        QList<QJsonObject> parameters(const QJsonObject &pathItem, const QJsonObject &op)
        {
            QMap<QString, QJsonObject> params;
            for (const QJsonObject &holder : { pathItem, op }) {
                for (const QJsonValue &v : holder.value(s("parameters")).toArray()) {
                    const QJsonObject param = deref(v).toObject();
                    params.insert(param.value(s("in")).toString() + QLatin1Char('\n')
                            + param.value(s("name")).toString(),
                        param);
                }
            }
            return params.values();
        }

        /** Query, header and cookie parameters into r; path ones into pathParams. */
        void addParameter(const QJsonObject &param, RequestSpec &r, QStringList &cookies,
            QMap<QString, KeyValue> &pathParams, const QString &where)
        {
            const QString in = param.value(s("in")).toString();
            const QString name = param.value(s("name")).toString();
            const QJsonValue example = parameterExample(param);
            // Optional parameters without an example are listed, switched off.
            const bool enabled = param.value(s("required")).toBool()
                || !(example.isUndefined() || example.isNull());
            const QString description = param.value(s("description")).toString();
            if (in == QLatin1String("query")) {
                for (KeyValue row : queryRows(param, example)) {
                    row.enabled = enabled;
                    row.description = description;
                    r.url.query.append(row);
                }
                return;
            }
            KeyValue row { name, simpleText(example, explodes(param)), enabled, description };
            static const QStringList reserved
                = { s("accept"), s("content-type"), s("authorization") };
            if (in == QLatin1String("path")) {
                if (styleOf(param) != QLatin1String("simple"))
                    warn(where + s(": path parameter ") + name + s(" is written in simple style"));
                pathParams.insert(name, row);
            } else if (in == QLatin1String("header") && !reserved.contains(name.toLower())) {
                r.headers.append(row);
            } else if (in == QLatin1String("cookie") && enabled) {
                cookies.append(name + QLatin1Char('=') + encoded(row.value));
            } else if (in != QLatin1String("header") && in != QLatin1String("cookie")) {
                warn(where + s(": ") + in + s(" parameter ") + name + s(" not carried over"));
            }
        }

        /** r's auth (or cookies) from the operation's own security; nullopt: the document's. */
        void addSecurity(
            const QJsonObject &op, RequestSpec &r, QStringList &cookies, const QString &where)
        {
            if (!op.contains(s("security"))) {
                cookies += documentCookies;
                return;
            }
            std::optional<Access> a = access(op.value(s("security")).toArray(), where);
            if (!a) {
                // Never let it inherit the document's auth: that sends a credential to an
                // endpoint that asked for another one.
                warn(where + s(": its security could not be carried over; sent without auth"));
                a = Access();
            }
            r.auth = a->auth;
            cookies += a->cookies;
        }

        /** One request for an operation. */
        RequestSpec operation(const QString &path, const QJsonObject &pathItem,
            const QJsonObject &op, const QString &method)
        {
            const QString where = method.toUpper() + QLatin1Char(' ') + path;
            RequestSpec r;
            r.method = method.toUpper();
            r.name = op.value(s("summary")).toString();
            if (r.name.isEmpty())
                r.name = op.value(s("operationId")).toString();
            if (r.name.isEmpty())
                r.name = where;
            r.description = op.value(s("description")).toString();
            QStringList cookies;
            QMap<QString, KeyValue> pathParams;
            for (const QJsonObject &param : parameters(pathItem, op))
                addParameter(param, r, cookies, pathParams, where);
            r.url.base = operationBase(pathItem, op, where)
                + pathTemplate(path, pathParams, r.url.pathVariables);
            body(deref(op.value(s("requestBody"))).toObject(), r, where);
            addSecurity(op, r, cookies, where);
            if (!cookies.isEmpty())
                r.headers.append({ s("Cookie"), cookies.join(s("; ")) });
            if (op.value(s("callbacks")).isObject())
                warn(where + s(": callbacks not carried over"));
            return r;
        }

        void body(const QJsonObject &requestBody, RequestSpec &r, const QString &where)
        {
            const QJsonObject content = requestBody.value(s("content")).toObject();
            if (content.isEmpty())
                return;
            // Prefer JSON, then form encodings, then the first one listed.
            QString type;
            const QStringList types = OrderedJson::keys(content);
            for (const QString &candidate : types) {
                if (candidate.contains(QLatin1String("json"))) {
                    type = candidate;
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
                type = types.first();
            const QJsonObject media = deref(content.value(type)).toObject();
            QJsonValue value;
            if (media.contains(s("example")))
                value = media.value(s("example"));
            else if (!media.value(s("examples")).toObject().isEmpty()) {
                const QJsonObject examples = media.value(s("examples")).toObject();
                value = deref(examples.value(OrderedJson::firstKey(examples)))
                            .toObject()
                            .value(s("value"));
            } else
                value = example(media.value(s("schema")), 0);
            if (type == QLatin1String("application/x-www-form-urlencoded")
                || type == QLatin1String("multipart/form-data")) {
                const QJsonObject fields = value.toObject();
                const bool form = type.startsWith(QLatin1String("multipart"));
                r.body.mode = form ? RequestBody::Mode::FormData : RequestBody::Mode::UrlEncoded;
                for (const QString &key : OrderedJson::keys(fields)) {
                    if (form) {
                        FormPart part;
                        part.key = key;
                        part.value = text(fields.value(key));
                        r.body.formData.append(part);
                    } else {
                        r.body.urlEncoded.append({ key, text(fields.value(key)) });
                    }
                }
                if (form)
                    warn(where + s(": multipart file fields are written as text fields"));
                return;
            }
            r.body.mode = RequestBody::Mode::Raw;
            // JSON as JSON (a string quoted, a large integer as written); other types as text.
            if (value.isObject() || value.isArray())
                r.body.raw = QString::fromUtf8(OrderedJson::toJson(value, QJsonDocument::Indented));
            else if (type.contains(QLatin1String("json")))
                r.body.raw = QString::fromUtf8(OrderedJson::toJson(value, QJsonDocument::Compact));
            else
                r.body.raw = text(value);
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
        // JSON is YAML: read again through it, the document's order kept (QJsonObject sorts
        // keys). Not for the largest documents, where it would take seconds.
        if (bytes.size() <= MaxOrderedJsonBytes) {
            const Result<QJsonValue> ordered = YamlJson::parse(bytes, origin, 1, true);
            if (ordered && ordered->isObject())
                root = ordered->toObject();
        }
    } else {
        if (bytes.size() > MaxYamlBytes)
            return Result<ImportedCollection>::failure(origin
                + s(": YAML larger than %1 MiB is not read (its reader would need gigabytes of "
                    "memory); convert the document to JSON, which is read up to %2 MiB")
                      .arg(MaxYamlBytes >> 20)
                      .arg(JsonFile::MaxBytes >> 20));
        const Result<QJsonValue> yaml = YamlJson::parse(bytes, origin, 1, true);
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

namespace {

    /** The request in the folder of its first tag (made on first use), or at the top. */
    void addToFolder(Collection &c, QMap<QString, qsizetype> &folders, const QString &tag,
        const CollectionItem &request)
    {
        if (tag.isEmpty()) {
            c.items.append(request);
            return;
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

    void addVariable(Collection &c, const QString &key, const QString &value, bool isSecret)
    {
        Variable v;
        v.key = key;
        v.value = value;
        if (isSecret)
            v.type = s("secret");
        c.variables.append(v);
    }

    /** The variables the requests use: secrets, the non-secret halves of credentials, and the
     * values of path parameters inside a segment. */
    void addVariables(Collection &c, const Reader &reader)
    {
        QStringList secrets = reader.secretVariables.values();
        secrets.sort();
        for (const QString &name : secrets)
            addVariable(c, name, QString(), true);
        for (const auto &[secretName, plainName] :
            { std::pair { "clientSecret", "clientId" }, std::pair { "password", "username" } }) {
            if (reader.secretVariables.contains(s(secretName)))
                addVariable(c, s(plainName), QString(), false);
        }
        for (auto it = reader.madeUpVariables.begin(); it != reader.madeUpVariables.end(); ++it) {
            if (!reader.secretVariables.contains(it.key()))
                addVariable(c, it.key(), it.value(), false);
        }
    }

    /** The document-wide servers and security, into the collection and the reader. */
    void readDocumentDefaults(const QJsonObject &root, Reader &reader, Collection &c)
    {
        const QJsonArray servers = root.value(s("servers")).toArray();
        if (!servers.isEmpty())
            reader.baseUrl = reader.serverUrl(servers, s("servers"));
        addVariable(c, s("baseUrl"), reader.baseUrl, false);
        if (!root.contains(s("security")))
            return;
        if (const auto a = reader.access(root.value(s("security")).toArray(), reader.origin)) {
            c.auth = a->auth;
            reader.documentCookies = a->cookies;
        } else {
            reader.warn(reader.origin
                + s(": the document's security could not be carried over; sent without auth"));
        }
    }

} // namespace

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
    readDocumentDefaults(root, reader, c);

    static const QStringList methods = { s("get"), s("put"), s("post"), s("delete"), s("options"),
        s("head"), s("patch"), s("trace") };
    QMap<QString, qsizetype> folders; // tag → index in c.items
    int count = 0;
    const QJsonObject paths = root.value(s("paths")).toObject();
    const QStringList pathNames = OrderedJson::keys(paths);
    for (auto p = pathNames.begin(); p != pathNames.end() && count <= MaxOperations; ++p) {
        const QJsonObject item = reader.deref(paths.value(*p)).toObject();
        for (const QString &method : methods) {
            if (!item.contains(method))
                continue;
            if (++count > MaxOperations) {
                reader.warn(s("more than %1 operations; the rest were skipped").arg(MaxOperations));
                break;
            }
            const QJsonObject op = reader.deref(item.value(method)).toObject();
            CollectionItem request;
            request.request = reader.operation(*p, item, op, method);
            request.name = request.request.name;
            request.description = request.request.description;
            addToFolder(c, folders, op.value(s("tags")).toArray().first().toString(), request);
        }
    }
    addVariables(c, reader);
    if (count == 0)
        reader.warn(s("the document has no operations"));
    out.warnings = reader.warnings;
    return out;
}

} // namespace Playground
