#pragma once

#include <QString>
#include <QStringList>

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
    /**
     * key bound to the origins a secret may reach: "key@<16 hex of SHA-256(origins)>". A file
     * that copies an id but points its requests elsewhere asks for another key and finds nothing.
     * The one place the binding is spelled; origins must not be empty.
     */
    static QString boundTo(const QString &key, const QStringList &origins);
};

} // namespace Playground
