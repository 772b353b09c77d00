#pragma once

#include "app/model/CollectionItem.h"

namespace Playground {

/** A collection: Postman v2.1 file contents. */
struct Collection {
    QString name;
    QString description;
    QString descriptionType;
    QString postmanId; ///< info._postman_id: the stable id that keys the keychain
    QString schema
        = QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
    QList<CollectionItem> items;
    VariableList variables;
    std::optional<AuthSpec> auth;
    QJsonObject infoExtra;
    QJsonObject extra; ///< top-level unused fields (event, protocolProfileBehavior, ...)

    /** True when any item or the collection itself has event scripts (which we never run). */
    bool hasScripts() const;
    /** Finds a folder by name anywhere in the tree (first match, depth-first). */
    const CollectionItem *findFolder(const QString &name) const;
};

/** One request of a collection with the folders above it, outermost first. */
struct RequestPath {
    QList<const CollectionItem *> folders;
    const CollectionItem *item = nullptr;
};

/** Every request under items, in collection order. */
QList<RequestPath> flattenRequests(
    const QList<CollectionItem> &items, const QList<const CollectionItem *> &parents = {});

} // namespace Playground
