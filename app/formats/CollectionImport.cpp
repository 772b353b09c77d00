#include "app/formats/CollectionImport.h"

#include "app/formats/CurlImporter.h"
#include "app/formats/HttpFileReader.h"
#include "app/formats/InputFile.h"
#include "app/formats/JsonFile.h"
#include "app/formats/MarkdownImporter.h"
#include "app/formats/OpenApiImporter.h"
#include "app/formats/PostmanReader.h"
#include "app/model/ByteText.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Playground {

namespace {

    QString s(const char *text)
    {
        return QString::fromUtf8(text);
    }

    Result<ImportedCollection> importAs(
        const QByteArray &bytes, const QString &format, const QString &origin)
    {
        using R = Result<ImportedCollection>;
        if (format == QLatin1String("curl")) {
            const Result<ImportedRequest> parsed = CurlImporter::parse(ByteText::fromBytes(bytes));
            if (!parsed) {
                // "file:LINE: problem", as the other importers say it (the line of an open quote).
                static const QRegularExpression line(QStringLiteral("^line (\\d+): "));
                const QRegularExpressionMatch m = line.match(parsed.error());
                return R::failure(m.hasMatch() ? origin + QLatin1Char(':') + m.captured(1) + s(": ")
                            + parsed.error().mid(m.capturedLength())
                                               : origin + s(":1: ") + parsed.error());
            }
            ImportedCollection out;
            out.collection.name = parsed->request.name;
            CollectionItem item;
            item.name = parsed->request.name;
            item.request = parsed->request;
            if (item.request.bodyPruningDisabled)
                item.extra.insert(s("protocolProfileBehavior"),
                    QJsonObject { { s("disableBodyPruning"), true } });
            out.collection.items.append(item);
            out.warnings = parsed->warnings;
            return out;
        }
        if (format == QLatin1String("markdown"))
            return MarkdownImporter::read(ByteText::fromBytes(bytes), origin);
        if (format == QLatin1String("http"))
            return HttpFileReader::read(ByteText::fromBytes(bytes), origin);
        if (format == QLatin1String("openapi"))
            return OpenApiImporter::read(bytes, origin);
        if (format == QLatin1String("postman")) {
            const Result<QJsonObject> json = JsonFile::parseObject(bytes, origin);
            if (!json)
                return R::failure(json.error());
            // What can be read is converted; an item that cannot is listed and left out.
            ImportedCollection out;
            const Result<Collection> collection
                = PostmanReader::readCollection(json.value(), origin, &out.warnings);
            if (!collection)
                return R::failure(collection.error());
            out.collection = collection.value();
            if (out.collection.hasScripts())
                out.warnings.append(
                    s("pre-request and test scripts are kept in a Postman file only"));
            return out;
        }
        return R::failure(origin + s(": unknown format ") + format);
    }

    /** key (quoted) followed by : and a string starting with a digit, anywhere in bytes. */
    bool hasVersionKey(const QByteArray &bytes, QByteArrayView key)
    {
        for (qsizetype at = bytes.indexOf(key); at >= 0; at = bytes.indexOf(key, at + 1)) {
            qsizetype i = at + key.size();
            const auto skipSpace = [&] {
                while (i < bytes.size() && QByteArrayView(" \t\r\n").contains(bytes.at(i)))
                    ++i;
            };
            skipSpace();
            if (i >= bytes.size() || bytes.at(i) != ':')
                continue;
            ++i;
            skipSpace();
            if (i + 1 < bytes.size() && bytes.at(i) == '"' && bytes.at(i + 1) >= '0'
                && bytes.at(i + 1) <= '9')
                return true;
        }
        return false;
    }

} // namespace

QString CollectionImport::detect(const QByteArray &bytes, const QString &origin)
{
    const QString suffix = QFileInfo(origin).suffix().toLower();
    const QString head = QString::fromUtf8(bytes.left(64 * 1024));
    if (CurlImporter::looksLikeCurl(head))
        return s("curl");
    const QString trimmed = head.trimmed();
    static const QRegularExpression openapi(
        QStringLiteral(R"((^|\n)\s*["']?(openapi|swagger)["']?\s*:)"));
    if (trimmed.startsWith(QLatin1Char('{'))) {
        // Minified JSON too ({"openapi":"3.1.0",…}, as servers serve openapi.json), and keys
        // sorted (info and components first): the key with a version for its value, anywhere.
        if (openapi.match(head).hasMatch() || hasVersionKey(bytes, "\"openapi\"")
            || hasVersionKey(bytes, "\"swagger\""))
            return s("openapi");
        return s("postman");
    }
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown")
        || MarkdownImporter::looksLikeDocs(head))
        return s("markdown");
    if (suffix == QLatin1String("http") || suffix == QLatin1String("rest"))
        return s("http");
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml")
        || openapi.match(head).hasMatch())
        return s("openapi");
    if (HttpFileReader::looksLikeHttpFile(head))
        return s("http");
    return QString();
}

CollectionImport::FileKind CollectionImport::kindOf(const QByteArray &bytes, const QString &origin)
{
    const QString format = detect(bytes, origin);
    if (format.isEmpty())
        return FileKind::Unknown;
    if (format != QLatin1String("postman"))
        return FileKind::Importable;
    // An environment has values and no items; anything else (broken JSON too, or a start of a
    // larger file) is opened as a collection, whose reader says what is wrong with it.
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    return root.value(QLatin1String("values")).isArray() && !root.contains(QLatin1String("item"))
        ? FileKind::PostmanEnvironment
        : FileKind::PostmanCollection;
}

Result<ImportedCollection> CollectionImport::import(
    const QByteArray &bytes, const QString &format, const QString &origin)
{
    Result<ImportedCollection> out = importAs(bytes, format, origin);
    if (!out)
        return out;
    // The text formats are UTF-8: other bytes (a Latin-1 file) were kept (ByteText); said,
    // because only this tool sends them as written (a curl command names the words itself).
    if (format != QLatin1String("openapi") && format != QLatin1String("postman")
        && format != QLatin1String("curl")) {
        const QByteArray decoded = QString::fromUtf8(bytes).toUtf8();
        if (decoded != bytes) {
            qsizetype at = 0;
            while (at < bytes.size() && at < decoded.size() && bytes.at(at) == decoded.at(at))
                ++at;
            out->warnings.prepend(
                s("%1:%2: not UTF-8 text: those bytes are kept and sent as written. The window "
                  "shows each as \uFFFD; Postman and newman read a collection file as text and "
                  "would send \uFFFD instead")
                    .arg(origin)
                    .arg(bytes.left(at).count('\n') + 1));
        }
    }
    return out;
}

QString CollectionImport::formats()
{
    return s("a Postman collection, an OpenAPI 3 document (JSON or YAML), a .http file, a curl "
             "command or docs Markdown");
}

Result<ImportedCollection> CollectionImport::importGuessed(
    const QByteArray &bytes, const QString &origin)
{
    const QString format = detect(bytes, origin);
    if (format.isEmpty())
        return Result<ImportedCollection>::failure(
            origin + s(": not a format that can be imported (") + formats() + s(")"));
    return import(bytes, format, origin);
}

Result<ImportedCollection> CollectionImport::importFile(const QString &path)
{
    const Result<QByteArray> bytes = InputFile::read(path, MaxInputBytes);
    if (!bytes)
        return Result<ImportedCollection>::failure(bytes.error());
    return importGuessed(bytes.value(), path);
}

} // namespace Playground
