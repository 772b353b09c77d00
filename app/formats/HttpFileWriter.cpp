#include "app/formats/HttpFileWriter.h"

#include "app/auth/AuthApplier.h"
#include "app/model/ByteText.h"
#include "app/template/TemplateText.h"

#include <QRegularExpression>
#include <QUrl>
#include <functional>

namespace Playground {

namespace {

    QString s(const char *text)
    {
        return QString::fromUtf8(text);
    }

    /** One line of text: line breaks would start a new line of the file. */
    QString oneLine(QString text)
    {
        return text.replace(QLatin1Char('\r'), QLatin1Char(' '))
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
    }

    bool hasHeader(const KeyValueList &headers, const QString &name)
    {
        return std::any_of(headers.begin(), headers.end(), [&](const KeyValue &h) {
            return h.enabled && h.key.compare(name, Qt::CaseInsensitive) == 0;
        });
    }

    /** text percent-encoded as a URL component, its {{templates}} left for the tool. */
    QString encodedKeepingTemplates(const QString &text)
    {
        QString out;
        for (const TemplateToken &token : TemplateText::tokenize(text)) {
            out += token.isVariable
                ? text.mid(token.start, token.length)
                : QString::fromLatin1(ByteText::toBytes(token.text).toPercentEncoding());
        }
        return out;
    }

    /** The URL with the values of its ":name" segments in (no value: as Postman, as written). */
    QString urlWithPathValues(const UrlSpec &url)
    {
        QString raw = url.raw();
        for (const KeyValue &variable : url.pathVariables) {
            if (variable.value.isEmpty())
                continue;
            const QRegularExpression segment(QStringLiteral("(?<=/):%1(?=[/?#]|$)")
                                                 .arg(QRegularExpression::escape(variable.key)));
            raw.replace(segment, encodedKeepingTemplates(variable.value));
        }
        return raw;
    }

    /**
     * A body line a .http tool reads as something else: `###` starts the next request, `< path`
     * and `<@ path` make it read a file, `> {% … %}` and `> path` run a response handler script,
     * `>> path` writes the response to a file, `<> path` compares with a file.
     */
    bool isDirectiveLine(const QString &line)
    {
        // As httpyac reads them: JavaScript's \s, which takes Unicode spaces and U+FEFF.
        static const QRegularExpression directive(
            QStringLiteral("^[\\s\\x{FEFF}]*(###|<@|<>|<[\\s\\x{FEFF}]|>)"),
            QRegularExpression::UseUnicodePropertiesOption);
        return directive.match(ByteText::matchable(line)).hasMatch();
    }

    /** A variable name the tools read as one: {{name}} never runs as code. */
    bool isPlainName(const QString &name)
    {
        static const QRegularExpression plain(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_.$-]*$"));
        return plain.match(ByteText::matchable(name)).hasMatch();
    }

    /**
     * Every {{…}} of text is a plain variable name: httpyac evaluates anything else between the
     * braces as JavaScript ({{require('fs')…}} would read or write files on the user's machine).
     */
    bool templatesArePlain(const QString &text)
    {
        static const QRegularExpression reference(
            QStringLiteral("\\{\\{\\s*[A-Za-z_$][A-Za-z0-9_.$-]*\\s*\\}\\}"));
        const QString matchable = ByteText::matchable(text);
        for (qsizetype at = text.indexOf(QLatin1String("{{")); at >= 0;
             at = text.indexOf(QLatin1String("{{"), at + 2)) {
            if (!reference
                     .match(matchable, at, QRegularExpression::NormalMatch,
                         QRegularExpression::AnchorAtOffsetMatchOption)
                     .hasMatch())
                return false;
        }
        return true;
    }

    /** The request line and header lines of a section are what they look like. */
    bool headLinesAreWellFormed(const QString &head)
    {
        static const QRegularExpression requestLine(
            QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+ [^\\r\\n]* HTTP/1.1$"));
        static const QRegularExpression headerLine(
            QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+: [^\\r\\n]*$"));
        const QStringList lines = head.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (lines.isEmpty()
            || !requestLine.match(ByteText::matchable(lines.constFirst())).hasMatch())
            return false;
        return std::all_of(lines.cbegin() + 1, lines.cend(), [](const QString &line) {
            return headerLine.match(ByteText::matchable(line)).hasMatch();
        });
    }

    QString authorizationLines(const AuthSpec &auth, const KeyValueList &headers,
        const QString &name, const std::function<void(const QString &)> &warn)
    {
        if (hasHeader(headers, s("Authorization")))
            return {};
        if (auth.type == QLatin1String("bearer"))
            return s("Authorization: Bearer ") + oneLine(auth.param(s("token")))
                + QLatin1Char('\n');
        if (auth.type == QLatin1String("basic")) // httpyac and JetBrains encode "user:password"
            return s("Authorization: Basic ") + oneLine(auth.param(s("username")))
                + QLatin1Char(':') + oneLine(auth.param(s("password"))) + QLatin1Char('\n');
        if (auth.type == QLatin1String("apikey") && auth.param(s("in")) != QLatin1String("query"))
            return oneLine(auth.param(s("key"))) + s(": ") + oneLine(auth.param(s("value")))
                + QLatin1Char('\n');
        if (!auth.inherits() && auth.type != QLatin1String("noauth"))
            warn(name + s(": ") + auth.type
                + s(" auth cannot be written in a .http file; the request has no credentials "
                    "there"));
        return {};
    }

    /** A multipart body as .http files write it: each part, files as `< path` includes. */
    QString multipartText(const QList<FormPart> &parts, const QString &boundary)
    {
        QString out;
        for (const FormPart &part : parts) {
            if (!part.enabled)
                continue;
            out += s("--") + boundary + s("\nContent-Disposition: form-data; name=\"")
                + oneLine(part.key) + QLatin1Char('"');
            if (part.isFile)
                out += s("; filename=\"") + oneLine(part.src.section(QLatin1Char('/'), -1))
                    + QLatin1Char('"');
            out += QLatin1Char('\n');
            if (!part.contentType.isEmpty())
                out += s("Content-Type: ") + oneLine(part.contentType) + QLatin1Char('\n');
            out += QLatin1Char('\n') + (part.isFile ? s("< ") + oneLine(part.src) : part.value)
                + QLatin1Char('\n');
        }
        return out + s("--") + boundary + s("--");
    }

    struct Body {
        QString contentType; ///< written when the request has none
        QString text;
        bool written = true;
        QString typed; ///< what of text the user typed (not the file's own syntax)
    };

    Body bodyOf(
        const RequestSpec &r, const QString &name, const std::function<void(const QString &)> &warn)
    {
        switch (r.body.mode) {
        case RequestBody::Mode::None:
            return {};
        case RequestBody::Mode::Raw:
            return { r.body.impliedContentType(), r.body.raw, true, r.body.raw };
        case RequestBody::Mode::GraphQl:
            return { r.body.impliedContentType(), r.body.graphQlJson(), true,
                r.body.graphQlJson() };
        case RequestBody::Mode::UrlEncoded: {
            QStringList pairs;
            for (const KeyValue &kv : r.body.urlEncoded) {
                if (kv.enabled)
                    pairs.append(encodedKeepingTemplates(kv.key) + QLatin1Char('=')
                        + encodedKeepingTemplates(kv.value));
            }
            return { r.body.impliedContentType(), pairs.join(QLatin1Char('&')) };
        }
        case RequestBody::Mode::FormData: {
            if (hasHeader(r.headers, s("Content-Type")))
                warn(name + s(": the typed Content-Type replaces the form's boundary"));
            const QString boundary = s("ApiPlaygroundBoundary");
            QStringList values;
            for (const FormPart &part : r.body.formData)
                values.append(part.isFile ? QString() : part.value);
            return { s("multipart/form-data; boundary=") + boundary,
                multipartText(r.body.formData, boundary), true, values.join(QLatin1Char('\n')) };
        }
        case RequestBody::Mode::File:
            return { r.body.impliedContentType(), s("< ") + oneLine(r.body.filePath) };
        case RequestBody::Mode::Other:
            break;
        }
        warn(name + s(": a ") + r.body.modeName
            + s(" body cannot be written in a .http file; left out"));
        return { {}, {}, false };
    }

} // namespace

QString HttpFileWriter::write(const Collection &collection, QStringList *warnings)
{
    const std::function<void(const QString &)> warn = [&](const QString &text) {
        if (warnings)
            warnings->append(text);
    };
    QString out;
    // Comment lines never start with "# @": the tools read that as metadata (@import, @loop…).
    if (!collection.name.isEmpty())
        out += s("# Collection: ") + oneLine(collection.name) + QLatin1Char('\n');
    for (const Variable &v : collection.variables) {
        if (!v.enabled)
            continue;
        if (!isPlainName(v.key) || !templatesArePlain(v.value)) {
            warn(s("the variable ") + oneLine(v.key)
                + s(" is left out: .http tools would read its name or {{…}} as code"));
            continue;
        }
        if (v.isSecret()) {
            out += s("# Secret variable ") + v.key + s(": give it to the tool (httpyac --var ")
                + v.key + s("=…)\n");
            continue;
        }
        out += QLatin1Char('@') + v.key + s(" = ") + oneLine(v.value) + QLatin1Char('\n');
    }
    for (const RequestPath &path : flattenRequests(collection.items)) {
        const RequestSpec &r = path.item->request;
        QStringList names;
        for (const CollectionItem *folder : path.folders)
            names.append(folder->name);
        names.append(path.item->name);
        const QString name = oneLine(names.join(s(" / ")));
        const Body body = bodyOf(r, name, warn);
        QString bodyText = body.text;
        bodyText.replace(s("\r\n"), s("\n"));
        const QStringList typedLines = QString(body.typed)
                                           .replace(QLatin1Char('\r'), QLatin1Char('\n'))
                                           .split(QLatin1Char('\n'));
        if (std::any_of(typedLines.cbegin(), typedLines.cend(), isDirectiveLine)) {
            // The tool would read a file, run a script or start another request: not written.
            warn(name
                + s(": a body line starts with ###, <, <@, <> or >, which .http tools read as "
                    "another request, a file to read or a script to run; the request is left out"));
            continue;
        }
        QString head = r.method.toUpper() + QLatin1Char(' ') + oneLine(urlWithPathValues(r.url))
            + s(" HTTP/1.1\n");
        for (const KeyValue &h : r.headers) {
            if (h.enabled)
                head += h.key + s(": ") + oneLine(h.value) + QLatin1Char('\n');
        }
        head += authorizationLines(
            AuthApplier::effectiveAuth(path, &collection), r.headers, name, warn);
        const bool withBody = body.written && !bodyText.isEmpty();
        if (withBody && !hasHeader(r.headers, s("Content-Type")) && !body.contentType.isEmpty())
            head += s("Content-Type: ") + body.contentType + QLatin1Char('\n');
        if (!headLinesAreWellFormed(head) || !templatesArePlain(name + head + bodyText)) {
            warn(name
                + s(": a method or header name that is not a token, or a {{…}} that is not a "
                    "variable name (.http tools run it as code); the request is left out"));
            continue;
        }
        out += s("\n### ") + name + QLatin1Char('\n') + head;
        if (withBody) {
            out += QLatin1Char('\n') + bodyText + QLatin1Char('\n');
            if (bodyText.endsWith(QLatin1Char('\n')) || bodyText.contains(QLatin1Char('\r')))
                warn(name
                    + s(": trailing line breaks and CR of the body are not kept by .http "
                        "tools"));
        }
        if (path.item->extra.contains(s("event")))
            warn(name + s(": scripts are not carried over"));
    }
    return out;
}

} // namespace Playground
