#pragma once

#include <QString>

namespace Playground {

/** Builds the keys under which secrets are stored, so every caller spells them the same way. */
class SecretKey {
public:
    /**
     * "collection/<id>/<name>", each part percent-encoded so a '/' in an id or a name cannot make
     * two different (collection, variable) pairs share a key.
     */
    static QString forCollectionVariable(const QString &collectionId, const QString &variableName);
    /** "environment/<id>/<name>", encoded the same way: a Postman environment's secret value. */
    static QString forEnvironmentVariable(
        const QString &environmentId, const QString &variableName);
};

} // namespace Playground
