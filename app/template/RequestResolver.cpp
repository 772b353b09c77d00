#include "app/template/RequestResolver.h"

#include "app/model/ByteText.h"
#include "app/template/TemplateText.h"
#include "app/template/UrlBuilder.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
        QByteArray out = ByteText::toBytes(s);
        out.replace('\\', "\\\\");
        out.replace('"', "\\\"");
        out.replace('\r', "%0D");
        out.replace('\n', "%0A");
        return '"' + out + '"';
    }

    /**
     * The JSON a GraphQL body is sent as, byte for byte as Postman and newman send it: the query
     * substituted and written as a JSON string (a value with quotes stays one string), then the
     * variables substituted and written as they are — once checked to be a JSON object (Postman
     * would send anything); none when they are blank.
     */
    QByteArray graphQlBody(const RequestBody &body, TemplateText &text, QStringList *errors)
    {
        const QString query = text.resolve(body.graphQlQuery, SecretPosition::Body);
        const QByteArray quoted
            = QJsonDocument(QJsonArray { query }).toJson(QJsonDocument::Compact);
        QByteArray out = "{\"query\":" + quoted.mid(1, quoted.size() - 2);
        const QByteArray variables
            = ByteText::toBytes(text.resolve(body.graphQlVariables, SecretPosition::Body));
        if (!variables.trimmed().isEmpty()) {
            QJsonParseError parsed {};
            if (!QJsonDocument::fromJson(variables, &parsed).isObject())
                errors->append(QStringLiteral("The GraphQL variables are not a JSON object: %1")
                                   .arg(parsed.error != QJsonParseError::NoError
                                           ? parsed.errorString()
                                           : QStringLiteral("another kind of value")));
            out += ",\"variables\":" + variables;
        }
        return out + '}';
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

RequestBody::Mode RequestResolver::sentBodyMode(
    const RequestSpec &request, const QByteArray &method)
{
    // Like Postman, a body on a method that has no use for one is dropped unless asked.
    static const QByteArrayList pruned { "GET", "HEAD", "COPY", "PURGE", "UNLOCK" };
    if (!request.bodyPruningDisabled && pruned.contains(method.trimmed().toUpper()))
        return RequestBody::Mode::None;
    return request.body.mode;
}

ResolvedRequest RequestResolver::resolve(
    const RequestSpec &request, TemplateText &text, QStringList *errors)
{
    ResolvedRequest out;
    out.method = text.resolve(request.method, SecretPosition::Method).trimmed().toUtf8();
    if (!isHeaderToken(out.method))
        errors->append(
            QStringLiteral("\"%1\" is not a valid HTTP method").arg(QString::fromUtf8(out.method)));

    UrlBuilder urlBuilder(text);
    const Result<QUrl> url = urlBuilder.build(request.url);
    if (url)
        out.url = url.value();
    else
        errors->append(url.error());

    for (const KeyValue &h : request.headers) {
        if (!h.enabled)
            continue;
        const QByteArray name = text.resolve(h.key, SecretPosition::HeaderName).trimmed().toUtf8();
        if (!isHeaderToken(name)) {
            errors->append(QStringLiteral(
                "Header name \"%1\" is not valid (letters, digits and !#$%&'*+-.^_`|~ only)")
                               .arg(QString::fromUtf8(name)));
            continue;
        }
        const QByteArray value
            = ByteText::toBytes(text.resolve(h.value, SecretPosition::HeaderValue, name));
        if (value.contains('\r') || value.contains('\n') || value.contains('\0')) {
            errors->append(QStringLiteral(
                "Header \"%1\" contains a line break or NUL after substitution; refused")
                               .arg(QString::fromUtf8(name)));
            continue;
        }
        out.headers.append({ name, value.trimmed() });
    }

    RequestBody body = request.body;
    body.mode = sentBodyMode(request, out.method);
    switch (body.mode) {
    case RequestBody::Mode::None:
    case RequestBody::Mode::Other:
        break;
    case RequestBody::Mode::Raw:
        out.body = ByteText::toBytes(text.resolve(body.raw, SecretPosition::Body));
        out.hasBody = true;
        break;
    case RequestBody::Mode::GraphQl:
        out.body = graphQlBody(body, text, errors);
        out.hasBody = true;
        break;
    case RequestBody::Mode::UrlEncoded: {
        QByteArrayList pairs;
        for (const KeyValue &kv : body.urlEncoded) {
            if (kv.enabled)
                pairs.append(ByteText::toBytes(text.resolve(kv.key, SecretPosition::Body))
                                 .toPercentEncoding()
                    + '='
                    + ByteText::toBytes(text.resolve(kv.value, SecretPosition::Body))
                          .toPercentEncoding());
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
            out.body += "--" + boundary + "\r\nContent-Disposition: form-data; name="
                + quoted(text.resolve(part.key, SecretPosition::MultipartName));
            QByteArray content;
            if (part.isFile) {
                const QString path = text.resolve(part.src, SecretPosition::MultipartFilename);
                const Result<QByteArray> data
                    = readFile(path, QStringLiteral("Form field \"%1\"").arg(part.key));
                if (!data) {
                    errors->append(data.error());
                    continue;
                }
                out.body += "; filename=" + quoted(QFileInfo(path).fileName());
                content = data.value();
            } else {
                content = ByteText::toBytes(text.resolve(part.value, SecretPosition::Body));
            }
            out.body += "\r\n";
            QString type = text.resolve(part.contentType, SecretPosition::MultipartContentType);
            if (type.isEmpty() && part.isFile) // from the resolved path, not the template
                type = QMimeDatabase()
                           .mimeTypeForFile(text.resolve(part.src, SecretPosition::NotSent),
                               QMimeDatabase::MatchExtension)
                           .name();
            if (!type.isEmpty())
                out.body += "Content-Type: " + type.toUtf8().replace('\r', ' ').replace('\n', ' ')
                    + "\r\n";
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
            = readFile(text.resolve(body.filePath, SecretPosition::MultipartFilename),
                QStringLiteral("Body file"));
        if (data) {
            out.body = data.value();
            out.hasBody = true;
        } else {
            errors->append(data.error());
        }
        break;
    }
    }
    if (!out.body.isEmpty() && !hasHeader(out.headers, "Content-Type")) {
        const QString implied = body.impliedContentType();
        if (!implied.isEmpty())
            out.headers.append({ "Content-Type", implied.toUtf8() });
    }

    return out;
}

} // namespace Playground
