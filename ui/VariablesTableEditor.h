#pragma once

#include "app/model/Variable.h"

#include <QWidget>

class QTableWidget;
class QTableWidgetItem;
class QToolButton;

namespace Playground {

/**
 * Variables as an editable table — enabled, key, value, type (default or secret) — for an
 * environment, the collection or a folder. Secret values are masked (a "reveal" button shows
 * them); Add and Remove buttons, Insert/Delete keys and Tab between cells. The owner writes the
 * rows back (undoable commands, the keychain for secret values) when edited() is emitted.
 */
class VariablesTableEditor : public QWidget {
    Q_OBJECT
public:
    /** name: the objectName prefix ("environment" gives environmentVariablesTableWidget, ...). */
    VariablesTableEditor(
        const QString &name, const QString &accessibleName, QWidget *parent = nullptr);

    /** Shows values (a secret's only when the session holds it; else the placeholder). */
    void setVariables(const VariableList &variables);
    /** The rows with a key, with what the user typed (secret values included: keep them out of
     * files and undo steps). Fields the table does not show are kept per row. */
    VariableList variables() const;
    /** What an empty secret value cell says ("stored in the keychain"). */
    void setSecretPlaceholder(const QString &text);
    /**
     * Puts the cursor in the value of the variable called name; adds the row when there is none
     * (then edited() follows). Returns the row.
     */
    int focusVariable(const QString &name);

    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    /** The user changed the rows. */
    void edited();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum Column { EnabledColumn, KeyColumn, ValueColumn, TypeColumn };
    void appendRow(const Variable &variable);
    void addRow();
    void removeSelectedRows();
    void onItemChanged(QTableWidgetItem *item);

    QTableWidget *m_table;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_reveal;
    VariableList m_kept; ///< per row: the fields not shown (description, unknown file fields)
    QString m_secretPlaceholder;
    bool m_loading = false;
    bool m_revealed = false; ///< secret values shown in clear
};

} // namespace Playground
