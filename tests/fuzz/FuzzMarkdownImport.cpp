// Fuzz target: docs pages (MDC `::api-playground` blocks, JSON and YAML props) are hostile input.
// Nothing may crash, hang or grow without bound, and what was read must export to Postman JSON.
#include "app/formats/MarkdownImporter.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"

#include <cstddef>
#include <cstdint>

using namespace Playground;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)MarkdownImporter::looksLikeDocs(QString::fromUtf8(bytes));
    const Result<ImportedCollection> read
        = MarkdownImporter::read(QString::fromUtf8(bytes), QStringLiteral("fuzz.md"));
    if (!read)
        return 0;
    if (read->collection.items.size() > MarkdownImporter::MaxBlocks)
        __builtin_trap();
    const QJsonObject written = PostmanWriter::collectionJson(read->collection);
    if (!PostmanReader::readCollection(written, QStringLiteral("again")).ok())
        __builtin_trap();
    return 0;
}
