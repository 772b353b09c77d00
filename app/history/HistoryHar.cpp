#include "app/history/HistoryHar.h"

#include "app/formats/HarWriter.h"
#include "app/history/HistoryStore.h"

#include <algorithm>

namespace Playground {

Result<QByteArray> HistoryHar::write(const HistoryStore &store, QList<HistoryEntryId> ids)
{
    std::sort(ids.begin(), ids.end()); // ids grow with time: oldest first
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.isEmpty())
        return Result<QByteArray>::failure(QStringLiteral("Pick one or more sends in the list."));
    std::vector<HistoryEntry> entries;
    entries.reserve(size_t(ids.size()));
    for (const HistoryEntryId id : ids) {
        Result<HistoryEntry> entry = store.entry(id);
        if (!entry)
            return Result<QByteArray>::failure(entry.error());
        HistoryEntry e = std::move(entry).value();
        if (e.responseBodyCut)
            e.exchange.warnings.append(
                QStringLiteral("the response body was cut to what history keeps"));
        entries.push_back(std::move(e));
    }
    QList<HarWriter::Entry> har;
    for (const HistoryEntry &e : entries)
        har.append({ &e.exchange, e.summary.time });
    return HarWriter::write(har);
}

} // namespace Playground
