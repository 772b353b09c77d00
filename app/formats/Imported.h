#pragma once

#include "app/model/Collection.h"

#include <QStringList>

namespace Playground {

/** One request brought in from another format, with what could not be carried over. */
struct ImportedRequest {
    RequestSpec request;
    QStringList warnings;
    /** The source turned TLS certificate checks off (curl -k): imported with checks on. */
    bool askedInsecure = false;
};

/** A collection brought in from another format, with what could not be carried over. */
struct ImportedCollection {
    Collection collection;
    QStringList warnings;
};

} // namespace Playground
