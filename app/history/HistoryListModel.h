#pragma once

#include "app/history/HistoryFilter.h"
#include "app/history/HistorySummary.h"

#include <QAbstractItemModel>
#include <QDate>

namespace Playground {

class HistoryStore;

/**
 * The history list for a view: one row per day (newest first, local time), its sends under it,
 * newest first, each "METHOD status URL time". Shows what the filter matches, at most
 * filter.limit sends; follows the store (a send recorded, removed, history cleared).
 */
class HistoryListModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        EntryIdRole = Qt::UserRole + 1, ///< HistoryEntryId of a send; 0 on a day row
        IsDayRole,
        MethodRole,
        StatusRole, ///< the HTTP status; 0 when no response came
        UrlRole,
        FailedRole, ///< the send did not complete
    };

    /** store is not owned and must outlive the model. */
    explicit HistoryListModel(HistoryStore *store, QObject *parent = nullptr);

    void setFilter(const HistoryFilter &filter);
    const HistoryFilter &filter() const { return m_filter; }
    /** Reads the store again. */
    void refresh();

    /** The send at index, or 0 (a day row, or invalid). */
    HistoryEntryId entryId(const QModelIndex &index) const;
    /** The row of the send id, or an invalid index when it is not shown. */
    QModelIndex indexOf(HistoryEntryId id) const;
    /** Sends shown. */
    int entryCount() const { return m_shown; }
    /** Sends the filter matches in the store (more than entryCount() past the limit). */
    int matchingCount() const { return m_matching; }

    /** "Today", "Yesterday", else the date written out. */
    static QString dayTitle(const QDate &day, const QDate &today);
    /** "GET 200 https://example.com/x 14:03:12"; a send without response says why. */
    static QString rowText(const HistorySummary &summary);
    /** The status column: the HTTP status, or "not sent", "cancelled", "timeout", "failed". */
    static QString statusText(const HistorySummary &summary);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /** Day rows are headers: enabled, not selectable. */
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Day {
        QDate date;
        QList<HistorySummary> entries;
    };
    const HistorySummary *summary(const QModelIndex &index) const;

    HistoryStore *m_store;
    HistoryFilter m_filter;
    QList<Day> m_days;
    int m_shown = 0;
    int m_matching = 0;
};

} // namespace Playground
