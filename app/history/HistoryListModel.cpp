#include "app/history/HistoryListModel.h"

#include "app/core/PlainToolTip.h"
#include "app/history/HistoryStore.h"

#include <QLocale>

namespace Playground {

namespace {

    // Day rows have internal id 0; a send's internal id is its day's row + 1.
    constexpr quintptr DayId = 0;

} // namespace

HistoryListModel::HistoryListModel(HistoryStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
{
    connect(m_store, &HistoryStore::changed, this, &HistoryListModel::refresh);
    connect(m_store, &HistoryStore::opened, this, &HistoryListModel::refresh);
    refresh();
}

void HistoryListModel::setFilter(const HistoryFilter &filter)
{
    m_filter = filter;
    refresh();
}

void HistoryListModel::refresh()
{
    beginResetModel();
    m_days.clear();
    const QList<HistorySummary> entries = m_store->list(m_filter);
    for (const HistorySummary &s : entries) {
        const QDate date = s.time.toLocalTime().date();
        if (m_days.isEmpty() || m_days.last().date != date)
            m_days.append({ date, {} });
        m_days.last().entries.append(s);
    }
    m_shown = int(entries.size());
    m_matching = m_shown < m_filter.limit ? m_shown : m_store->countMatching(m_filter);
    endResetModel();
}

HistoryEntryId HistoryListModel::entryId(const QModelIndex &index) const
{
    const HistorySummary *s = summary(index);
    return s ? s->id : 0;
}

QModelIndex HistoryListModel::indexOf(HistoryEntryId id) const
{
    for (int d = 0; d < m_days.size(); ++d) {
        const QList<HistorySummary> &entries = m_days.at(d).entries;
        for (int r = 0; r < entries.size(); ++r) {
            if (entries.at(r).id == id)
                return createIndex(r, 0, quintptr(d + 1));
        }
    }
    return {};
}

QString HistoryListModel::dayTitle(const QDate &day, const QDate &today)
{
    if (day == today)
        return QStringLiteral("Today");
    if (day == today.addDays(-1))
        return QStringLiteral("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

QString HistoryListModel::statusText(const HistorySummary &s)
{
    if (s.status > 0)
        return QString::number(s.status);
    switch (s.failure) {
    case FailureKind::Refused:
    case FailureKind::Unresolved:
    case FailureKind::Invalid:
    case FailureKind::NoToken:
        return QStringLiteral("not sent");
    case FailureKind::Cancelled:
        return QStringLiteral("cancelled");
    case FailureKind::IdleTimeout:
    case FailureKind::Deadline:
        return QStringLiteral("timeout");
    case FailureKind::Tls:
        return QStringLiteral("TLS error");
    default:
        return QStringLiteral("failed");
    }
}

QString HistoryListModel::rowText(const HistorySummary &s)
{
    return QStringLiteral("%1 %2 %3 %4")
        .arg(s.method, statusText(s), s.url,
            s.time.toLocalTime().time().toString(QStringLiteral("HH:mm:ss")));
}

const HistorySummary *HistoryListModel::summary(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == DayId)
        return nullptr;
    const qsizetype day = qsizetype(index.internalId()) - 1;
    if (day >= m_days.size() || index.row() >= m_days.at(day).entries.size())
        return nullptr;
    return &m_days.at(day).entries.at(index.row());
}

QModelIndex HistoryListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, DayId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex HistoryListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == DayId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, DayId);
}

int HistoryListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_days.size());
    if (parent.column() != 0 || parent.internalId() != DayId || parent.row() >= m_days.size())
        return 0;
    return int(m_days.at(parent.row()).entries.size());
}

int HistoryListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags HistoryListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == DayId)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant HistoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == DayId) {
        const Day &day = m_days.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return QStringLiteral("%1 (%2)")
                .arg(dayTitle(day.date, QDate::currentDate()))
                .arg(day.entries.size());
        case IsDayRole:
            return true;
        case EntryIdRole:
            return HistoryEntryId(0);
        default:
            return {};
        }
    }
    const HistorySummary *s = summary(index);
    if (!s)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return rowText(*s);
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1 %2\n%3 — %4")
                          .arg(s->method, s->url,
                              QLocale().toString(s->time.toLocalTime(), QLocale::LongFormat),
                              statusText(*s));
        if (s->durationMs >= 0)
            tip += QStringLiteral(", %1 ms").arg(qRound64(s->durationMs));
        if (s->status > 0)
            tip += QStringLiteral(", %1").arg(QLocale().formattedDataSize(s->responseSize));
        if (!s->itemPath.isEmpty())
            tip += QStringLiteral("\n%1").arg(s->itemPath.join(QStringLiteral(" › ")));
        return plainToolTip(tip);
    }
    case EntryIdRole:
        return s->id;
    case IsDayRole:
        return false;
    case MethodRole:
        return s->method;
    case StatusRole:
        return s->status;
    case UrlRole:
        return s->url;
    case FailedRole:
        return s->failure != FailureKind::None;
    default:
        return {};
    }
}

} // namespace Playground

// Compiled here (not in the library-wide moc unit) so programs that never use it do not link it.
#include "moc_HistoryListModel.cpp"
