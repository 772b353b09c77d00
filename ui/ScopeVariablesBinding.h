#pragma once

#include "app/model/Variable.h"

#include <QObject>
#include <QPointer>

class QLabel;

namespace Playground {

class CollectionDocument;
class SecretStore;
class VariablesTableEditor;
struct DocumentChange;

/**
 * Binds a variables table to the variables of the collection (empty path) or of a folder: shows
 * them, follows the document (undo included) and writes the user's edits back as undoable
 * commands. A secret value of the collection goes to the keychain, never into the document; a
 * folder's secret value is not kept (the keychain holds only the collection's and environments').
 * Messages go to the status label.
 */
class ScopeVariablesBinding : public QObject {
    Q_OBJECT
public:
    ScopeVariablesBinding(
        VariablesTableEditor *table, QLabel *status, SecretStore *store, QObject *parent);

    void setDocument(CollectionDocument *document);
    /** Whose variables the table shows (rows from the top; empty: the collection's). */
    void setPath(const QList<int> &path);
    QList<int> path() const { return m_path; }
    /** Shows the variables at path as the document holds them now. */
    void reload();
    /** Stores the collection's secret variables typed in variables; false when none was typed. */
    bool storeCollectionSecrets(const VariableList &variables);

private:
    void onChanged(const DocumentChange &change);
    void onTableEdited();

    VariablesTableEditor *m_table;
    QLabel *m_status;
    QPointer<SecretStore> m_store;
    QPointer<CollectionDocument> m_document;
    QList<int> m_path;
    bool m_writing = false; ///< the document is taking the table's own edit
};

} // namespace Playground
