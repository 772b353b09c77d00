#pragma once

#include "app/core/Result.h"

#include <QJsonObject>

namespace Playground {

/** Reading and atomically writing JSON documents, with errors that name the file and the place. */
class JsonFile {
public:
    static constexpr qint64 MaxBytes = 64LL * 1024 * 1024;
    /**
     * Most values and keys (objects and arrays included) a document may hold. Counted before
     * parsing, so a file of millions of tiny objects is refused in a blink, not after gigabytes:
     * Qt's JSON tree costs about 100 bytes per value.
     */
    static constexpr qint64 MaxValues = 2'000'000;

    /**
     * Reads a JSON object from path; the error says "path:line:column: problem". Only a regular
     * file is read: a FIFO, device, socket or folder is refused before it could block.
     */
    static Result<QJsonObject> readObject(const QString &path);
    /** Parses bytes (at most MaxBytes and MaxValues); origin names the source in errors. */
    static Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &origin);
    /** Writes pretty-printed JSON through QSaveFile (the old file stays whole on failure). */
    static Status writeObject(const QString &path, const QJsonObject &object);
};

} // namespace Playground
