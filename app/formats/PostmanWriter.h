#pragma once

#include "app/core/Result.h"
#include "app/model/Collection.h"
#include "app/model/Environment.h"

#include <QJsonObject>

namespace Playground {

/**
 * Writes Postman Collection v2.1 and environments: pretty-printed, keys in a stable order,
 * unused fields given back as read, secret environment values left empty.
 */
class PostmanWriter {
public:
    static QJsonObject collectionJson(const Collection &collection);
    static QJsonObject environmentJson(const Environment &environment);
    static Status writeCollectionFile(const QString &path, const Collection &collection);
    static Status writeEnvironmentFile(const QString &path, const Environment &environment);

    static QJsonObject urlJson(const UrlSpec &url);
    static QJsonValue urlValue(const UrlSpec &url);
};

} // namespace Playground
