#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace Playground {

class AuthEditor;
class CollectionDocument;
class ScopeVariablesBinding;
class SecretStore;
class VariablesTableEditor;
struct DocumentChange;

/**
 * The settings of a folder or of the collection: its Auth (what the requests inside inherit),
 * its Variables and its Description. Every edit goes to the document as an undoable command, and
 * the dialog follows the document (an undo shows at once); it closes when its folder goes away.
 */
class ItemSettingsDialog : public QDialog {
    Q_OBJECT
public:
    /** path: the folder's rows from the top; empty: the collection. */
    ItemSettingsDialog(CollectionDocument *document, SecretStore *store, const QList<int> &path,
        QWidget *parent = nullptr);

private:
    void onChanged(const DocumentChange &change);
    void showAuth();
    void showDescription();
    void onAuthEdited();
    void onDescriptionEdited();

    QPointer<CollectionDocument> m_document;
    QList<int> m_path;
    QTabWidget *m_tabs;
    AuthEditor *m_authEditor;
    VariablesTableEditor *m_variables;
    QLabel *m_variablesStatus;
    ScopeVariablesBinding *m_binding;
    QPlainTextEdit *m_description;
    bool m_loading = false;
};

} // namespace Playground
