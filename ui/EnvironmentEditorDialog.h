#pragma once

#include <QDialog>
#include <QPointer>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QUndoStack;

namespace Playground {

class EnvironmentSet;
class SecretStore;
class VariablesTableEditor;

/**
 * Edits one Postman environment of the EnvironmentSet: its name and its variables (an undoable
 * step per edit on the environments' undo stack, which the window's Edit › Undo also reaches).
 * A secret value goes to the keychain as it is typed and is held for the session; Save writes the
 * file atomically without it.
 */
class EnvironmentEditorDialog : public QDialog {
    Q_OBJECT
public:
    /** Asked where to save a new environment; an empty answer cancels. */
    using PathChooser = std::function<QString(const QString &suggested)>;

    EnvironmentEditorDialog(
        EnvironmentSet *set, SecretStore *store, QUndoStack *undo, QWidget *parent = nullptr);

    void setPathChooser(PathChooser chooser) { m_choosePath = std::move(chooser); }

    /** A new environment, chosen, shown here (File › New environment…). */
    void createNew();
    /** Shows the chosen environment (a new one when none is chosen). */
    void editChosen();
    /** Shows the chosen environment with the cursor on name's value (the row added if needed). */
    void editVariable(const QString &name);
    /** Writes the environment to its file (asks where the first time); false when not saved. */
    bool save();

    int row() const { return m_row; }
    VariablesTableEditor *editor() const { return m_editor; }

private:
    void showRow(int row);
    void reload();
    void onEdited();
    void say(const QString &text);

    QPointer<EnvironmentSet> m_set;
    QPointer<SecretStore> m_store;
    QUndoStack *m_undo;
    QLineEdit *m_name;
    VariablesTableEditor *m_editor;
    QLabel *m_status;
    QLabel *m_file;
    QPushButton *m_save;
    PathChooser m_choosePath;
    int m_row = 0;
    bool m_loading = false;
};

} // namespace Playground
