#include "app/template/RequestResolver.h"

#include "app/http/Redactor.h"
#include "app/template/TemplateText.h"
#include "app/template/UrlBuilder.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRandomGenerator>

namespace Playground {

namespace {

    bool hasHeader(const HeaderList &headers, const QByteArray &name)
    {
        for (const HeaderPair &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }

    Result<QByteArray> readFile(const QString &path, const QString &what)
    {
        if (path.isEmpty())
            return Result<QByteArray>::failure(QStringLiteral("%1: no file chosen").arg(what));
        QFile file(path);
        const QFileInfo info(path);
        if (!info.exists())
            return Result<QByteArray>::failure(
                QStringLiteral("%1: file \"%2\" does not exist").arg(what, path));
        if (info.size() > RequestResolver::MaxFileBytes)
            return Result<QByteArray>::failure(
                QStringLiteral("%1: file \"%2\" is larger than %3 MiB")
                    .arg(what, path)
                    .arg(RequestResolver::MaxFileBytes / (1024 * 1024)));
        if (!file.open(QIODevice::ReadOnly))
            return Result<QByteArray>::failure(
                QStringLiteral("%1: cannot read \"%2\": %3").arg(what, path, file.errorString()));
        return file.readAll();
    }

    QByteArray quoted(const QString &s)
    {
        QByteArray out = s.toUtf8();
        out.replace('\\', "\\\\");
        out.replace('"', "\\\"");
        out.replace('\r', "%0D");
        out.replace('\n', "%0A");
        return '"' + out + '"';
    }

} // namespace

bool isHeaderToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

VariableScopes RequestResolver::scopesFor(const RequestPath &path, const Collection *collection,
    const Environment *environment, const VariableList &overrides)
{
    VariableScopes scopes;
    if (path.item) {
        scopes.addScope(path.item->request.variables);
        scopes.addScope(path.item->variables);
    }
    for (const CollectionItem *folder : path.folders)
        scopes.addScope(folder->variables);
    if (collection)
        scopes.addScope(collection->variables);
    if (environment)
        scopes.addScope(environment->values);
    scopes.addScope(overrides);
    return scopes;
}

AuthSpec RequestResolver::effectiveAuth(const RequestPath &path, const Collection *collection)
{
    if (path.item && path.item->request.auth && !path.item->request.auth->inherits())
        return *path.item->request.auth;
    for (auto it = path.folders.crbegin(); it != path.folders.crend(); ++it) {
        if ((*it)->auth && !(*it)->auth->inherits())
            return *(*it)->auth;
    }
    if (collection && collection->auth && !collection->auth->inherits())
        return *collection->auth;
    AuthSpec none;
    none.type = QStringLiteral("noauth");
    return none;
}

Result<ResolvedRequest> RequestResolver::resolve(
    const RequestSpec &request, const AuthSpec &auth, VariableScopes scopes)
{
    m_unresolved.clear();
    // Every variable an auth block refers to is a credential: redact its value.
    for (const AuthParam &p : auth.params) {
        if (!p.value.isString())
            continue;
        for (const TemplateToken &t : TemplateText::tokenize(p.value.toString())) {
            if (t.isVariable)
                scopes.markSecret(t.text);
        }
    }
    TemplateText text(scopes);
    ResolvedRequest out;
    QStringList errors;

    out.method = text.resolve(request.method).trimmed().toUtf8();
    if (!isHeaderToken(out.method))
        errors.append(
            QStringLiteral("\"%1\" is not a valid HTTP method").arg(QString::fromUtf8(out.method)));

    QString apiKeyValue; // a literal key in the auth block is a secret too
    UrlSpec urlSpec = request.url;
    // API key in the query: added as a query row, so it is encoded like one.
    if (auth.type == QLatin1String("apikey")
        && auth.param(QStringLiteral("in")) == QLatin1String("query")) {
        urlSpec.query.append(
            { auth.param(QStringLiteral("key")), auth.param(QStringLiteral("value")) });
        out.credentialInUrl = true;
        apiKeyValue = text.resolve(auth.param(QStringLiteral("value")));
        out.warnings.append(QStringLiteral("The API key goes in the URL query, where servers and "
                                           "proxies may log it; prefer a header"));
    }
    UrlBuilder urlBuilder(text);
    const Result<QUrl> url = urlBuilder.build(urlSpec);
    if (url)
        out.url = url.value();
    else
        errors.append(url.error());

    for (const KeyValue &h : request.headers) {
        if (!h.enabled)
            continue;
        const QByteArray name = text.resolve(h.key).trimmed().toUtf8();
        const QByteArray value = text.resolve(h.value).toUtf8();
        if (!isHeaderToken(name)) {
            errors.append(QStringLiteral(
                "Header name \"%1\" is not valid (letters, digits and !#$%&'*+-.^_`|~ only)")
                              .arg(QString::fromUtf8(name).left(80)));
            continue;
        }
        if (value.contains('\r') || value.contains('\n') || value.contains('\0')) {
            errors.append(QStringLiteral(
                "Header \"%1\" contains a line break or NUL after substitution; refused")
                              .arg(QString::fromUtf8(name)));
            continue;
        }
        out.headers.append({ name, value.trimmed() });
    }

    // Auth from the request/folder/collection (an explicit Authorization header wins).
    const QString authType = auth.type;
    if (authType == QLatin1String("bearer") && !hasHeader(out.headers, "Authorization")) {
        out.headers.append({ "Authorization",
            "Bearer " + text.resolve(auth.param(QStringLiteral("token"))).toUtf8() });
    } else if (authType == QLatin1String("basic") && !hasHeader(out.headers, "Authorization")) {
        const QByteArray pair = text.resolve(auth.param(QStringLiteral("username"))).toUtf8() + ':'
            + text.resolve(auth.param(QStringLiteral("password"))).toUtf8();
        out.headers.append({ "Authorization", "Basic " + pair.toBase64() });
    } else if (authType == QLatin1String("apikey")
        && auth.param(QStringLiteral("in")) != QLatin1String("query")) {
        const QByteArray name = text.resolve(auth.param(QStringLiteral("key"))).toUtf8();
        const QString value = text.resolve(auth.param(QStringLiteral("value")));
        if (isHeaderToken(name)) {
            // A credential like Authorization: dropped on another origin, never sent over http.
            out.headers.append({ name, value.toUtf8() });
            out.credentialHeaders.append(name);
            apiKeyValue = value;
        } else
            errors.append(QStringLiteral("API key header name \"%1\" is not valid")
                              .arg(QString::fromUtf8(name)));
    } else if (authType == QLatin1String("oauth2") && !hasHeader(out.headers, "Authorization")) {
        const QString token = text.resolve(auth.param(QStringLiteral("accessToken")));
        if (!token.isEmpty()) {
            QString prefix = text.resolve(auth.param(QStringLiteral("headerPrefix")));
            if (prefix.isEmpty())
                prefix = QStringLiteral("Bearer");
            out.headers.append({ "Authorization", prefix.toUtf8() + ' ' + token.toUtf8() });
        }
    }
    for (const HeaderPair &h : out.headers) {
        if (h.second.contains('\r') || h.second.contains('\n') || h.second.contains('\0'))
            errors.append(QStringLiteral("Auth value for \"%1\" contains a line break; refused")
                              .arg(QString::fromUtf8(h.first)));
    }

    // Body. Like Postman, a body on a method that has no use for one is dropped unless asked.
    static const QByteArrayList pruned { "GET", "HEAD", "COPY", "PURGE", "UNLOCK" };
    RequestBody body = request.body;
    if (!request.bodyPruningDisabled && pruned.contains(out.method.toUpper()))
        body.mode = RequestBody::Mode::None;
    switch (body.mode) {
    case RequestBody::Mode::None:
    case RequestBody::Mode::Other:
        break;
    case RequestBody::Mode::Raw:
        out.body = text.resolve(body.raw).toUtf8();
        out.hasBody = true;
        break;
    case RequestBody::Mode::UrlEncoded: {
        QByteArrayList pairs;
        for (const KeyValue &kv : body.urlEncoded) {
            if (kv.enabled)
                pairs.append(QUrl::toPercentEncoding(text.resolve(kv.key)) + '='
                    + QUrl::toPercentEncoding(text.resolve(kv.value)));
        }
        out.body = pairs.join('&');
        out.hasBody = true;
        break;
    }
    case RequestBody::Mode::FormData: {
        const QByteArray boundary = "----ApiPlayground"
            + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        for (const FormPart &part : body.formData) {
            if (!part.enabled)
                continue;
            out.body += "--" + boundary
                + "\r\nContent-Disposition: form-data; name=" + quoted(text.resolve(part.key));
            QByteArray content;
            if (part.isFile) {
                const QString path = text.resolve(part.src);
                const Result<QByteArray> data
                    = readFile(path, QStringLiteral("Form field \"%1\"").arg(part.key));
                if (!data) {
                    errors.append(data.error());
                    continue;
                }
                out.body += "; filename=" + quoted(QFileInfo(path).fileName());
                content = data.value();
            } else {
                content = text.resolve(part.value).toUtf8();
            }
            out.body += "\r\n";
            QString type = part.contentType;
            if (type.isEmpty() && part.isFile)
                type = QMimeDatabase()
                           .mimeTypeForFile(part.src, QMimeDatabase::MatchExtension)
                           .name();
            if (!type.isEmpty())
                out.body += "Content-Type: "
                    + text.resolve(type).toUtf8().replace('\r', ' ').replace('\n', ' ') + "\r\n";
            out.body += "\r\n" + content + "\r\n";
        }
        out.body += "--" + boundary + "--\r\n";
        out.hasBody = true;
        // The boundary must match the body, so it replaces any Content-Type typed by hand.
        out.headers.removeIf([](const HeaderPair &h) {
            return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        });
        out.headers.append({ "Content-Type", "multipart/form-data; boundary=" + boundary });
        break;
    }
    case RequestBody::Mode::File: {
        const Result<QByteArray> data
            = readFile(text.resolve(body.filePath), QStringLiteral("Body file"));
        if (data) {
            out.body = data.value();
            out.hasBody = true;
        } else {
            errors.append(data.error());
        }
        break;
    }
    }
    if (!out.body.isEmpty() && !hasHeader(out.headers, "Content-Type")) {
        const QString implied = body.impliedContentType();
        if (!implied.isEmpty())
            out.headers.append({ "Content-Type", implied.toUtf8() });
    }

    m_unresolved = text.unresolved();
    if (!m_unresolved.isEmpty())
        return Result<ResolvedRequest>::failure(
            QStringLiteral("Unresolved variables: %1").arg(m_unresolved.join(QLatin1String(", "))));
    if (!text.error().isEmpty())
        errors.prepend(text.error());
    // Messages may quote a value (a bad host, a bad URL): never a secret one.
    if (!errors.isEmpty())
        return Result<ResolvedRequest>::failure(
            Redactor(text.secretValues().values()).text(errors.join(QLatin1String("; "))));

    out.secretValues = text.secretValues().values();
    out.boundSecrets = text.boundSecrets();
    if (!apiKeyValue.isEmpty() && !out.secretValues.contains(apiKeyValue))
        out.secretValues.append(apiKeyValue);
    return out;
}

} // namespace Playground
