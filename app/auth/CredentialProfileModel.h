#pragma once

#include "app/auth/CredentialProfile.h"
#include "app/auth/TokenRequest.h"
#include "app/model/Collection.h"
#include "app/template/VariableScopes.h"

#include <QAbstractListModel>
#include <QList>

namespace Playground {

/** A place in a collection that can hold auth: the collection itself, a folder or a request. */
struct ProfileLocation {
    /** Child indexes from the collection's items down to the folder or request; empty: the
     * collection itself. */
    QList<int> path;
    /** "Whole collection", "Folder: Campaigns", "Request: Campaigns / List". */
    QString label;

    bool operator==(const ProfileLocation &other) const { return path == other.path; }
};

/**
 * The credential profiles of a collection: every auth block (collection, folder, request) that is
 * a PAT (bearer) or OAuth client credentials, in collection order. Edits are written back into the
 * Collection as Postman auth; secret values never pass through this model (they go to the
 * SecretStore). The collection is not owned and must outlive the model or be replaced first.
 */
class CredentialProfileModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1, ///< CredentialProfile::Kind as int
        TitleRole, ///< CredentialText::profileTitle
        LocationRole, ///< ProfileLocation::label
    };

    explicit CredentialProfileModel(QObject *parent = nullptr);

    /** Shows the profiles of collection (may be null: no profiles). */
    void setCollection(Collection *collection);
    Collection *collection() const { return m_collection; }
    /** Re-reads the collection after someone else changed it. */
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    CredentialProfile profile(int row) const;
    ProfileLocation location(int row) const;
    /** The row of the profile at path, or -1. */
    int rowAt(const QList<int> &path) const;

    /** Writes profile back as the auth of row's location. */
    bool setProfile(int row, const CredentialProfile &profile);
    /** Puts profile at a location that has none; returns its row, or -1 when not possible. */
    int addProfile(const CredentialProfile &profile, const QList<int> &path);
    /** Removes the auth at row's location (it then inherits from above). */
    bool removeProfile(int row);

    /** Every place that has no PAT/OAuth profile yet, in collection order. */
    QList<ProfileLocation> freeLocations() const;
    /** base, or base2, base3, ...: a secret variable name no profile or variable uses yet. */
    QString uniqueVariableName(const QString &base) const;

    /** The auth slot at path, or null when path does not name a folder or request. */
    static std::optional<AuthSpec> *authSlot(Collection *collection, const QList<int> &path);
    static QList<ProfileLocation> allLocations(const Collection &collection);
    /** The collection's own variables, for resolving a profile's text fields. */
    static VariableScopes scopes(const Collection *collection);
    /**
     * The token request naming profile's cached token (token URL, client id, scope resolved from
     * the collection's variables); it carries no secret, so it only serves TokenManager::forget().
     */
    static TokenRequest cachedTokenRequest(
        const CredentialProfile &profile, const Collection *collection);

Q_SIGNALS:
    /** The collection's contents changed through this model: the document is now modified. */
    void collectionModified();

private:
    struct Entry {
        ProfileLocation location;
        CredentialProfile profile;
    };
    QList<Entry> scan() const;

    Collection *m_collection = nullptr;
    QList<Entry> m_entries;
};

} // namespace Playground
