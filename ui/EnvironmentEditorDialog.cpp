#include "ui/EnvironmentEditorDialog.h"

#include "app/auth/EnvironmentSecrets.h"
#include "app/core/PlainToolTip.h"
#include "app/document/EnvironmentSet.h"
#include "app/secrets/SecretStore.h"
#include "ui/EnvironmentUndoCommand.h"
#include "ui/VariablesTableEditor.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace Playground {

EnvironmentEditorDialog::EnvironmentEditorDialog(
    EnvironmentSet *set, SecretStore *store, QUndoStack *undo, QWidget *parent)
    : QDialog(parent)
    , m_set(set)
    , m_store(store)
    , m_undo(undo)
    , m_name(new QLineEdit(this))
    , m_editor(new VariablesTableEditor(
          QStringLiteral("environment"), tr("Environment variables"), this))
    , m_status(new QLabel(this))
    , m_file(new QLabel(this))
{
    setObjectName(QStringLiteral("environmentEditorDialog"));
    setWindowTitle(tr("Environment"));
    m_name->setObjectName(QStringLiteral("environmentNameLineEdit"));
    m_name->setAccessibleName(tr("Environment name"));
    m_file->setObjectName(QStringLiteral("environmentFileLabel"));
    m_file->setTextFormat(Qt::PlainText);
    m_file->setForegroundRole(QPalette::PlaceholderText);
    m_status->setObjectName(QStringLiteral("environmentStatusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    // One line always reserved: a message never moves the table.
    m_status->setMinimumHeight(2 * m_status->fontMetrics().lineSpacing());
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_editor->setSecretPlaceholder(tr("secret: type it here, it goes to the keychain"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveEnvironmentButton"));
    m_save->setAccessibleName(tr("Save the environment"));
    m_save->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)
        ->setObjectName(QStringLiteral("closeEnvironmentButton"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    // Return ends a cell's edit; it never closes the dialog.
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);

    // The environments' undo stack: Ctrl+Z here undoes the last edit of an environment.
    if (m_undo) {
        QAction *undoAction = m_undo->createUndoAction(this);
        undoAction->setShortcut(QKeySequence::Undo);
        undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QAction *redoAction = m_undo->createRedoAction(this);
        redoAction->setShortcuts(
            { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo });
        redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(undoAction);
        addAction(redoAction);
    }

    auto *form = new QFormLayout;
    for (const auto &[text, field] :
        { std::pair<QString, QWidget *> { tr("Name:"), m_name }, { tr("File:"), m_file } }) {
        auto *label = new QLabel(text, this);
        label->setTextFormat(Qt::PlainText);
        label->setBuddy(field);
        form->addRow(label, field);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 420);

    m_choosePath = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(
            this, tr("Save environment as"), suggested, tr("Postman environments (*.json)"));
    };
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        if (m_set)
            m_set->setName(m_row, name);
    });
    connect(m_editor, &VariablesTableEditor::edited, this, &EnvironmentEditorDialog::onEdited);
    if (m_set) {
        connect(m_set, &EnvironmentSet::valuesChanged, this, [this](int row) {
            if (row == m_row && !m_loading)
                reload();
        });
    }
}

void EnvironmentEditorDialog::createNew()
{
    if (!m_set)
        return;
    showRow(m_set->create(tr("New environment")));
    m_name->setFocus();
    m_name->selectAll();
}

void EnvironmentEditorDialog::editChosen()
{
    if (!m_set)
        return;
    if (m_set->chosenRow() == 0)
        createNew();
    else
        showRow(m_set->chosenRow());
}

void EnvironmentEditorDialog::editVariable(const QString &name)
{
    editChosen();
    m_editor->focusVariable(name);
}

void EnvironmentEditorDialog::showRow(int row)
{
    m_row = row;
    m_status->clear();
    reload();
    QDialog::show();
    raise();
    activateWindow();
}

void EnvironmentEditorDialog::reload()
{
    const Environment *environment = m_set ? m_set->environment(m_row) : nullptr;
    if (!environment)
        return;
    m_loading = true;
    if (m_name->text() != environment->name)
        m_name->setText(environment->name);
    m_editor->setVariables(environment->values);
    const QString path = m_set->path(m_row);
    m_file->setText(path.isEmpty() ? tr("not saved yet") : QFileInfo(path).fileName());
    m_file->setToolTip(plainToolTip(path));
    m_loading = false;
}

void EnvironmentEditorDialog::onEdited()
{
    const Environment *environment = m_set ? m_set->environment(m_row) : nullptr;
    if (!environment)
        return;
    const VariableList typed = m_editor->variables();
    m_loading = true;
    // A secret value typed changes nothing an undo step may hold: no empty step for it.
    const bool changed = EnvironmentSecrets::differBesidesSecrets(environment->values, typed);
    if (changed && m_undo)
        m_undo->push(new EnvironmentUndoCommand(m_set, m_row, environment->values, typed));
    else if (changed)
        m_set->setValues(m_row, EnvironmentSecrets::withoutSecretValues(typed));
    // Secret values typed: held for the session, and kept in the keychain. The table shows
    // what was typed already: no reload under the editor that is committing.
    for (const Variable &v : typed) {
        if (!v.isSecret() || v.value.isEmpty())
            continue;
        const Environment *now = m_set->environment(m_row);
        const bool same = std::any_of(now->values.begin(), now->values.end(),
            [&](const Variable &held) { return held.key == v.key && held.value == v.value; });
        if (same)
            continue;
        m_set->setSecretValue(m_row, v.key, v.value);
        EnvironmentSecrets::store(m_store, *m_set->environment(m_row), v.key, v.value, this,
            [this, name = v.key](const Status &stored) {
                say(stored ? tr("%1 is stored in the system keychain.").arg(name)
                           : tr("%1 is kept for this session only: %2").arg(name, stored.error()));
            });
    }
    m_loading = false;
}

bool EnvironmentEditorDialog::save()
{
    if (!m_set || !m_set->environment(m_row))
        return false;
    QString path = m_set->path(m_row);
    if (path.isEmpty()) {
        QString suggested = m_set->environment(m_row)->name.trimmed();
        suggested.replace(QLatin1Char('/'), QLatin1Char('_'));
        path = m_choosePath
            ? m_choosePath((suggested.isEmpty() ? QStringLiteral("environment") : suggested)
                + QStringLiteral(".postman_environment.json"))
            : QString();
        if (path.isEmpty())
            return false;
    }
    if (const Status saved = m_set->save(m_row, path); !saved) {
        say(tr("Not saved. %1").arg(saved.error()));
        return false;
    }
    reload();
    say(tr("Saved %1. Secret values are not in the file; the keychain keeps them.")
            .arg(QFileInfo(path).fileName()));
    return true;
}

void EnvironmentEditorDialog::say(const QString &text)
{
    m_status->setText(text);
}

} // namespace Playground
