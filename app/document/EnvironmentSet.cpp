#include "app/document/EnvironmentSet.h"

#include "app/auth/EnvironmentSecrets.h"
#include "app/core/PlainToolTip.h"
#include "app/formats/PostmanReader.h"
#include "app/formats/PostmanWriter.h"
#include "app/secrets/SecretStore.h"

#include <QFileInfo>
#include <QUuid>

namespace Playground {

EnvironmentSet::EnvironmentSet(QObject *parent)
    : QAbstractListModel(parent)
{
}

void EnvironmentSet::setSecretStore(SecretStore *store)
{
    m_store = store;
}

Status EnvironmentSet::open(const QString &path)
{
    Result<Environment> read = PostmanReader::readEnvironmentFile(path);
    if (!read)
        return Status::failure(read.error());
    const QString canonical = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).path == canonical) {
            m_entries[i].environment = std::move(read).value();
            m_entries[i].modified = false;
            Q_EMIT dataChanged(index(i + 1), index(i + 1));
            choose(i + 1);
            changed(i + 1); // its values may have changed
            loadSecrets(i + 1);
            return {};
        }
    }
    const int row = int(m_entries.size()) + 1;
    beginInsertRows({}, row, row);
    m_entries.append({ canonical, std::move(read).value() });
    endInsertRows();
    choose(row);
    loadSecrets(row);
    return {};
}

int EnvironmentSet::create(const QString &name)
{
    Environment environment;
    environment.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    environment.name = name;
    // What Postman writes in an exported environment: it reads such a file back as one.
    environment.extra.insert(
        QLatin1String("_postman_variable_scope"), QStringLiteral("environment"));
    const int row = int(m_entries.size()) + 1;
    beginInsertRows({}, row, row);
    m_entries.append({ QString(), environment, true });
    endInsertRows();
    choose(row);
    return row;
}

void EnvironmentSet::setValues(int row, const VariableList &values)
{
    if (row < 1 || row > m_entries.size())
        return;
    Entry &entry = m_entries[row - 1];
    VariableList merged = values;
    for (Variable &v : merged) {
        if (!v.isSecret() || !v.value.isEmpty())
            continue;
        for (const Variable &held : entry.environment.values) {
            if (held.key == v.key && held.isSecret())
                v.value = held.value;
        }
    }
    entry.environment.values = merged;
    entry.modified = true;
    changed(row);
}

void EnvironmentSet::setName(int row, const QString &name)
{
    if (row < 1 || row > m_entries.size() || m_entries.at(row - 1).environment.name == name)
        return;
    m_entries[row - 1].environment.name = name;
    m_entries[row - 1].modified = true;
    Q_EMIT dataChanged(index(row), index(row));
}

void EnvironmentSet::setSecretValue(int row, const QString &name, const QString &value)
{
    if (row < 1 || row > m_entries.size())
        return;
    for (Variable &v : m_entries[row - 1].environment.values) {
        if (v.key == name && v.isSecret())
            v.value = value;
    }
    changed(row);
}

Status EnvironmentSet::save(int row, const QString &path)
{
    if (row < 1 || row > m_entries.size())
        return Status::failure(tr("No environment to save"));
    Entry &entry = m_entries[row - 1];
    // The writer leaves secret values out; the keychain holds them.
    if (const Status written = PostmanWriter::writeEnvironmentFile(path, entry.environment);
        !written)
        return written;
    entry.path = QFileInfo(path).absoluteFilePath();
    entry.modified = false;
    Q_EMIT dataChanged(index(row), index(row));
    return {};
}

void EnvironmentSet::choose(int row)
{
    if (row < 0 || row > m_entries.size() || row == m_chosen)
        return;
    m_chosen = row;
    Q_EMIT chosenChanged();
}

const Environment *EnvironmentSet::chosen() const
{
    return environment(m_chosen);
}

const Environment *EnvironmentSet::environment(int row) const
{
    return row > 0 && row <= m_entries.size() ? &m_entries.at(row - 1).environment : nullptr;
}

QString EnvironmentSet::path(int row) const
{
    return row > 0 && row <= m_entries.size() ? m_entries.at(row - 1).path : QString();
}

bool EnvironmentSet::isModified(int row) const
{
    return row > 0 && row <= m_entries.size() && m_entries.at(row - 1).modified;
}

void EnvironmentSet::loadSecrets(int row)
{
    if (!m_store)
        return;
    const Environment read = m_entries.at(row - 1).environment;
    const QString path = m_entries.at(row - 1).path;
    EnvironmentSecrets::load(
        m_store, read, this, [this, row, path](const VariableList &found, const QStringList &) {
            if (row > m_entries.size() || m_entries.at(row - 1).path != path)
                return;
            for (const Variable &secret : found) {
                for (Variable &v : m_entries[row - 1].environment.values) {
                    if (v.key == secret.key && v.isSecret() && v.value.isEmpty())
                        v.value = secret.value;
                }
            }
            if (!found.isEmpty())
                changed(row);
        });
}

void EnvironmentSet::changed(int row)
{
    Q_EMIT valuesChanged(row);
    if (row == m_chosen)
        Q_EMIT chosenChanged();
}

int EnvironmentSet::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size()) + 1;
}

QVariant EnvironmentSet::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() > m_entries.size())
        return {};
    if (index.row() == 0)
        return role == Qt::DisplayRole ? QVariant(tr("No environment")) : QVariant();
    const Entry &entry = m_entries.at(index.row() - 1);
    switch (role) {
    case Qt::DisplayRole:
        return entry.environment.name.isEmpty() ? QFileInfo(entry.path).completeBaseName()
                                                : entry.environment.name;
    case Qt::ToolTipRole:
        return entry.path.isEmpty() ? tr("Not saved yet") : plainToolTip(entry.path);
    default:
        return {};
    }
}

} // namespace Playground
