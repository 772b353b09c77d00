#pragma once

#include "app/model/KeyValue.h"
#include "ui/EntryTable.h"

#include <functional>

namespace Playground {

/**
 * Editable rows of enabled/key/value (query parameters, headers). A blank row at the end takes
 * new entries; Delete removes the selected rows. Fields the table does not show (description,
 * unknown file fields) are kept for each row.
 */
class KeyValueTable : public EntryTable {
    Q_OBJECT
public:
    enum Column { KeyColumn = 1, ValueColumn };

    explicit KeyValueTable(const QString &what, QWidget *parent = nullptr);

    /**
     * How keys and values are shown and written back (query rows: decoded in the table, encoded
     * in the URL). A cell left as shown keeps its stored text exactly.
     */
    using Codec = std::function<QString(const QString &stored)>;
    using Encoder = std::function<QString(const QString &shown, bool isKey)>;
    void setCodec(Codec show, Encoder store);

    void setRows(const KeyValueList &rows);
    KeyValueList rows() const;
    /** Rows with a key or value and the enabled box ticked. */
    int enabledCount() const;

protected:
    bool isBlankRow(int row) const override;
    void forgetRow(int row) override { m_kept.removeAt(row); }
    void appendBlankRow() override { appendRow({}, true); }
    QString enableTooltip() const override { return tr("Send this row"); }

private:
    void appendRow(const KeyValue &row, bool blank);

    QString shown(const QString &stored) const { return m_show ? m_show(stored) : stored; }
    QString stored(const QString &shownText, const QString &before, bool isKey) const;

    QList<KeyValue> m_kept; ///< per row: the fields not shown
    Codec m_show;
    Encoder m_store;
};

} // namespace Playground
