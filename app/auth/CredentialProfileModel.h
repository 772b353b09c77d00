#pragma once

#include "app/auth/CredentialProfile.h"
#include "app/auth/TokenRequest.h"
#include "app/model/Collection.h"
#include "app/template/VariableScopes.h"

#include "app/document/CollectionDocument.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace Playground {

class CollectionDocument;

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
 * a PAT (bearer) or OAuth client credentials, in collection order. It observes a collection
 * document; edits go to the document as commands (undoable), written as Postman auth. Secret
 * values never pass through this model (they go to the SecretStore).
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

    /** Shows the profiles of document (may be null: no profiles). Not owned. */
    void setDocument(CollectionDocument *document);
    CollectionDocument *document() const { return m_document; }
    /** The collection shown, or null when none is open. */
    const Collection *collection() const;

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
    /**
     * A new profile of kind for this collection, using what the user already put there: a PAT
     * bound to {{baseUrl}}'s origin; OAuth with {{clientId}} and the secret variable clientSecret
     * when the collection declares them (as the bundled Digishare collection does), so its
     * "Request token" request and the profile share one value.
     */
    CredentialProfile newProfile(CredentialProfile::Kind kind) const;
    /** base, or base2, base3, ...: a secret variable name no profile or variable uses yet. */
    QString uniqueVariableName(const QString &base) const;

    static QList<ProfileLocation> allLocations(const Collection &collection);
    /** The collection's own variables, for resolving a profile's text fields. */
    static VariableScopes scopes(const Collection *collection);
    /**
     * The token request naming profile's cached token (token URL, client id, scope resolved from
     * the collection's variables); it carries no secret, so it only serves TokenManager::forget().
     */
    static TokenRequest cachedTokenRequest(
        const CredentialProfile &profile, const Collection *collection);

private:
    struct Entry {
        ProfileLocation location;
        CredentialProfile profile;
    };
    QList<Entry> scan() const;
    void reload();
    void onChanged(const DocumentChange &change);
    bool setAuth(const QList<int> &path, const std::optional<AuthSpec> &auth);

    QPointer<CollectionDocument> m_document;
    QList<Entry> m_entries;
};

} // namespace Playground
