#pragma once

#include "app/model/RequestSpec.h"

#include <QList>

namespace Playground {

/** A node of a collection: a folder (with children) or a request. */
struct CollectionItem {
    bool isFolder = false;
    QString name;
    QString description;
    QString descriptionType; ///< non-empty when the file had {content, type}
    RequestSpec request; ///< requests only
    QList<CollectionItem> children; ///< folders only
    std::optional<AuthSpec> auth; ///< folders only; requests keep theirs in request.auth
    VariableList variables; ///< folders and requests
    QJsonObject extra; ///< unused fields of the item (event, id, protocolProfileBehavior, ...)
};

} // namespace Playground
