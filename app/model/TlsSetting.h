#pragma once

#include "app/model/CollectionItem.h"

namespace Playground {

/**
 * Whether a request checks TLS certificates, kept where Postman keeps it: the item's
 * protocolProfileBehavior.strictSSL (false: checks off). Only the window honours it, one request
 * at a time and flagged on every response; `run` needs --insecure, so a file cannot turn checks off
 * in CI by itself.
 */
class TlsSetting {
public:
    static bool verifies(const CollectionItem &item);
    /** item's fields (extra) with the setting written; other protocolProfileBehavior keys kept. */
    static QJsonObject withVerification(const QJsonObject &extra, bool verify);
};

} // namespace Playground
