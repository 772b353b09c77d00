#pragma once

#include "app/core/Result.h"

#include <QByteArray>
#include <QString>

namespace Playground {

/**
 * Reads a file a user named, safely: only a regular file (opening a FIFO would wait for a writer
 * forever; a device never ends), checked before opening and again on the open file, and at most
 * maxBytes. Every error names the file and says what is wrong in plain words. A leading UTF-8
 * byte order mark is dropped: every format read this way is text (or JSON) where it means nothing.
 */
class InputFile {
public:
    static Result<QByteArray> read(const QString &path, qint64 maxBytes);
    /** Drops a leading UTF-8 byte order mark (for text that did not come from read(), stdin). */
    static void stripBom(QByteArray &bytes);
};

} // namespace Playground
