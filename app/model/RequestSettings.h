#pragma once

#include "app/model/CollectionItem.h"

namespace Playground {

/**
 * A request's own send settings, kept in its item where Postman keeps the ones it has
 * (protocolProfileBehavior: followRedirects, maxRedirects, strictSSL) and ours in an
 * "apiPlayground" object Postman ignores (timeout, CA certificate file, proxy). Defaults are not
 * written, so a request never changed stays as it was in the file.
 */
struct RequestSettings {
    static constexpr int DefaultMaxRedirects = 10;
    static constexpr int MaxTimeoutMs = 3'600'000;

    bool followRedirects = true;
    int maxRedirects = DefaultMaxRedirects;
    bool verifyTls = true; ///< false: certificate errors ignored for this request only
    int timeoutMs = 0; ///< whole exchange; 0: the app's default
    QString caCertificateFile; ///< PEM file trusted for this request, besides the system's
    QString proxy; ///< proxy URL; empty: the system's proxy settings

    bool operator==(const RequestSettings &other) const = default;

    static RequestSettings of(const CollectionItem &item);
    /** extra (an item's fields) with these settings written; every other key kept. */
    QJsonObject writtenTo(const QJsonObject &extra) const;
};

} // namespace Playground
