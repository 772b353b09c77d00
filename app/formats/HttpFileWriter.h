#pragma once

#include "app/model/Collection.h"

#include <QStringList>

namespace Playground {

/**
 * Writes a collection as a `.http` file that httpyac, the JetBrains HTTP Client and VS Code REST
 * Client run: collection variables as `@name = value` (secret ones never: a comment names them, to
 * be given to the tool), one `### name` section per request in collection order (folders
 * flattened, named "folder / request"), the Content-Type the playground would add written out,
 * bearer and basic auth as the Authorization header they send. What a .http file cannot say (form
 * data, file bodies, OAuth 2.0, scripts) is listed in warnings.
 */
class HttpFileWriter {
public:
    static QString write(const Collection &collection, QStringList *warnings);
};

} // namespace Playground
