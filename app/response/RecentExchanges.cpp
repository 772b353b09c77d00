#include "app/response/RecentExchanges.h"

namespace Playground {

void RecentExchanges::remember(const QPersistentModelIndex &request, const Exchange &exchange)
{
    m_order.removeAll(request);
    m_exchanges.remove(request);
    if (exchange.bodyFile || exchange.body.size() <= MaxInMemoryBody) {
        m_exchanges.insert(request, exchange);
        m_order.append(request);
    }
    while (m_order.size() > MaxEntries)
        m_exchanges.remove(m_order.takeFirst());
}

const Exchange *RecentExchanges::find(const QPersistentModelIndex &request) const
{
    const auto found = m_exchanges.constFind(request);
    return found == m_exchanges.constEnd() ? nullptr : &found.value();
}

void RecentExchanges::clear()
{
    m_exchanges.clear();
    m_order.clear();
}

} // namespace Playground
