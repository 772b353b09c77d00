#pragma once

#include "app/core/Result.h"
#include "app/formats/Imported.h"

namespace Playground {

/**
 * Bringing requests in from the formats people already have — a curl command, docs Markdown, a
 * .http file, an OpenAPI document, a Postman collection — as one collection with the list of
 * what could not be carried over. `convert` and the window's File › Import use it alike.
 */
class CollectionImport {
public:
    /** The largest input read (a file or stdin). */
    static constexpr qint64 MaxInputBytes = 128LL * 1024 * 1024;

    /** The format of bytes read from origin: curl, markdown, http, openapi or postman; empty
     * when it cannot be told. */
    static QString detect(const QByteArray &bytes, const QString &origin);
    /** Reads bytes in format into a collection; errors and warnings name origin and a line. */
    static Result<ImportedCollection> import(
        const QByteArray &bytes, const QString &format, const QString &origin);
    /** What a file from outside (dropped, or named on the command line) holds. */
    enum class FileKind { PostmanCollection, PostmanEnvironment, Importable, Unknown };
    /** How much of a file kindOf() needs (its kind is told from its start). */
    static constexpr qint64 KindBytes = 4LL * 1024 * 1024;
    /** The kind of a file from its first KindBytes (bytes, read from origin): a Postman file
     * is opened as it is, other formats are imported. */
    static FileKind kindOf(const QByteArray &bytes, const QString &origin);

    /** Bytes (pasted text, a file's) in the format guessed from them; none: said, naming them. */
    static Result<ImportedCollection> importGuessed(const QByteArray &bytes, const QString &origin);
    /** What can be imported, as a phrase for messages ("a Postman collection, … or docs
     * Markdown"). */
    static QString formats();
    /** A file a user chose: read (bounded, a regular file only), its format guessed, imported. */
    static Result<ImportedCollection> importFile(const QString &path);
};

} // namespace Playground
