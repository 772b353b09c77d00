#pragma once

#include "app/core/Result.h"

#include <QByteArray>
#include <QString>

namespace Playground {

/**
 * Reads a file a user named, safely: only a regular file (opening a FIFO would wait for a writer
 * forever; a device never ends), checked before opening and again on the open file, and at most
 * maxBytes. Every error names the file and says what is wrong in plain words. What it returns is
 * UTF-8 when the file says it is Unicode (see asUtf8): every format read this way is text (or
 * JSON) read as UTF-8.
 */
class InputFile {
public:
    static Result<QByteArray> read(const QString &path, qint64 maxBytes);
    /** Its first bytes, at most maxBytes (a larger file is no error): enough to tell its kind. */
    static Result<QByteArray> readStart(const QString &path, qint64 maxBytes);
    /**
     * bytes as UTF-8 when they say they are Unicode (also for text that did not come from read(),
     * stdin): a UTF-8 byte order mark dropped; UTF-16 or UTF-32 (LE or BE) with a byte order
     * mark, or UTF-16 or UTF-32 without one, known by the NULs of its first characters,
     * re-encoded as UTF-8. Other bytes are left as they are (UTF-8, or bytes ByteText keeps).
     */
    static void asUtf8(QByteArray &bytes);

private:
    /** The checks and the read of both; whole: a file over maxBytes is refused. */
    static Result<QByteArray> readUpTo(const QString &path, qint64 maxBytes, bool whole);
};

} // namespace Playground
