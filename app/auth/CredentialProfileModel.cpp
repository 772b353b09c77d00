#include "app/auth/CredentialProfileModel.h"

#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialText.h"
#include "app/core/PlainToolTip.h"
#include "app/document/CollectionDocument.h"
#include "app/document/SetAuthCommand.h"
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

void CredentialProfileModel::setDocument(CollectionDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    if (m_document) {
        connect(m_document, &CollectionDocument::reset, this, &CredentialProfileModel::reload);
        connect(m_document, &CollectionDocument::changed, this, &CredentialProfileModel::onChanged);
    }
    reload();
}

const Collection *CredentialProfileModel::collection() const
{
    return m_document && m_document->isOpen() ? &m_document->collection() : nullptr;
}

void CredentialProfileModel::onChanged(const DocumentChange &change)
{
    if (change.isStructural()) { // every location below may have moved
        reload();
        return;
    }
    if (change.kind != DocumentChange::Kind::Auth)
        return;
    const QList<Entry> entries = scan();
    bool sameRows = entries.size() == m_entries.size();
    for (qsizetype i = 0; sameRows && i < entries.size(); ++i)
        sameRows = entries.at(i).location.path == m_entries.at(i).location.path;
    if (!sameRows) { // added or removed (also by undo): rows change
        reload();
        return;
    }
    m_entries = entries; // edited in place: selections stay
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).location.path == change.path)
            Q_EMIT dataChanged(index(row), index(row));
    }
}

bool CredentialProfileModel::setAuth(const QList<int> &path, const std::optional<AuthSpec> &auth)
{
    const Collection *c = collection();
    if (!c || !SetAuthCommand::slot(*c, path))
        return false;
    m_document->submit(std::make_unique<SetAuthCommand>(*c, path, auth));
    return true;
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

QList<CredentialProfileModel::Entry> CredentialProfileModel::scan() const
{
    QList<Entry> out;
    const Collection *c = collection();
    if (!c)
        return out;
    for (const ProfileLocation &location : allLocations(*c)) {
        const std::optional<AuthSpec> *slot = SetAuthCommand::slot(*c, location.path);
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
        return plainToolTip(entry.location.label);
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
    const QList<int> path = m_entries.at(row).location.path;
    AuthSpec auth = profile.toAuthSpec();
    // Keep what other tools stored next to the auth block.
    if (const std::optional<AuthSpec> *slot = SetAuthCommand::slot(*collection(), path); *slot)
        auth.extra = (*slot)->extra;
    return setAuth(path, auth);
}

int CredentialProfileModel::addProfile(const CredentialProfile &profile, const QList<int> &path)
{
    if (!collection() || rowAt(path) >= 0
        || !freeLocations().contains(ProfileLocation { path, {} }))
        return -1;
    if (!setAuth(path, profile.toAuthSpec()))
        return -1;
    return rowAt(path);
}

bool CredentialProfileModel::removeProfile(int row)
{
    if (row < 0 || row >= m_entries.size())
        return false;
    // No auth block: Postman and newman inherit from the folder or collection above.
    return setAuth(m_entries.at(row).location.path, std::nullopt);
}

QList<ProfileLocation> CredentialProfileModel::freeLocations() const
{
    QList<ProfileLocation> out;
    const Collection *c = collection();
    if (!c)
        return out;
    for (const ProfileLocation &location : allLocations(*c)) {
        const std::optional<AuthSpec> *slot = SetAuthCommand::slot(*c, location.path);
        // Another kind of auth (basic, API key, ...) is never replaced behind the user's back.
        const bool free = !*slot || (*slot)->inherits() || (*slot)->type == QLatin1String("noauth");
        if (free)
            out.append(location);
    }
    return out;
}

CredentialProfile CredentialProfileModel::newProfile(CredentialProfile::Kind kind) const
{
    const Collection *c = collection();
    if (kind == CredentialProfile::Kind::PersonalAccessToken) {
        CredentialProfile profile = CredentialProfile::personalAccessToken(
            uniqueVariableName(QStringLiteral("accessToken")));
        // SECURITY.md: a new PAT goes to the collection's API only.
        if (const QString origin = c ? CollectionSecrets::baseUrlOrigin(*c) : QString();
            !origin.isEmpty())
            profile.allowedOrigins = { origin };
        return profile;
    }
    const auto declared = [c](const QString &name, bool secret) {
        return c && std::any_of(c->variables.begin(), c->variables.end(), [&](const Variable &v) {
            return v.key == name && v.isSecret() == secret;
        });
    };
    QStringList usedByProfiles;
    for (const Entry &entry : m_entries)
        usedByProfiles += entry.profile.secretVariables();
    const QString secret = declared(QStringLiteral("clientSecret"), true)
            && !usedByProfiles.contains(QStringLiteral("clientSecret"))
        ? QStringLiteral("clientSecret")
        : uniqueVariableName(QStringLiteral("clientSecret"));
    return CredentialProfile::clientCredentials(
        declared(QStringLiteral("clientId"), false) ? QStringLiteral("{{clientId}}") : QString(),
        secret);
}

QString CredentialProfileModel::uniqueVariableName(const QString &base) const
{
    QStringList used;
    if (const Collection *c = collection()) {
        used = CollectionSecrets::allNames(*c);
        for (const Variable &v : c->variables)
            used.append(v.key);
    }
    QString name = base;
    for (int n = 2; used.contains(name); ++n)
        name = base + QString::number(n);
    return name;
}

} // namespace Playground
