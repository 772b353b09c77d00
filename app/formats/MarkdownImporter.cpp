#include "app/formats/MarkdownImporter.h"

#include "app/formats/JsonScalar.h"

#include "app/formats/InputFile.h"

#include "app/formats/OrderedJson.h"
#include "app/formats/YamlJson.h"
#include "app/model/ByteText.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

    struct Block {
        int line = 0;
        QString heading;
        QJsonObject props;
        QHash<QString, QString> rawJson; ///< bound props as written (key order kept)
        QString slot;
    };

    /**
     * Parses `{…}` props starting at text[at] == '{'. Returns the index after the closing brace
     * (or -1 when the braces never close); problems go to warnings.
     */
    qsizetype parseProps(const QString &text, qsizetype at, QJsonObject *props,
        QHash<QString, QString> *rawJson, QStringList *warnings, const QString &where)
    {
        qsizetype i = at + 1;
        const qsizetype n = text.size();
        while (i < n) {
            while (i < n && text.at(i).isSpace())
                ++i;
            if (i >= n)
                return -1;
            if (text.at(i) == QLatin1Char('}'))
                return i + 1;
            bool bound = false;
            if (text.at(i) == QLatin1Char(':')) {
                bound = true;
                ++i;
            }
            const qsizetype nameStart = i;
            while (i < n && !text.at(i).isSpace() && text.at(i) != QLatin1Char('=')
                && text.at(i) != QLatin1Char('}'))
                ++i;
            const QString name = text.mid(nameStart, i - nameStart);
            if (i >= n || text.at(i) != QLatin1Char('=')) {
                if (!name.isEmpty() && !name.startsWith(QLatin1Char('#'))
                    && !name.startsWith(QLatin1Char('.')))
                    props->insert(name, true); // a bare name: boolean true
                continue;
            }
            ++i; // '='
            QString value;
            if (i < n && (text.at(i) == QLatin1Char('"') || text.at(i) == QLatin1Char('\''))) {
                const QChar quote = text.at(i++);
                bool closed = false;
                while (i < n) {
                    const QChar c = text.at(i);
                    if (c == QLatin1Char('\\') && i + 1 < n && text.at(i + 1) == quote) {
                        value += quote;
                        i += 2;
                        continue;
                    }
                    if (c == quote) {
                        closed = true;
                        ++i;
                        break;
                    }
                    value += c;
                    ++i;
                }
                // A blank line inside a value: the quote was never closed (props end there).
                static const QRegularExpression blank(QStringLiteral("\n[ \t]*\n"));
                if (!closed || value.contains(blank))
                    return -1;
            } else {
                const qsizetype start = i;
                while (i < n && !text.at(i).isSpace() && text.at(i) != QLatin1Char('}'))
                    ++i;
                value = text.mid(start, i - start);
            }
            if (!bound) {
                props->insert(name, value);
                continue;
            }
            QJsonParseError error;
            const QJsonDocument doc
                = QJsonDocument::fromJson(QByteArray("[") + value.toUtf8() + "]", &error);
            if (error.error != QJsonParseError::NoError || !doc.isArray()
                || doc.array().size() != 1) {
                warnings->append(where + s(": :") + name + s(" is not valid JSON (")
                    + error.errorString() + s("); the prop was skipped"));
                continue;
            }
            // JSON is YAML: read again through it for the order of its keys (headers are sent
            // in the order the page writes them).
            const Result<QJsonValue> ordered
                = YamlJson::parse(QByteArray("[") + value.toUtf8() + "]", QString(), 1, true);
            props->insert(name,
                ordered && ordered->toArray().size() == 1 ? ordered->toArray().first()
                                                          : doc.array().first());
            rawJson->insert(name, value.trimmed());
        }
        return -1;
    }

    /** `{name}` → `{{name}}` for the declared names only; other braces stay as written. */
    QString placeholders(QString value, const QStringList &names)
    {
        for (const QString &name : names) {
            const QRegularExpression re(QStringLiteral("(?<!\\{)\\{")
                + QRegularExpression::escape(name) + QStringLiteral("\\}(?!\\})"));
            value.replace(re, QLatin1String("{{") + name + QLatin1String("}}"));
        }
        return value;
    }

    bool isSecretName(const QString &name)
    {
        static const QRegularExpression re(
            QStringLiteral("(^|_)(token|secret|password|api_?key|apikey)$"),
            QRegularExpression::CaseInsensitiveOption);
        return re.match(ByteText::matchable(name)).hasMatch();
    }

} // namespace

bool MarkdownImporter::looksLikeDocs(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*::+api-playground\\b"), QRegularExpression::MultilineOption);
    return re.match(ByteText::matchable(text.left(4 * 1024 * 1024))).hasMatch();
}

Result<ImportedCollection> MarkdownImporter::readFile(const QString &path)
{
    const Result<QByteArray> bytes = InputFile::read(path, MaxBytes);
    if (!bytes)
        return Result<ImportedCollection>::failure(bytes.error());
    return read(ByteText::fromBytes(bytes.value()), path);
}

Result<ImportedCollection> MarkdownImporter::read(const QString &input, const QString &origin)
{
    if (input.size() > MaxBytes)
        return Result<ImportedCollection>::failure(
            origin + s(": larger than %1 MiB; not read").arg(MaxBytes >> 20));
    ImportedCollection out;
    Collection &c = out.collection;
    c.name = QFileInfo(origin).completeBaseName();
    QString all = input;
    all.replace(s("\r\n"), s("\n"));
    const QStringList lines = all.split(QLatin1Char('\n'));
    // Offsets of each line, to parse props that run over several lines.
    QList<qsizetype> offsets;
    offsets.reserve(lines.size() + 1);
    qsizetype offset = 0;
    for (const QString &line : lines) {
        offsets.append(offset);
        offset += line.size() + 1;
    }
    offsets.append(offset);
    const auto lineAt = [&](qsizetype pos) {
        return int(std::upper_bound(offsets.begin(), offsets.end(), pos) - offsets.begin());
    };
    const auto where = [&](int line) { return origin + QLatin1Char(':') + QString::number(line); };

    qsizetype i = 0;
    // Front-matter: page title and description.
    if (!lines.isEmpty() && lines.first().trimmed() == QLatin1String("---")) {
        qsizetype end = 1;
        while (end < lines.size() && lines.at(end).trimmed() != QLatin1String("---"))
            ++end;
        if (end < lines.size()) {
            const QString yaml = lines.mid(1, end - 1).join(QLatin1Char('\n'));
            const Result<QJsonValue> front = YamlJson::parse(yaml.toUtf8(), origin, 2);
            if (front && front->isObject()) {
                const QJsonObject o = front->toObject();
                if (!text(o.value(s("title"))).isEmpty())
                    c.name = text(o.value(s("title")));
                c.description = text(o.value(s("description")));
            } else if (!front) {
                out.warnings.append(front.error() + s(" (front-matter skipped)"));
            }
            i = end + 1;
        }
    }

    static const QRegularExpression open(
        QStringLiteral("^\\s*(:{2,})api-playground(?![\\w-])(.*)$"));
    static const QRegularExpression fence(QStringLiteral("^\\s{0,3}(`{3,}|~{3,})"));
    static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s+(.*?)\\s*#*\\s*$"));
    QList<Block> blocks;
    QString lastHeading;
    QString fenceMark;
    for (; i < lines.size(); ++i) {
        // Matched on matchable(): a line may hold bytes that are not UTF-8 (ByteText).
        const QString &line = lines.at(i);
        const QString probe = ByteText::matchable(line);
        const QRegularExpressionMatch f = fence.match(probe);
        if (!fenceMark.isEmpty()) {
            if (f.hasMatch() && f.captured(1).at(0) == fenceMark.at(0)
                && f.captured(1).size() >= fenceMark.size() && line.trimmed() == f.captured(1))
                fenceMark.clear();
            continue;
        }
        if (f.hasMatch()) {
            fenceMark = f.captured(1); // a playground in a code block is an example
            continue;
        }
        const QRegularExpressionMatch h = heading.match(probe);
        if (h.hasMatch()) {
            lastHeading = ByteText::captured(h, line, 1);
            continue;
        }
        const QRegularExpressionMatch m = open.match(probe);
        if (!m.hasMatch())
            continue;
        if (blocks.size() >= MaxBlocks) {
            out.warnings.append(where(int(i) + 1)
                + s(": more than %1 playgrounds; the rest were skipped").arg(MaxBlocks));
            break;
        }
        Block block;
        block.line = int(i) + 1;
        block.heading = lastHeading;
        const int colons = int(m.captured(1).size());
        qsizetype next = i + 1;
        const qsizetype braceAt = offsets.at(i) + m.capturedStart(2);
        const QString rest = ByteText::captured(m, line, 2).trimmed();
        bool broken = false;
        if (rest.startsWith(QLatin1Char('{'))) {
            const qsizetype start = all.indexOf(QLatin1Char('{'), braceAt);
            const qsizetype end = parseProps(
                all, start, &block.props, &block.rawJson, &out.warnings, where(block.line));
            if (end < 0) {
                out.warnings.append(where(block.line)
                    + s(": the props of this playground never close (a quote or } is missing); "
                        "the block was skipped"));
                broken = true;
                // Skip the rest of the line only.
            } else {
                next = lineAt(end - 1);
                const QString after = all.mid(end, offsets.at(next) - end).trimmed();
                if (!after.isEmpty())
                    out.warnings.append(where(lineAt(end - 1))
                        + s(": text after the props ignored: ") + after.left(60));
            }
        } else if (!rest.isEmpty()) {
            out.warnings.append(
                where(block.line) + s(": text after ::api-playground ignored: ") + rest.left(60));
        }
        // YAML props section right after the opening.
        if (!broken && next < lines.size() && lines.at(next).trimmed() == QLatin1String("---")) {
            qsizetype end = next + 1;
            while (end < lines.size() && lines.at(end).trimmed() != QLatin1String("---"))
                ++end;
            if (end >= lines.size()) {
                out.warnings.append(where(int(next) + 1)
                    + s(": the YAML props section never closes (---); the block was skipped"));
                broken = true;
            } else {
                const QString yaml = lines.mid(next + 1, end - next - 1).join(QLatin1Char('\n'));
                const Result<QJsonValue> parsed
                    = YamlJson::parse(yaml.toUtf8(), origin, int(next) + 2, true);
                if (!parsed) {
                    out.warnings.append(parsed.error() + s(" (this playground was skipped)"));
                    broken = true;
                } else if (parsed->isObject()) {
                    const QJsonObject o = parsed->toObject();
                    for (const QString &key : OrderedJson::keys(o)) {
                        block.props.insert(key, o.value(key));
                        block.rawJson.remove(key);
                    }
                } else if (!parsed->isNull()) {
                    out.warnings.append(where(int(next) + 2)
                        + s(": the YAML props are not a mapping; the block was skipped"));
                    broken = true;
                }
                next = end + 1;
            }
        }
        if (broken)
            continue; // read on from the next line: a later block must not be swallowed
        // The slot, up to the closing run of the same number of colons.
        const QRegularExpression close(QStringLiteral("^\\s*:{%1}\\s*$").arg(colons));
        QStringList slot;
        qsizetype j = next;
        for (; j < lines.size(); ++j) {
            if (close.match(ByteText::matchable(lines.at(j))).hasMatch())
                break;
            slot.append(lines.at(j));
        }
        if (j >= lines.size()) {
            out.warnings.append(where(block.line)
                + s(": this playground is not closed (a line %1 is missing)")
                      .arg(QString(colons, QLatin1Char(':'))));
            j = next - 1; // read on after the opening, as if the block had no slot
            slot.clear();
        }
        block.slot = slot.join(QLatin1Char('\n')).trimmed();
        i = j;
        if (!broken)
            blocks.append(block);
    }

    for (const Block &b : blocks) {
        const QString at = where(b.line);
        RequestSpec r;
        r.method = text(b.props.value(s("method"))).trimmed().toUpper();
        if (r.method.isEmpty())
            r.method = s("GET");
        QStringList names;
        const QJsonValue vars = b.props.value(s("variables"));
        if (!vars.isUndefined() && !vars.isObject())
            out.warnings.append(at + s(": variables is not an object; ignored"));
        const QJsonObject varObject = vars.toObject();
        for (const QString &key : OrderedJson::keys(varObject)) {
            names.append(key);
            const auto existing = std::find_if(c.variables.begin(), c.variables.end(),
                [&](const Variable &v) { return v.key == key; });
            if (existing != c.variables.end()) {
                if (existing->value != text(varObject.value(key)) && !existing->isSecret())
                    out.warnings.append(at + s(": the variable ") + key
                        + s(" has another default here; the first one was kept"));
                continue;
            }
            Variable v;
            v.key = key;
            v.value = text(varObject.value(key));
            if (isSecretName(v.key))
                v.type = s("secret");
            c.variables.append(v);
        }
        const QString url = text(b.props.value(s("url"))).trimmed();
        if (url.isEmpty()) {
            out.warnings.append(at + s(": the playground has no url; skipped"));
            continue;
        }
        r.url = UrlSpec::fromRaw(placeholders(url, names));
        r.url.writtenAsString = true;
        const QJsonValue headers = b.props.value(s("headers"));
        if (!headers.isUndefined() && !headers.isObject())
            out.warnings.append(at + s(": headers is not an object; ignored"));
        const QJsonObject headerObject = headers.toObject();
        for (const QString &key : OrderedJson::keys(headerObject)) {
            const QString value = placeholders(text(headerObject.value(key)), names);
            static const QRegularExpression bearer(
                QStringLiteral("^Bearer\\s+\\{\\{([^{}]+)\\}\\}$"),
                QRegularExpression::CaseInsensitiveOption);
            const QRegularExpressionMatch m = bearer.match(ByteText::matchable(value));
            if (key.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0
                && m.hasMatch()) {
                // A Personal Access Token: bearer auth, so the credential policy and the keychain
                // handle it.
                AuthSpec auth;
                auth.type = s("bearer");
                auth.setParam(s("token"), QString(s("{{") + m.captured(1) + s("}}")));
                r.auth = auth;
                for (Variable &v : c.variables) {
                    if (v.key == m.captured(1))
                        v.type = s("secret");
                }
                continue;
            }
            r.headers.append({ key, value });
        }
        const QJsonValue body = b.props.value(s("body"));
        if ((body.isObject() || body.isArray()) && b.rawJson.contains(s("body"))) {
            // The JSON as the page writes it: its key order is what the docs send.
            r.body.mode = RequestBody::Mode::Raw;
            r.body.rawLanguage = s("json");
            r.body.raw = placeholders(b.rawJson.value(s("body")), names);
        } else if (body.isObject() || body.isArray()) {
            r.body.mode = RequestBody::Mode::Raw;
            r.body.rawLanguage = s("json");
            r.body.raw = placeholders(
                QString::fromUtf8(OrderedJson::toJson(body, QJsonDocument::Indented)), names);
        } else if (!body.isUndefined() && !body.isNull()) {
            r.body.mode = RequestBody::Mode::Raw;
            r.body.raw = placeholders(text(body), names);
            r.body.rawLanguage = RequestBody::guessRawLanguage(r.body.raw);
        }
        r.description = text(b.props.value(s("description")));
        if (r.description.isEmpty())
            r.description = b.slot;
        const QString path = QUrl(r.url.base).path();
        r.name = !b.heading.isEmpty() ? b.heading
                                      : r.method + QLatin1Char(' ') + (path.isEmpty() ? url : path);
        static const QStringList known
            = { s("method"), s("url"), s("description"), s("variables"), s("headers"), s("body") };
        for (auto it = b.props.begin(); it != b.props.end(); ++it) {
            if (!known.contains(it.key()))
                out.warnings.append(at + s(": the prop ") + it.key() + s(" is not carried over"));
        }
        CollectionItem item;
        item.name = r.name;
        item.description = r.description;
        item.request = r;
        c.items.append(item);
    }
    if (c.items.isEmpty() && out.warnings.isEmpty())
        return Result<ImportedCollection>::failure(
            origin + s(":1: no ::api-playground block found"));
    if (c.items.isEmpty())
        return Result<ImportedCollection>::failure(
            origin + s(": no playground could be imported: ") + out.warnings.join(s("; ")));
    return out;
}

} // namespace Playground
