#pragma once

#include "app/document/DocumentChange.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableWidget;
class QTableWidgetItem;

namespace Playground {

class CollectionDocument;
class SecretStore;

/**
 * The collection's variables as a table (enabled, name, value, secret): edits go to the document
 * as one undoable command; a secret value goes straight to the keychain and never into the
 * document, the file or the undo stack.
 */
class VariablesPanel : public QWidget {
    Q_OBJECT
public:
    VariablesPanel(SecretStore *store, QWidget *parent = nullptr);

    void setDocument(CollectionDocument *document);
    /** Puts the cursor on the variable name (a new row when there is none), for "set it here". */
    void focusVariable(const QString &name);

private:
    enum Column { EnabledColumn, NameColumn, ValueColumn, SecretColumn };
    void reload();
    void onChanged(const DocumentChange &change);
    void onItemChanged(QTableWidgetItem *item);
    void appendRow(const QString &name, const QString &value, bool enabled, bool secret);
    void removeSelectedRows();
    bool eventFilter(QObject *watched, QEvent *event) override;

    QPointer<CollectionDocument> m_document;
    QPointer<SecretStore> m_store;
    QTableWidget *m_table;
    QLabel *m_status;
    bool m_loading = false;
};

} // namespace Playground
