#include "ui/ScopeVariablesBinding.h"

#include "app/auth/CollectionSecrets.h"
#include "app/document/CollectionDocument.h"
#include "app/document/SetVariablesCommand.h"
#include "app/secrets/SecretStore.h"
#include "ui/VariablesTableEditor.h"

#include <QLabel>

#include <algorithm>

namespace Playground {

ScopeVariablesBinding::ScopeVariablesBinding(
    VariablesTableEditor *table, QLabel *status, SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_status(status)
    , m_store(store)
{
    connect(m_table, &VariablesTableEditor::edited, this, &ScopeVariablesBinding::onTableEdited);
}

void ScopeVariablesBinding::setDocument(CollectionDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    if (m_document)
        connect(m_document, &CollectionDocument::changed, this, &ScopeVariablesBinding::onChanged);
    reload();
}

void ScopeVariablesBinding::setPath(const QList<int> &path)
{
    m_path = path;
    reload();
}

void ScopeVariablesBinding::onChanged(const DocumentChange &change)
{
    // The table already shows the user's own edit: rebuilding it would close the cell being
    // edited (a Tab from key to value would lose what is typed next).
    if (change.kind == DocumentChange::Kind::Variables && !m_writing)
        reload();
}

void ScopeVariablesBinding::reload()
{
    const bool open = m_document && m_document->isOpen();
    const VariableList *variables
        = open ? SetVariablesCommand::variablesAt(m_document->collection(), m_path) : nullptr;
    m_table->setVariables(variables ? *variables : VariableList {});
    m_table->setEnabled(open && variables);
}

void ScopeVariablesBinding::onTableEdited()
{
    if (!m_document || !m_document->isOpen())
        return;
    const VariableList *before = SetVariablesCommand::variablesAt(m_document->collection(), m_path);
    if (!before)
        return;
    VariableList variables = m_table->variables();
    // A secret of a folder cannot be kept anywhere safe: only the collection's are keyed.
    const bool typed = m_path.isEmpty()
        ? storeCollectionSecrets(variables)
        : std::any_of(variables.begin(), variables.end(),
            [](const Variable &v) { return v.isSecret() && !v.value.isEmpty(); });
    if (typed && !m_path.isEmpty())
        m_status->setText(tr("A folder's secret value is not kept (the keychain holds only the "
                             "collection's and the environment's): set it there instead."));
    bool same = variables.size() == before->size();
    for (qsizetype i = 0; same && i < variables.size(); ++i) {
        const Variable &a = variables.at(i);
        const Variable &b = before->at(i);
        same = a.key == b.key && a.enabled == b.enabled && a.type == b.type
            && (a.isSecret() || a.value == b.value);
    }
    if (!same) {
        m_writing = true;
        m_document->submit(
            std::make_unique<SetVariablesCommand>(m_document->collection(), variables, m_path));
        m_writing = false;
    } else if (typed)
        reload(); // the typed secret leaves the table
}

bool ScopeVariablesBinding::storeCollectionSecrets(const VariableList &variables)
{
    QList<QPair<QString, QString>> secrets;
    for (const Variable &v : variables) {
        if (v.isSecret() && !v.value.isEmpty())
            secrets.append({ v.key, v.value });
    }
    if (secrets.isEmpty() || !m_store || !m_document)
        return !secrets.isEmpty();
    // Keyed by the collection's id and where the secret may go.
    m_document->ensureId();
    Collection after = m_document->collection();
    after.variables = variables;
    const QPointer<QLabel> status = m_status;
    for (const auto &[name, value] : secrets) {
        const Result<QString> key = CollectionSecrets::keyFor(after, name);
        if (!key) {
            m_status->setText(tr("%1 is not stored: %2").arg(name, key.error()));
            continue;
        }
        m_store->write(
            key.value(), value, this, [this, status, name = name](const SecretResult &r) {
                if (!status)
                    return;
                status->setText(r.persisted()
                        ? tr("%1 is stored in the system keychain.").arg(name)
                        : tr("%1 is kept for this session only: %2")
                              .arg(name, r.ok ? m_store->statusText() : r.error));
            });
    }
    return true;
}

} // namespace Playground
