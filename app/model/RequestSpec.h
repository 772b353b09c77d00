#pragma once

#include "app/model/AuthSpec.h"
#include "app/model/KeyValue.h"
#include "app/model/RequestBody.h"
#include "app/model/UrlSpec.h"
#include "app/model/Variable.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace Playground {

/** A request as saved: templates unresolved, secrets only as {{variable}} references. */
struct RequestSpec {
    QString name;
    QString description;
    QString method = QStringLiteral("GET"); ///< any token, custom verbs included
    UrlSpec url;
    KeyValueList headers;
    RequestBody body;
    std::optional<AuthSpec> auth; ///< nullopt: inherit from the folder/collection
    VariableList variables; ///< declared variables with defaults
    QJsonArray responses; ///< saved example responses, kept as read
    /**
     * protocolProfileBehavior.disableBodyPruning (of the item, else a folder or the collection):
     * a body on GET, HEAD, COPY, PURGE or UNLOCK is sent. Derived on read; the file keeps the
     * field.
     */
    bool bodyPruningDisabled = false;
    QJsonObject requestExtra; ///< unused fields of the "request" object
};

} // namespace Playground
