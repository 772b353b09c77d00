#pragma once

#include "app/model/KeyValue.h"

#include <QTableWidget>

namespace Playground {

/**
 * The values of a URL's ":name" path segments: one row per name the URL holds (the URL decides
 * the rows, the user types the values). A value left empty keeps the segment as written.
 */
class PathVariablesTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn };

    explicit PathVariablesTable(QWidget *parent = nullptr);

    void setRows(const KeyValueList &rows);
    KeyValueList rows() const { return m_rows; }

Q_SIGNALS:
    /** The user changed a value. */
    void rowsEdited();

private:
    KeyValueList m_rows;
    bool m_loading = false;
};

} // namespace Playground
