#pragma once

#include "app/core/Result.h"

#include <QByteArray>
#include <QString>

namespace Playground {

/**
 * Reads a file a user named, safely: only a regular file (opening a FIFO would wait for a writer
 * forever; a device never ends), checked before opening and again on the open file, and at most
 * maxBytes. Every error names the file and says what is wrong in plain words.
 */
class InputFile {
public:
    static Result<QByteArray> read(const QString &path, qint64 maxBytes);
};

} // namespace Playground
