#pragma once

#include "app/model/Exchange.h"

#include <QHash>
#include <QList>
#include <QPersistentModelIndex>

namespace Playground {

/**
 * The last exchange of each request, so a response shows again when its request is chosen.
 * Bounded in count; bodies held in memory are kept only when small (spilled bodies cost no memory).
 */
class RecentExchanges {
public:
    static constexpr int MaxEntries = 16;
    static constexpr qint64 MaxInMemoryBody = 1024 * 1024;

    void remember(const QPersistentModelIndex &request, const Exchange &exchange);
    /** The exchange remembered for request, or nullptr. */
    const Exchange *find(const QPersistentModelIndex &request) const;
    void clear();

private:
    QHash<QPersistentModelIndex, Exchange> m_exchanges;
    QList<QPersistentModelIndex> m_order; ///< oldest first
};

} // namespace Playground
