#pragma once

#include "app/core/Result.h"
#include "app/history/HistorySummary.h"

#include <QByteArray>
#include <QList>

namespace Playground {

class HistoryStore;

/** Sends picked in history as one HAR 1.2 document (HarWriter): redacted as they were
 * recorded, oldest first, each with the time it began. A body history cut short says so. */
class HistoryHar {
public:
    static Result<QByteArray> write(const HistoryStore &store, QList<HistoryEntryId> ids);
};

} // namespace Playground
