#pragma once

#include "app/core/Result.h"
#include "app/model/Collection.h"
#include "app/model/Environment.h"

#include <QJsonObject>

namespace Playground {

/**
 * Reads Postman Collection v2.1 and v2.0 files and Postman environments. Fields we do not use
 * are kept in the model's `extra` objects so PostmanWriter gives them back unchanged.
 */
class PostmanReader {
public:
    static constexpr int MaxDepth = 64;
    /** Most requests and folders in one collection (with JsonFile::MaxValues it bounds memory). */
    static constexpr qsizetype MaxItems = 100'000;

    static Result<Collection> readCollectionFile(const QString &path);
    /**
     * With skipped, an item that cannot be read (a method that is not a string…) is left out and
     * listed there by its path (item[1].request.method); without, it fails the whole read (a
     * collection opened for editing must not lose it on save).
     */
    static Result<Collection> readCollection(
        const QJsonObject &root, const QString &origin, QStringList *skipped = nullptr);
    static Result<Environment> readEnvironmentFile(const QString &path);
    static Result<Environment> readEnvironment(const QJsonObject &root, const QString &origin);

    // Pieces, shared with the writer's tests and other importers.
    static KeyValue readKeyValue(const QJsonObject &object);
    static Variable readVariable(const QJsonObject &object);
    static UrlSpec readUrl(const QJsonValue &value);
    static RequestBody readBody(const QJsonObject &object);
    static std::optional<AuthSpec> readAuth(const QJsonValue &value);
};

} // namespace Playground
