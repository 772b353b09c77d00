#pragma once

#include "app/core/Result.h"
#include "app/formats/Imported.h"

#include <QJsonObject>

namespace Playground {

/**
 * Reads OpenAPI 3.0/3.1 documents (JSON or YAML) into a collection: one request per operation, in
 * folders by first tag; the first server becomes the `baseUrl` variable; path parameters become
 * `:name` path variables, query and header parameters rows (with their example or default);
 * a JSON request body comes from the example or is built from the schema; security schemes
 * become auth (bearer, basic, API key, OAuth 2.0 client credentials) whose secrets are secret
 * {{variables}}. Local `$ref`s are followed (bounded); external ones are listed as not carried
 * over. Swagger 2.0 is refused with a message.
 */
class OpenApiImporter {
public:
    static constexpr qint64 MaxBytes = 128LL * 1024 * 1024;
    static constexpr int MaxOperations = 20'000;
    /** JSON documents up to this size keep their order (paths, members of example bodies);
     * larger ones are read faster, their keys sorted. YAML always keeps it. */
    static constexpr qint64 MaxOrderedJsonBytes = 2LL * 1024 * 1024;
    /** YAML takes about 55 bytes of memory per byte read (yaml-cpp's tree): bounded here. */
    static constexpr qint64 MaxYamlBytes = 32LL * 1024 * 1024;

    static Result<ImportedCollection> read(const QByteArray &bytes, const QString &origin);
    static Result<ImportedCollection> readDocument(const QJsonObject &root, const QString &origin);
};

} // namespace Playground
