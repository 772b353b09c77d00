#include "app/response/PreparedBody.h"

#include "app/response/JsonIndenter.h"
#include "app/response/ResponseFormatter.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>
#include <QTemporaryFile>

#include <simdjson.h>

namespace Playground {

namespace {

    constexpr qint64 Piece = 4 * 1024 * 1024;
    constexpr qint64 FirstScreenBytes = 64 * 1024;

    char firstNonSpace(QByteArrayView bytes)
    {
        for (char c : bytes.first(qMin<qsizetype>(bytes.size(), 4096))) {
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return c;
        }
        return 0;
    }

    /** True when the whole text is valid UTF-8; read a piece at a time, each piece's pages
     * let go of after it (a body mapped from disk never stays in memory whole). */
    bool isValidUtf8(const BodyBuffer &text)
    {
        constexpr qint64 Piece = 16 * 1024 * 1024;
        const QByteArrayView bytes = text.bytes();
        qint64 pos = 0;
        while (pos < bytes.size()) {
            qint64 end = qMin(bytes.size(), pos + Piece);
            // Not inside a character: back to the start of the one the piece would cut.
            while (end < bytes.size() && end > pos
                && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80)
                --end;
            if (end == pos)
                return false; // a run of continuation bytes that long is not UTF-8
            if (!simdjson::validate_utf8(bytes.data() + pos, size_t(end - pos)))
                return false;
            pos = end;
            text.releaseBefore(pos);
        }
        return true;
    }

    bool isUtf8Name(const QByteArray &charset)
    {
        const QByteArray name = charset.toLower();
        return name.isEmpty() || name == "utf-8" || name == "utf8" || name == "us-ascii";
    }

    SyntaxLanguage languageFor(PreparedBody::Kind kind)
    {
        switch (kind) {
        case PreparedBody::Kind::Json:
            return SyntaxLanguage::Json;
        case PreparedBody::Kind::Markup:
            return SyntaxLanguage::Markup;
        default:
            return SyntaxLanguage::None;
        }
    }

    /** Re-indents json into memory or a temporary file; nullptr when cancelled or on error. */
    std::shared_ptr<const BodyBuffer> indentAll(
        const BodyBuffer &body, const std::function<bool(qint64)> &keepGoing, QString *error)
    {
        const QByteArrayView json = body.bytes();
        JsonIndenter indenter;
        QByteArray out;
        if (json.size() <= BodyPreparer::InMemoryLimitBytes) {
            out.reserve(json.size() * 2);
            indenter.feed(json, out);
            indenter.finish(out);
            return BodyBuffer::fromBytes(std::move(out));
        }
        auto file = std::make_shared<QTemporaryFile>(
            QDir::tempPath() + QStringLiteral("/api-playground-pretty-XXXXXX.json"));
        if (!file->open()) {
            *error = file->errorString();
            return nullptr;
        }
        out.reserve(Piece * 3);
        for (qint64 pos = 0; pos < json.size(); pos += Piece) {
            indenter.feed(json.sliced(pos, qMin(Piece, json.size() - pos)), out);
            if (pos + Piece >= json.size())
                indenter.finish(out);
            if (file->write(out) != out.size()) {
                *error = file->errorString();
                return nullptr;
            }
            out.resize(0);
            body.releaseBefore(pos + Piece);
            if (!keepGoing(pos))
                return nullptr;
        }
        if (!file->flush()) {
            *error = file->errorString();
            return nullptr;
        }
        auto mapped = BodyBuffer::mapFile(file->fileName(), file);
        if (!mapped) {
            *error = mapped.error();
            return nullptr;
        }
        return mapped.value();
    }

} // namespace

std::optional<PreparedBody> BodyPreparer::prepare(
    const Exchange &exchange, const Progress &progress)
{
    PreparedBody result;
    std::shared_ptr<const BodyBuffer> body;
    QStringList notes;
    if (exchange.bodyFile) {
        auto mapped = BodyBuffer::mapFile(exchange.bodyFile->fileName(), exchange.bodyFile);
        if (!mapped) {
            // Shown as text rather than failing: the viewer stays usable.
            result.kind = PreparedBody::Kind::Text;
            result.raw = TextLines::fromBytes(mapped.error().toUtf8());
            result.note = QStringLiteral("Could not read the body");
            return result;
        }
        body = mapped.value();
    } else {
        body = BodyBuffer::fromBytes(exchange.body);
    }
    result.totalBytes = body->size();
    if (body->size() == 0) {
        result.note = QStringLiteral("Empty body");
        result.raw = TextLines::fromBytes({});
        return result;
    }
    const QByteArray contentType = exchange.responseHeader("Content-Type");
    const QByteArray type = ResponseFormatter::mediaTypeOf(contentType);

    // Work in bytes: pretty-printing counts double, indexing once (pretty and raw).
    const double work = double(body->size()) * 3;
    double done = 0;
    int lastPercent = -1;
    bool cancelled = false;
    const auto step = [&](qint64 bytes) {
        const int percent = int(100 * (done + bytes) / work);
        if (progress && percent != lastPercent) {
            lastPercent = percent;
            cancelled = !progress(qMin(percent, 99));
        }
        return !cancelled;
    };

    if (ResponseFormatter::looksBinary(contentType, body->bytes(), exchange.bodyUndecoded)) {
        result.kind = PreparedBody::Kind::Binary;
        result.bytes = body;
        result.hex = std::make_shared<HexLines>(body);
        notes << (exchange.bodyUndecoded
                ? QStringLiteral("Still compressed (Content-Encoding kept because Accept-Encoding "
                                 "was set by hand)")
                : QStringLiteral("Binary (%1)")
                      .arg(type.isEmpty() ? QStringLiteral("no content type")
                                          : QString::fromLatin1(type)));
        notes << QStringLiteral("hex dump") << ResponseFormatter::sizeText(result.totalBytes);
        result.note = notes.join(QStringLiteral(" · "));
        return result;
    }

    const QByteArray charset = ResponseFormatter::charsetOf(contentType);
    if (!isUtf8Name(charset)) {
        QStringDecoder decoder(charset.constData());
        if (decoder.isValid() && body->size() <= ConvertCharsetLimitBytes) {
            const QString text = decoder.decode(body->bytes());
            body = BodyBuffer::fromBytes(text.toUtf8());
            notes << (decoder.hasError()
                    ? QStringLiteral("%1, converted; bytes not valid in it show as \uFFFD")
                    : QStringLiteral("%1, converted"))
                         .arg(QString::fromLatin1(charset));
        } else {
            notes << QStringLiteral("%1 shown as UTF-8").arg(QString::fromLatin1(charset));
        }
    }
    if (isUtf8Name(charset) && !isValidUtf8(*body))
        notes << QStringLiteral("not valid UTF-8: the invalid bytes show as \uFFFD");
    result.bytes = body;

    const char first = firstNonSpace(body->bytes());
    const bool jsonType = ResponseFormatter::isJsonContentType(contentType);
    if (first == '{' || first == '[') {
        if (body->size() <= InMemoryLimitBytes) {
            QJsonParseError error;
            QJsonDocument::fromJson(body->bytes().toByteArray(), &error);
            if (error.error == QJsonParseError::NoError)
                result.kind = PreparedBody::Kind::Json;
        } else {
            // Too large to validate first; indenting whatever is there is harmless.
            result.kind = PreparedBody::Kind::Json;
        }
    }
    if (result.kind == PreparedBody::Kind::Empty) {
        const bool markup = type.contains("xml") || type.contains("html") || first == '<';
        result.kind = markup ? PreparedBody::Kind::Markup : PreparedBody::Kind::Text;
    }
    const SyntaxLanguage language = languageFor(result.kind);

    if (result.kind == PreparedBody::Kind::Json) {
        QString error;
        auto pretty = indentAll(
            *body, [&](qint64 bytes) { return step(bytes * 2); }, &error);
        if (cancelled)
            return std::nullopt;
        done += body->size() * 2;
        if (pretty) {
            auto index = LineIndex::build(pretty->bytes(), [&](qint64 bytes) {
                pretty->releaseBefore(bytes);
                return step(bytes * body->size() / qMax<qint64>(1, pretty->size()));
            });
            if (!index)
                return std::nullopt;
            result.pretty = std::make_shared<TextLines>(pretty, std::move(*index), language);
            notes.prepend(QStringLiteral("JSON, formatted"));
        } else {
            notes.prepend(QStringLiteral("JSON, not formatted (%1)").arg(error));
        }
    } else if (jsonType) {
        notes.prepend(QStringLiteral("Not valid JSON, shown as sent"));
    } else if (!type.isEmpty()) {
        notes.prepend(QString::fromLatin1(type));
    }
    done = body->size() * 2;
    auto rawIndex = LineIndex::build(body->bytes(), [&](qint64 bytes) {
        body->releaseBefore(bytes);
        return step(bytes);
    });
    if (!rawIndex)
        return std::nullopt;
    if (rawIndex->linesBroken() && !result.pretty)
        notes << QStringLiteral("long lines broken for display");
    result.raw = std::make_shared<TextLines>(body, std::move(*rawIndex), language);
    notes << ResponseFormatter::sizeText(result.totalBytes);
    result.note = notes.join(QStringLiteral(" · "));
    return result;
}

std::shared_ptr<const LineSource> BodyPreparer::firstScreen(const Exchange &exchange)
{
    const QByteArray start = exchange.bodyBytes(FirstScreenBytes);
    const QByteArray contentType = exchange.responseHeader("Content-Type");
    if (start.isEmpty()
        || ResponseFormatter::looksBinary(contentType, start, exchange.bodyUndecoded))
        return nullptr;
    const char first = firstNonSpace(start);
    if (first == '{' || first == '[') {
        QByteArray pretty = JsonIndenter::indent(start);
        // Up to the last whole line: the rest arrives with the full result.
        pretty.truncate(pretty.lastIndexOf('\n') + 1);
        return TextLines::fromBytes(std::move(pretty), SyntaxLanguage::Json);
    }
    const qsizetype newline = start.lastIndexOf('\n');
    return TextLines::fromBytes(start.left(newline >= 0 ? newline + 1 : start.size()),
        first == '<' ? SyntaxLanguage::Markup : SyntaxLanguage::None);
}

} // namespace Playground
