// Fuzz target: OpenAPI documents, JSON and YAML (through yaml-cpp), are hostile input: $ref cycles,
// alias bombs, deep nesting, schemas that refer to themselves. Nothing may crash, hang or grow
// without bound; what was read must export to Postman JSON.
#include "app/formats/OpenApiImporter.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"

#include <cstddef>
#include <cstdint>

using namespace Playground;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<ImportedCollection> read = OpenApiImporter::read(bytes, QStringLiteral("fuzz"));
    if (!read)
        return 0;
    if (flattenRequests(read->collection.items).size() > OpenApiImporter::MaxOperations)
        __builtin_trap();
    const QJsonObject written = PostmanWriter::collectionJson(read->collection);
    if (!PostmanReader::readCollection(written, QStringLiteral("again")).ok())
        __builtin_trap();
    return 0;
}
