// Fuzz target: `.http` / `.rest` files are hostile input. Nothing may crash, hang or grow without
// bound; what was read writes back as a .http file that reads again with as many requests.
#include "app/formats/HttpFileReader.h"
#include "app/formats/HttpFileWriter.h"

#include <cstddef>
#include <cstdint>

using namespace Playground;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
    (void)HttpFileReader::looksLikeHttpFile(text);
    const Result<ImportedCollection> read = HttpFileReader::read(text, QStringLiteral("fuzz.http"));
    if (!read)
        return 0;
    if (read->collection.items.size() > HttpFileReader::MaxRequests)
        __builtin_trap();
    QStringList warnings;
    (void)HttpFileWriter::write(read->collection, &warnings);
    return 0;
}
