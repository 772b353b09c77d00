#pragma once

#include "app/document/DocumentChange.h"
#include "app/model/Collection.h"
#include "app/template/VariableOrigins.h"
#include "ui/RequestVariablesForm.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QUndoStack;

namespace Playground {

class CollectionDocument;
class EnvironmentSet;
class ScopeVariablesBinding;
class SecretStore;
class VariablesTableEditor;

/**
 * The Variables panel. Above: the request's variables like the docs playground, one field each
 * with its value and scope, edited in place (an edit goes back to its scope). Below: the table of
 * the collection's or a folder's variables. Edits go to the document as undoable commands, to the
 * environment through its undoable edit; a secret value goes straight to the keychain and never
 * into the document, a file or the undo stack.
 */
class VariablesPanel : public QWidget {
    Q_OBJECT
public:
    VariablesPanel(SecretStore *store, QWidget *parent = nullptr);

    void setDocument(CollectionDocument *document);
    /** The environments (an edit of an environment's value goes there, undoable on undo). */
    void setEnvironments(EnvironmentSet *environments, QUndoStack *undo);
    /**
     * The request on screen: its variables and where each comes from. folderPaths: the tree
     * path of each folder of path.folders (outermost first).
     */
    void showRequest(const RequestSpec &request, const AuthSpec &auth, const RequestPath &path,
        const QList<QList<int>> &folderPaths);
    /** Shows the collection's table with the cursor on name (a new row when there is none). */
    void focusVariable(const QString &name);
    /** Shows the table of the folder at path with the cursor on name (the row added if needed). */
    void focusFolderVariable(const QList<int> &folderPath, const QString &name);

private:
    void reloadTable();
    void reloadScopes();
    void writeVariable(
        const QList<int> &path, const QString &name, const QString &value, bool secret);
    void writeEnvironment(const QString &name, const QString &value, bool secret);
    void onValueEdited(const VariableOrigin &origin, const QString &value);
    void onValueSetIn(
        const QString &name, RequestVariablesForm::Target target, const QString &value);
    QList<int> tablePath() const;

    QPointer<CollectionDocument> m_document;
    QPointer<SecretStore> m_store;
    QPointer<EnvironmentSet> m_environments;
    QUndoStack *m_undo = nullptr;
    RequestVariablesForm *m_form;
    QComboBox *m_scope;
    VariablesTableEditor *m_table;
    QLabel *m_status;
    ScopeVariablesBinding *m_binding;
    QList<QList<int>> m_folderPaths; ///< the shown request's folders, outermost first
    QStringList m_folderNames;
    bool m_loading = false;
};

} // namespace Playground
