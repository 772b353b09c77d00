// Fuzz target: any file a user drops on the window, names on the command line or gives to
// `convert`, as bytes: its encoding made UTF-8 (InputFile), its format guessed, imported (every
// importer, bytes that are not UTF-8 kept, the document's order kept); what was read exports to
// every format. Nothing may crash, hang or grow without bound, and kept bytes round-trip exactly.
#include "app/cli/ConvertCommand.h"
#include "app/formats/CollectionImport.h"
#include "app/formats/InputFile.h"
#include "app/model/ByteText.h"

#include <cstddef>
#include <cstdint>

using namespace Playground;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (ByteText::toBytes(ByteText::fromBytes(bytes)) != bytes)
        __builtin_trap();
    InputFile::asUtf8(bytes);
    const QString origin = QStringLiteral("fuzz");
    (void)CollectionImport::kindOf(bytes, origin);
    const QString format = CollectionImport::detect(bytes, origin);
    if (format.isEmpty())
        return 0;
    const Result<ImportedCollection> read = CollectionImport::import(bytes, format, origin);
    if (!read)
        return 0;
    for (const char *to : { "postman", "curl", "http", "har" }) {
        QStringList warnings;
        (void)ConvertCommand::exportAs(read->collection, QLatin1String(to), false, &warnings);
    }
    return 0;
}
