#pragma once

#include <QString>

namespace Playground {

/** A status class a history search can be narrowed to. */
enum class StatusClass {
    Any,
    Informational, ///< 1xx
    Success, ///< 2xx
    Redirect, ///< 3xx
    ClientError, ///< 4xx
    ServerError, ///< 5xx
    Failed, ///< not sent or no complete response (transport, TLS, timeout, cancelled, ...)
};

/** What the history list shows: newest first, at most limit entries. */
struct HistoryFilter {
    static constexpr int DefaultLimit = 500;

    QString text; ///< part of the URL or of the request's name, case-insensitive
    QString method; ///< empty: any method
    StatusClass statusClass = StatusClass::Any;
    int limit = DefaultLimit;
};

} // namespace Playground
