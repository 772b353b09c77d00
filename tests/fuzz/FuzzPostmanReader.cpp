// Fuzz target: collection and environment files are hostile input.
#include "app/formats/JsonFile.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"

#include <cstddef>
#include <cstdint>

using namespace Playground;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<QJsonObject> root = JsonFile::parseObject(bytes, QStringLiteral("fuzz"));
    if (!root.ok())
        return 0;
    const Result<Collection> collection
        = PostmanReader::readCollection(root.value(), QStringLiteral("fuzz"));
    if (collection.ok()) {
        // Writing what was read, and reading that again, must work.
        const QJsonObject written = PostmanWriter::collectionJson(collection.value());
        if (!PostmanReader::readCollection(written, QStringLiteral("again")).ok())
            __builtin_trap();
        for (const RequestPath &p : flattenRequests(collection->items))
            (void)p.item->request.url.raw();
    }
    const Result<Environment> env
        = PostmanReader::readEnvironment(root.value(), QStringLiteral("fuzz"));
    if (env.ok())
        (void)PostmanWriter::environmentJson(env.value());
    return 0;
}
