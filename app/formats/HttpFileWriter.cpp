#include "app/formats/HttpFileWriter.h"
#include "app/auth/AuthApplier.h"

#include "app/template/RequestResolver.h"

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

} // namespace

QString HttpFileWriter::write(const Collection &collection, QStringList *warnings)
{
    const auto warn = [&](const QString &text) {
        if (warnings)
            warnings->append(text);
    };
    QString out;
    if (!collection.name.isEmpty())
        out += s("# ") + oneLine(collection.name) + QLatin1Char('\n');
    for (const Variable &v : collection.variables) {
        if (!v.enabled)
            continue;
        if (v.isSecret()) {
            out += s("# @") + v.key + s(" is a secret: give it to the tool (httpyac --var ") + v.key
                + s("=…)\n");
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
        out += s("\n### ") + name + QLatin1Char('\n');
        out += r.method + QLatin1Char(' ') + oneLine(r.url.raw()) + s(" HTTP/1.1\n");
        for (const KeyValue &h : r.headers) {
            if (h.enabled)
                out += h.key + s(": ") + oneLine(h.value) + QLatin1Char('\n');
        }
        const AuthSpec auth = AuthApplier::effectiveAuth(path, &collection);
        if (!hasHeader(r.headers, s("Authorization"))) {
            if (auth.type == QLatin1String("bearer")) {
                out += s("Authorization: Bearer ") + oneLine(auth.param(s("token")))
                    + QLatin1Char('\n');
            } else if (auth.type == QLatin1String("basic")) {
                // httpyac and the JetBrains client encode "user:password" themselves.
                out += s("Authorization: Basic ") + oneLine(auth.param(s("username")))
                    + QLatin1Char(':') + oneLine(auth.param(s("password"))) + QLatin1Char('\n');
            } else if (auth.type == QLatin1String("apikey")
                && auth.param(s("in")) != QLatin1String("query")) {
                out += oneLine(auth.param(s("key"))) + s(": ") + oneLine(auth.param(s("value")))
                    + QLatin1Char('\n');
            } else if (!auth.inherits() && auth.type != QLatin1String("noauth")) {
                warn(name + s(": ") + auth.type
                    + s(" auth cannot be written in a .http file; the request has no credentials "
                        "there"));
            }
        }
        switch (r.body.mode) {
        case RequestBody::Mode::None:
            break;
        case RequestBody::Mode::Raw: {
            if (r.body.raw.isEmpty())
                break;
            const QString type = r.body.impliedContentType();
            if (!hasHeader(r.headers, s("Content-Type")) && !type.isEmpty())
                out += s("Content-Type: ") + type + QLatin1Char('\n');
            QString body = r.body.raw;
            body.replace(s("\r\n"), s("\n"));
            if (body.contains(s("\n###")) || body.startsWith(s("###")))
                warn(name
                    + s(": a body line starts with ###, which a .http file reads as the next "
                        "request"));
            out += QLatin1Char('\n') + body + QLatin1Char('\n');
            if (body.endsWith(QLatin1Char('\n')) || body.contains(QLatin1Char('\r')))
                warn(name
                    + s(": trailing line breaks and CR of the body are not kept by .http "
                        "tools"));
            break;
        }
        case RequestBody::Mode::UrlEncoded: {
            if (!hasHeader(r.headers, s("Content-Type")))
                out += s("Content-Type: application/x-www-form-urlencoded\n");
            QStringList pairs;
            for (const KeyValue &kv : r.body.urlEncoded) {
                if (kv.enabled)
                    pairs.append(kv.key + QLatin1Char('=') + kv.value);
            }
            out += QLatin1Char('\n') + oneLine(pairs.join(QLatin1Char('&'))) + QLatin1Char('\n');
            warn(name + s(": url-encoded fields are written as typed (not encoded) on one line"));
            break;
        }
        default:
            warn(name + s(": a ")
                + (r.body.modeName.isEmpty() ? s("form-data or file") : r.body.modeName)
                + s(" body cannot be written in a .http file; left out"));
        }
        if (path.item->extra.contains(s("event")))
            warn(name + s(": scripts are not carried over"));
    }
    return out;
}

} // namespace Playground
