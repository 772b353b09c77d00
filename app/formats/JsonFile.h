#pragma once

#include "app/core/Result.h"

#include <QJsonObject>

namespace Playground {

/** Reading and atomically writing JSON documents, with errors that name the file and the place. */
class JsonFile {
public:
    static constexpr qint64 MaxBytes = 64LL * 1024 * 1024;

    /** Reads a JSON object from path; the error says "path:line:column: problem". */
    static Result<QJsonObject> readObject(const QString &path);
    /** Parses bytes; origin names the source in errors. */
    static Result<QJsonObject> parseObject(const QByteArray &bytes, const QString &origin);
    /** Writes pretty-printed JSON through QSaveFile (the old file stays whole on failure). */
    static Status writeObject(const QString &path, const QJsonObject &object);
};

} // namespace Playground
