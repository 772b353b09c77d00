#pragma once

#include <QTableWidget>

namespace Playground {

/**
 * A table of entries edited in place, as Postman's: an enable box in column 0, a blank row at
 * the end that becomes a real entry when typed into (and adds a new blank one), Delete (key or
 * context menu) removing the selected rows. Subclasses say what an entry's cells are and keep
 * the fields they do not show.
 */
class EntryTable : public QTableWidget {
    Q_OBJECT
public:
    static constexpr int EnabledColumn = 0;

    EntryTable(int columns, const QString &accessibleName, QWidget *parent = nullptr);

Q_SIGNALS:
    /** The user changed an entry (typed, ticked, added or removed one). */
    void rowsEdited();

protected:
    void keyPressEvent(QKeyEvent *event) override;

    /** True when nothing was typed into row. */
    virtual bool isBlankRow(int row) const = 0;
    /** Row was removed: forget what was kept for it. */
    virtual void forgetRow(int row) = 0;
    /** The enable box of a real entry, ticked or not (what the blank row gets once typed in). */
    void makeEnableBox(int row, bool enabled, const QString &tooltip);
    /** Whether row's entry is sent: its box is ticked (the blank row has none). */
    bool isRowEnabled(int row) const;
    /** Runs fill without counting its changes as the user's. */
    template <typename F> void quietly(F &&fill)
    {
        const bool was = m_loading;
        m_loading = true;
        fill();
        m_loading = was;
    }
    /** Adds the blank row at the end. */
    virtual void appendBlankRow() = 0;
    /** The tooltip of a real entry's enable box ("Send this row"). */
    virtual QString enableTooltip() const = 0;

private:
    void onItemChanged(QTableWidgetItem *item);
    void removeSelectedRows();

    bool m_loading = false;
};

} // namespace Playground
