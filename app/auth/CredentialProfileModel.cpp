#include "app/auth/CredentialProfileModel.h"

#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialText.h"
#include "app/template/TemplateText.h"

namespace Playground {

namespace {

    void collectLocations(const QList<CollectionItem> &items, const QList<int> &parentPath,
        const QStringList &parentNames, QList<ProfileLocation> *out)
    {
        for (int i = 0; i < items.size(); ++i) {
            const CollectionItem &item = items.at(i);
            const QList<int> path = parentPath + QList<int> { i };
            const QStringList names = parentNames + QStringList { item.name };
            const QString joined = names.join(QStringLiteral(" / "));
            out->append({ path,
                item.isFolder ? CredentialProfileModel::tr("Folder: %1").arg(joined)
                              : CredentialProfileModel::tr("Request: %1").arg(joined) });
            if (item.isFolder)
                collectLocations(item.children, path, names, out);
        }
    }

} // namespace

CredentialProfileModel::CredentialProfileModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void CredentialProfileModel::setCollection(Collection *collection)
{
    m_collection = collection;
    reload();
}

void CredentialProfileModel::reload()
{
    beginResetModel();
    m_entries = scan();
    endResetModel();
}

QList<ProfileLocation> CredentialProfileModel::allLocations(const Collection &collection)
{
    QList<ProfileLocation> out { { {}, tr("Whole collection") } };
    collectLocations(collection.items, {}, {}, &out);
    return out;
}

VariableScopes CredentialProfileModel::scopes(const Collection *collection)
{
    VariableScopes out;
    if (collection)
        out.addScope(collection->variables);
    return out;
}

TokenRequest CredentialProfileModel::cachedTokenRequest(
    const CredentialProfile &profile, const Collection *collection)
{
    const VariableScopes variables = scopes(collection);
    TemplateText text(variables);
    TokenRequest request;
    request.tokenUrl
        = QUrl(text.resolve(profile.tokenUrl, SecretPosition::NotSent).trimmed(), QUrl::StrictMode);
    request.clientId = text.resolve(profile.clientId, SecretPosition::NotSent);
    request.scope = text.resolve(profile.scope, SecretPosition::NotSent).trimmed();
    request.clientAuth = profile.clientAuth;
    return request;
}

std::optional<AuthSpec> *CredentialProfileModel::authSlot(
    Collection *collection, const QList<int> &path)
{
    if (!collection)
        return nullptr;
    if (path.isEmpty())
        return &collection->auth;
    QList<CollectionItem> *items = &collection->items;
    CollectionItem *item = nullptr;
    for (int index : path) {
        if (!items || index < 0 || index >= items->size())
            return nullptr;
        item = &(*items)[index];
        items = item->isFolder ? &item->children : nullptr;
    }
    return item->isFolder ? &item->auth : &item->request.auth;
}

QList<CredentialProfileModel::Entry> CredentialProfileModel::scan() const
{
    QList<Entry> out;
    if (!m_collection)
        return out;
    for (const ProfileLocation &location : allLocations(*m_collection)) {
        const std::optional<AuthSpec> *slot = authSlot(m_collection, location.path);
        if (!slot || !*slot)
            continue;
        if (const auto profile = CredentialProfile::fromAuthSpec(**slot))
            out.append({ location, *profile });
    }
    return out;
}

int CredentialProfileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant CredentialProfileModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(
            CredentialText::profileTitle(entry.profile), entry.location.label);
    case Qt::ToolTipRole:
        // Names and places only: a profile's fields never hold secret values.
        return entry.location.label;
    case Qt::AccessibleTextRole:
        return QStringLiteral("%1, %2").arg(
            CredentialText::profileTitle(entry.profile), entry.location.label);
    case KindRole:
        return int(entry.profile.kind);
    case TitleRole:
        return CredentialText::profileTitle(entry.profile);
    case LocationRole:
        return entry.location.label;
    default:
        return {};
    }
}

CredentialProfile CredentialProfileModel::profile(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).profile : CredentialProfile {};
}

ProfileLocation CredentialProfileModel::location(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).location : ProfileLocation {};
}

int CredentialProfileModel::rowAt(const QList<int> &path) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).location.path == path)
            return row;
    }
    return -1;
}

bool CredentialProfileModel::setProfile(int row, const CredentialProfile &profile)
{
    if (row < 0 || row >= m_entries.size())
        return false;
    std::optional<AuthSpec> *slot = authSlot(m_collection, m_entries.at(row).location.path);
    if (!slot)
        return false;
    AuthSpec auth = profile.toAuthSpec();
    // Keep what other tools stored next to the auth block.
    if (*slot)
        auth.extra = (*slot)->extra;
    *slot = auth;
    m_entries[row].profile = *CredentialProfile::fromAuthSpec(auth);
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
    Q_EMIT collectionModified();
    return true;
}

int CredentialProfileModel::addProfile(const CredentialProfile &profile, const QList<int> &path)
{
    std::optional<AuthSpec> *slot = authSlot(m_collection, path);
    if (!slot || rowAt(path) >= 0 || !freeLocations().contains(ProfileLocation { path, {} }))
        return -1;
    *slot = profile.toAuthSpec();
    reload();
    Q_EMIT collectionModified();
    return rowAt(path);
}

bool CredentialProfileModel::removeProfile(int row)
{
    if (row < 0 || row >= m_entries.size())
        return false;
    std::optional<AuthSpec> *slot = authSlot(m_collection, m_entries.at(row).location.path);
    if (!slot)
        return false;
    // No auth block: Postman and newman inherit from the folder or collection above.
    slot->reset();
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    Q_EMIT collectionModified();
    return true;
}

QList<ProfileLocation> CredentialProfileModel::freeLocations() const
{
    QList<ProfileLocation> out;
    if (!m_collection)
        return out;
    for (const ProfileLocation &location : allLocations(*m_collection)) {
        const std::optional<AuthSpec> *slot = authSlot(m_collection, location.path);
        // Another kind of auth (basic, API key, ...) is never replaced behind the user's back.
        const bool free = !*slot || (*slot)->inherits() || (*slot)->type == QLatin1String("noauth");
        if (free)
            out.append(location);
    }
    return out;
}

QString CredentialProfileModel::uniqueVariableName(const QString &base) const
{
    QStringList used;
    if (m_collection) {
        used = CollectionSecrets::allNames(*m_collection);
        for (const Variable &v : m_collection->variables)
            used.append(v.key);
    }
    QString name = base;
    for (int n = 2; used.contains(name); ++n)
        name = base + QString::number(n);
    return name;
}

} // namespace Playground
