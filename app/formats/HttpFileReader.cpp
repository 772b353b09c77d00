#include "app/formats/HttpFileReader.h"

#include "app/formats/InputFile.h"
#include "app/formats/LiteralCredentials.h"
#include "app/model/ByteText.h"
#include "app/template/UrlBuilder.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace Playground {

namespace {

    /**
     * "GET /path" with a Host header, as in HTTP itself: the URL is made of the two and the
     * header, now implied by the URL, is dropped. The scheme: https on port 443 or 8443, http on
     * another port written, and without a port the rule of a URL typed without one (https, http
     * on loopback: never plain HTTP to a public host by a guess), said.
     */
    void resolveRelativeUrl(RequestSpec *r, const QString &where, QStringList *warnings)
    {
        if (!r->url.base.startsWith(QLatin1Char('/')))
            return;
        const auto host = std::find_if(r->headers.begin(), r->headers.end(), [](const KeyValue &h) {
            return h.key.compare(QLatin1String("Host"), Qt::CaseInsensitive) == 0;
        });
        if (host == r->headers.end() || host->value.trimmed().isEmpty()) {
            warnings->append(where + QStringLiteral(": the URL ") + r->url.base.left(80)
                + QStringLiteral(" has no host and no Host header; give the host in the URL"));
            return;
        }
        const QString authority = host->value.trimmed();
        static const QRegularExpression withPort(QStringLiteral(":([0-9]+)$"));
        const QRegularExpressionMatch port = withPort.match(ByteText::matchable(authority));
        QString scheme = UrlBuilder::defaultScheme(authority);
        if (port.hasMatch())
            scheme = port.captured(1) == QLatin1String("443")
                    || port.captured(1) == QLatin1String("8443")
                ? QStringLiteral("https")
                : QStringLiteral("http");
        else
            warnings->append(where + QStringLiteral(": the URL is a path and a Host header; ")
                + scheme + QStringLiteral(":// was assumed (write the whole URL to choose)"));
        r->url.base = scheme + QStringLiteral("://") + authority + r->url.base;
        r->headers.erase(host);
    }

    QString s(const char *text)
    {
        return QString::fromUtf8(text);
    }

    const QRegularExpression &requestLine()
    {
        static const QRegularExpression re(QStringLiteral(
            R"(^(?:([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+)?((?=https?://|\{\{|/)(?:\{\{[^{}]*\}\}|\S)+)(?:\s+HTTP/[0-9.]+)?\s*$)"));
        return re;
    }

    bool isComment(const QString &line)
    {
        const QString t = line.trimmed();
        return (t.startsWith(QLatin1Char('#')) && !t.startsWith(QLatin1String("###")))
            || t.startsWith(QLatin1String("//"));
    }

    /**
     * The tools' dynamic variables with arguments ({{$randomInt 1 10}}, {{$datetime iso8601}},
     * {{$processEnv HOME}}) have no Postman equivalent: kept as text, each one listed.
     */
    void warnDynamicVariables(const QString &line, const QString &where, QStringList *warnings)
    {
        static const QRegularExpression dynamic(
            QStringLiteral(R"(\{\{\s*\$[A-Za-z]+\s+[^{}]*\}\})"));
        for (auto it = dynamic.globalMatch(ByteText::matchable(line)); it.hasNext();)
            warnings->append(where + QStringLiteral(": ") + ByteText::captured(it.next(), line)
                + QStringLiteral(" (a dynamic variable of the .http tools) is kept as literal "
                                 "text; give the request a value instead"));
    }

    /**
     * The tools' shorthand "Authorization: Basic user password" or "Basic user:password" (sent
     * base64-encoded by them) as basic auth; false for an encoded credential, kept as a header.
     */
    bool readBasicShorthand(const QString &name, const QString &value, RequestSpec *r)
    {
        static const QRegularExpression shorthand(
            QStringLiteral(R"(^Basic\s+(?:(\S+)\s+(\S.*)|([^:\s]*):(.*))$)"),
            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = shorthand.match(ByteText::matchable(value));
        if (name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) != 0 || !m.hasMatch())
            return false;
        const bool spaced = m.capturedLength(1) > 0;
        LiteralCredentials::setBasicAuth(r, ByteText::captured(m, value, spaced ? 1 : 3),
            ByteText::captured(m, value, spaced ? 2 : 4).trimmed());
        return true;
    }

    bool hasContentType(const RequestSpec &r, const QString &type)
    {
        return std::any_of(r.headers.cbegin(), r.headers.cend(), [&](const KeyValue &h) {
            return h.key.compare(QLatin1String("Content-Type"), Qt::CaseInsensitive) == 0
                && h.value.startsWith(type, Qt::CaseInsensitive);
        });
    }

    /**
     * The body as the .http tools send it: a GRAPHQL request's query, then its variables (a
     * last paragraph holding a JSON object), as a GraphQL body sent by POST; form fields written
     * over several lines joined into one; anything else as written.
     */
    void setBody(RequestSpec *r, QStringList lines)
    {
        if (r->method == QLatin1String("GRAPHQL")) {
            r->method = QStringLiteral("POST");
            r->body.mode = RequestBody::Mode::GraphQl;
            qsizetype blank = lines.size() - 1;
            while (blank >= 0 && !lines.at(blank).trimmed().isEmpty())
                --blank;
            const QString last
                = blank < 0 ? QString() : lines.mid(blank + 1).join(QLatin1Char('\n'));
            if (blank > 0 && QJsonDocument::fromJson(last.toUtf8()).isObject()) {
                r->body.graphQlVariables = last;
                lines = lines.first(blank);
            }
            r->body.graphQlQuery = lines.join(QLatin1Char('\n')).trimmed();
            return;
        }
        if (lines.isEmpty())
            return;
        r->body.mode = RequestBody::Mode::Raw;
        if (hasContentType(*r, QStringLiteral("application/x-www-form-urlencoded"))) {
            for (QString &line : lines)
                line = line.trimmed();
            r->body.raw = lines.join(QString());
            r->body.rawLanguage = QStringLiteral("text");
            return;
        }
        r->body.raw = lines.join(QLatin1Char('\n'));
        r->body.rawLanguage = RequestBody::guessRawLanguage(r->body.raw);
    }

} // namespace

bool HttpFileReader::looksLikeHttpFile(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(###|(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S+))"),
        QRegularExpression::MultilineOption);
    return re.match(ByteText::matchable(text.left(1024 * 1024))).hasMatch();
}

Result<ImportedCollection> HttpFileReader::readFile(const QString &path)
{
    const Result<QByteArray> bytes = InputFile::read(path, MaxBytes);
    if (!bytes)
        return Result<ImportedCollection>::failure(bytes.error());
    return read(ByteText::fromBytes(bytes.value()), path);
}

Result<ImportedCollection> HttpFileReader::read(const QString &input, const QString &origin)
{
    if (input.size() > MaxBytes)
        return Result<ImportedCollection>::failure(
            origin + s(": larger than %1 MiB; not read").arg(MaxBytes >> 20));
    ImportedCollection out;
    out.collection.name = QFileInfo(origin).completeBaseName();
    QString all = input;
    all.replace(s("\r\n"), s("\n"));
    const QStringList lines = all.split(QLatin1Char('\n'));
    const auto where
        = [&](qsizetype i) { return origin + QLatin1Char(':') + QString::number(i + 1); };
    static const QRegularExpression fileVariable(
        QStringLiteral(R"(^@([A-Za-z0-9_.-]+)\s*=\s*(.*)$)"));
    static const QRegularExpression nameComment(QStringLiteral(R"(^(?:#|//)\s*@name\s+(.+)$)"));
    static const QRegularExpression header(
        QStringLiteral(R"(^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s?(.*)$)"));

    // Split into sections at ### lines.
    struct Section {
        qsizetype first = 0;
        qsizetype end = 0;
        QString title;
    };
    QList<Section> sections;
    Section current;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(QLatin1String("###"))) {
            current.end = i;
            sections.append(current);
            current = Section();
            current.first = i + 1;
            current.title = lines.at(i).mid(3).trimmed();
        }
    }
    current.end = lines.size();
    sections.append(current);

    for (const Section &section : sections) {
        if (out.collection.items.size() >= MaxRequests) {
            out.warnings.append(where(section.first)
                + s(": more than %1 requests; the rest were skipped").arg(MaxRequests));
            break;
        }
        RequestSpec r;
        QString name = section.title;
        qsizetype i = section.first;
        qsizetype requestAt = -1;
        // Before the request line: variables, comments, names.
        for (; i < section.end; ++i) {
            const QString line = lines.at(i).trimmed();
            if (line.isEmpty())
                continue;
            // Matched on matchable(): a line may hold bytes that are not UTF-8 (ByteText).
            const QRegularExpressionMatch v = fileVariable.match(ByteText::matchable(line));
            if (v.hasMatch()) {
                Variable var;
                var.key = ByteText::captured(v, line, 1);
                var.value = ByteText::captured(v, line, 2).trimmed();
                auto existing
                    = std::find_if(out.collection.variables.begin(), out.collection.variables.end(),
                        [&](const Variable &x) { return x.key == var.key; });
                if (existing != out.collection.variables.end())
                    existing->value = var.value; // a later definition wins, as in the tools
                else
                    out.collection.variables.append(var);
                continue;
            }
            const QRegularExpressionMatch n = nameComment.match(ByteText::matchable(line));
            if (n.hasMatch()) {
                name = ByteText::captured(n, line, 1).trimmed();
                continue;
            }
            if (isComment(line))
                continue;
            const QRegularExpressionMatch m = requestLine().match(ByteText::matchable(line));
            if (!m.hasMatch()) {
                out.warnings.append(where(i) + s(": not a request line (METHOD URL): ")
                    + line.left(80) + s("; this request was skipped"));
                i = section.end;
                break;
            }
            // Methods are case-insensitive in these files ("get" is GET), not on the wire.
            r.method
                = m.captured(1).isEmpty() ? s("GET") : ByteText::captured(m, line, 1).toUpper();
            QString url = ByteText::captured(m, line, 2);
            requestAt = i;
            ++i;
            // Query continuation lines.
            while (i < section.end) {
                const QString t = lines.at(i).trimmed();
                if (!(t.startsWith(QLatin1Char('?')) || t.startsWith(QLatin1Char('&'))))
                    break;
                url += (url.contains(QLatin1Char('?')) ? s("&") : s("?")) + t.mid(1);
                ++i;
            }
            r.url = UrlSpec::fromRaw(url);
            r.url.writtenAsString = true;
            break;
        }
        if (requestAt < 0)
            continue; // a section of variables or comments only
        for (qsizetype k = requestAt; k < section.end; ++k)
            warnDynamicVariables(lines.at(k), where(k), &out.warnings);
        // Headers up to the first blank line.
        for (; i < section.end; ++i) {
            const QString line = lines.at(i);
            if (line.trimmed().isEmpty()) {
                ++i;
                break;
            }
            if (isComment(line))
                continue;
            const QString trimmed = line.trimmed();
            const QRegularExpressionMatch h = header.match(ByteText::matchable(trimmed));
            if (!h.hasMatch()) {
                // Its first word only: "Authorization Bearer …" holds a token.
                out.warnings.append(where(i) + s(": not a header (Name: value): ")
                    + line.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty).left(40)
                    + s(" …; skipped"));
                continue;
            }
            const QString value = ByteText::captured(h, trimmed, 2).trimmed();
            const QString name = ByteText::captured(h, trimmed, 1);
            if (!readBasicShorthand(name, value, &r))
                r.headers.append({ name, value });
        }
        resolveRelativeUrl(&r, where(requestAt), &out.warnings);
        // The body, without trailing blank lines and response handlers.
        QStringList body;
        for (; i < section.end; ++i) {
            const QString line = lines.at(i);
            if (line.startsWith(QLatin1String("> ")) || line.startsWith(QLatin1String(">> "))
                || line.startsWith(QLatin1String("<> "))) {
                out.warnings.append(where(i) + s(": response handler or output redirection (")
                    + line.left(40) + s(") not carried over"));
                if (line.contains(QLatin1String("{%"))) {
                    while (i < section.end && !lines.at(i).contains(QLatin1String("%}")))
                        ++i;
                }
                continue;
            }
            if (body.isEmpty() && line.startsWith(QLatin1String("< "))) {
                out.warnings.append(where(i) + s(": the body is read from a file (")
                    + line.mid(2).trimmed() + s("); kept as literal text, nothing was read"));
            }
            body.append(line);
        }
        while (!body.isEmpty() && body.last().trimmed().isEmpty())
            body.removeLast();
        setBody(&r, body);
        if (name.isEmpty())
            name = r.method + QLatin1Char(' ') + r.url.base;
        r.name = name;
        CollectionItem item;
        item.name = name;
        item.request = r;
        out.collection.items.append(item);
    }
    if (out.collection.items.isEmpty())
        return Result<ImportedCollection>::failure(origin
            + s(":1: no request found (a line METHOD URL)")
            + (out.warnings.isEmpty() ? QString() : s(": ") + out.warnings.join(s("; "))));
    return out;
}

} // namespace Playground
