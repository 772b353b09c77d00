// Fuzz target: cURL import (the shell-words tokenizer and the option reader) on hostile command
// lines, and the export of what it read: nothing may crash, hang or grow without bound, and an
// exported command must read back as the same request.
#include "app/formats/CurlImporter.h"
#include "app/formats/PastedRequest.h"
#include "app/formats/ShellWords.h"

#include <cstddef>
#include <cstdint>

using namespace Playground;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
    (void)PastedRequest::fromPaste(text);
    const Result<ImportedRequest> parsed = CurlImporter::parse(QStringLiteral("curl ") + text);
    if (parsed) {
        if (parsed->warnings.size() > 100'000)
            __builtin_trap();
    }
    // Any word survives quoting: split(quote(x)) == [x] (NUL cannot be in a shell word).
    QByteArray word = bytes;
    word.replace('\0', "");
    const QString decoded = QString::fromUtf8(word);
    const QByteArray reencoded = decoded.toUtf8();
    const Result<ShellWords::Split> split
        = ShellWords::split(QString::fromUtf8(ShellWords::quote(reencoded)));
    if (!split || split->words.size() != 1 || split->words.first().text.toUtf8() != reencoded)
        __builtin_trap();
    return 0;
}
