#include "app/document/EnvironmentSet.h"

#include "app/formats/PostmanReader.h"

#include <QFileInfo>

namespace Playground {

EnvironmentSet::EnvironmentSet(QObject *parent)
    : QAbstractListModel(parent)
{
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
            Q_EMIT dataChanged(index(i + 1), index(i + 1));
            choose(i + 1);
            Q_EMIT chosenChanged(); // its values may have changed
            return {};
        }
    }
    const int row = int(m_entries.size()) + 1;
    beginInsertRows({}, row, row);
    m_entries.append({ canonical, std::move(read).value() });
    endInsertRows();
    choose(row);
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
    return m_chosen > 0 ? &m_entries.at(m_chosen - 1).environment : nullptr;
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
        return entry.path;
    default:
        return {};
    }
}

} // namespace Playground
