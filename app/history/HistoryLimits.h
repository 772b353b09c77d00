#pragma once

#include <QtGlobal>

namespace Playground {

/** How much history keeps; past either bound the oldest entries are dropped. */
struct HistoryLimits {
    int maxEntries = 20'000;
    qint64 maxBytes = 200LL * 1024 * 1024; ///< stored bytes of all entries together
    qint64 maxBodyBytes = 256 * 1024; ///< of each body (request and response); the rest dropped
};

} // namespace Playground
