#include "ui/VariablesPanel.h"

#include "app/auth/EnvironmentSecrets.h"
#include "app/document/CollectionDocument.h"
#include "app/document/EnvironmentSet.h"
#include "app/document/SetVariablesCommand.h"
#include "app/secrets/SecretStore.h"
#include "ui/EnvironmentUndoCommand.h"
#include "ui/ScopeVariablesBinding.h"
#include "ui/VariablesTableEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace Playground {

namespace {

    QLabel *heading(const QString &text, QWidget *parent)
    {
        auto *label = new QLabel(text, parent);
        label->setTextFormat(Qt::PlainText);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        return label;
    }

    /** variables with name set to value (added when missing, enabled). */
    VariableList withValue(
        VariableList variables, const QString &name, const QString &value, bool secret)
    {
        auto it = std::find_if(
            variables.begin(), variables.end(), [&](const Variable &v) { return v.key == name; });
        if (it == variables.end()) {
            Variable v;
            v.key = name;
            v.type = secret ? QStringLiteral("secret") : QStringLiteral("default");
            variables.append(v);
            it = variables.end() - 1;
        }
        it->enabled = true;
        it->value = value;
        return variables;
    }

} // namespace

VariablesPanel::VariablesPanel(SecretStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_form(new RequestVariablesForm(this))
    , m_scope(new QComboBox(this))
    , m_table(new VariablesTableEditor(QStringLiteral("collection"), tr("Variables"), this))
    , m_status(new QLabel(this))
    , m_binding(new ScopeVariablesBinding(m_table, m_status, store, this))
{
    setObjectName(QStringLiteral("variablesPanel"));
    m_scope->setObjectName(QStringLiteral("variablesScopeComboBox"));
    m_scope->setAccessibleName(tr("Whose variables the table shows"));
    m_status->setObjectName(QStringLiteral("variablesStatusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    // Two lines reserved: a message never moves the table.
    m_status->setMinimumHeight(2 * m_status->fontMetrics().lineSpacing());
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_status->setText(tr("Used as {{name}}. Secret values live in the system keychain, never in "
                         "the file."));

    auto *formArea = new QScrollArea(this);
    formArea->setObjectName(QStringLiteral("requestVariablesScrollArea"));
    formArea->setWidgetResizable(true);
    formArea->setFrameShape(QFrame::NoFrame);
    formArea->setWidget(m_form);

    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(heading(tr("Variables of"), this));
    scopeRow->addWidget(m_scope, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(heading(tr("This request"), this));
    layout->addWidget(formArea, 2);
    layout->addLayout(scopeRow);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_status);

    connect(m_scope, &QComboBox::currentIndexChanged, this, &VariablesPanel::reloadTable);
    connect(m_form, &RequestVariablesForm::valueEdited, this, &VariablesPanel::onValueEdited);
    connect(m_form, &RequestVariablesForm::valueSetIn, this, &VariablesPanel::onValueSetIn);
    reloadScopes();
}

void VariablesPanel::setDocument(CollectionDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    if (m_document) {
        connect(m_document, &CollectionDocument::reset, this, &VariablesPanel::reloadScopes);
    }
    m_binding->setDocument(m_document);
    reloadScopes();
}

void VariablesPanel::setEnvironments(EnvironmentSet *environments, QUndoStack *undo)
{
    m_environments = environments;
    m_undo = undo;
}

void VariablesPanel::showRequest(const RequestSpec &request, const AuthSpec &auth,
    const RequestPath &path, const QList<QList<int>> &folderPaths)
{
    const bool open = m_document && m_document->isOpen();
    const Collection *collection = open ? &m_document->collection() : nullptr;
    const Environment *environment = m_environments ? m_environments->chosen() : nullptr;
    QStringList names;
    for (const CollectionItem *folder : path.folders)
        names.append(folder->name);
    m_form->setOrigins(VariableOrigins::of(request, auth, path, collection, environment),
        folderPaths.isEmpty() ? QString() : names.constLast());
    if (folderPaths != m_folderPaths || names != m_folderNames) {
        m_folderPaths = folderPaths;
        m_folderNames = names;
        reloadScopes();
    }
}

void VariablesPanel::reloadScopes()
{
    const QList<int> shown = tablePath();
    m_loading = true;
    m_scope->clear();
    m_scope->addItem(tr("Collection"));
    for (qsizetype i = 0; i < m_folderPaths.size(); ++i)
        m_scope->addItem(tr("Folder %1").arg(m_folderNames.value(i)));
    const qsizetype again = shown.isEmpty() ? -1 : m_folderPaths.indexOf(shown);
    m_scope->setCurrentIndex(again >= 0 ? int(again) + 1 : 0);
    m_loading = false;
    reloadTable();
}

QList<int> VariablesPanel::tablePath() const
{
    const int index = m_scope->currentIndex();
    return index >= 1 && index <= m_folderPaths.size() ? m_folderPaths.at(index - 1)
                                                       : QList<int> {};
}

void VariablesPanel::reloadTable()
{
    if (m_loading)
        return;
    m_binding->setPath(tablePath());
    m_scope->setEnabled(m_document && m_document->isOpen());
}

void VariablesPanel::writeVariable(
    const QList<int> &path, const QString &name, const QString &value, bool secret)
{
    if (!m_document || !m_document->isOpen())
        return;
    const VariableList *before = SetVariablesCommand::variablesAt(m_document->collection(), path);
    if (!before)
        return;
    const VariableList after = withValue(*before, name, value, secret);
    if (secret && path.isEmpty())
        m_binding->storeCollectionSecrets(after);
    m_document->submit(
        std::make_unique<SetVariablesCommand>(m_document->collection(), after, path));
}

void VariablesPanel::writeEnvironment(const QString &name, const QString &value, bool secret)
{
    if (!m_environments)
        return;
    int row = m_environments->chosenRow();
    if (row == 0)
        row = m_environments->create(tr("New environment"));
    const Environment *environment = m_environments->environment(row);
    const VariableList after = withValue(environment->values, name, value, secret);
    // Only a secret's value changed: it goes to the keychain below, never to an undo step.
    const bool changed = EnvironmentSecrets::differBesidesSecrets(after, environment->values);
    if (changed && m_undo)
        m_undo->push(new EnvironmentUndoCommand(m_environments, row, environment->values, after));
    else if (changed)
        m_environments->setValues(row, EnvironmentSecrets::withoutSecretValues(after));
    if (!secret)
        return;
    m_environments->setSecretValue(row, name, value);
    EnvironmentSecrets::store(m_store, *m_environments->environment(row), name, value, this,
        [this, name](const Status &stored) {
            m_status->setText(stored
                    ? tr("%1 is stored in the system keychain.").arg(name)
                    : tr("%1 is kept for this session only: %2").arg(name, stored.error()));
        });
}

void VariablesPanel::onValueEdited(const VariableOrigin &origin, const QString &value)
{
    switch (origin.scope) {
    case VariableOrigin::Scope::Environment:
        writeEnvironment(origin.name, value, origin.secret);
        break;
    case VariableOrigin::Scope::Collection:
        writeVariable({}, origin.name, value, origin.secret);
        break;
    case VariableOrigin::Scope::Folder:
        if (origin.folderIndex >= 0 && origin.folderIndex < m_folderPaths.size())
            writeVariable(m_folderPaths.at(origin.folderIndex), origin.name, value, false);
        break;
    case VariableOrigin::Scope::Request: // a request's own default: set above it, in collection
        writeVariable({}, origin.name, value, false);
        break;
    case VariableOrigin::Scope::Unset:
    case VariableOrigin::Scope::Dynamic:
        break;
    }
}

void VariablesPanel::onValueSetIn(
    const QString &name, RequestVariablesForm::Target target, const QString &value)
{
    switch (target) {
    case RequestVariablesForm::Target::Environment:
        writeEnvironment(name, value, false);
        break;
    case RequestVariablesForm::Target::Collection:
        writeVariable({}, name, value, false);
        break;
    case RequestVariablesForm::Target::Folder:
        if (!m_folderPaths.isEmpty())
            writeVariable(m_folderPaths.constLast(), name, value, false);
        break;
    }
}

void VariablesPanel::focusVariable(const QString &name)
{
    m_scope->setCurrentIndex(0);
    m_table->focusVariable(name);
}

void VariablesPanel::focusFolderVariable(const QList<int> &folderPath, const QString &name)
{
    const qsizetype index = m_folderPaths.indexOf(folderPath);
    m_scope->setCurrentIndex(index >= 0 ? int(index) + 1 : 0);
    m_table->focusVariable(name);
}

} // namespace Playground
