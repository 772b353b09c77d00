#pragma once

// A collection of one request named "r", for tests of what a format writes of a request.
#include "app/model/Collection.h"

namespace Playground::Test {

inline RequestSpec requestTo(const QString &method, const QString &url)
{
    RequestSpec r;
    r.method = method;
    r.url = UrlSpec::fromRaw(url);
    return r;
}

inline Collection oneRequest(const RequestSpec &request, const VariableList &variables = {})
{
    CollectionItem item;
    item.name = QStringLiteral("r");
    item.request = request;
    Collection collection;
    collection.variables = variables;
    collection.items = { item };
    return collection;
}

} // namespace Playground::Test
