#pragma once

#include "app/auth/CredentialProfile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Playground {

class SecretField;

/**
 * The form of one credential profile: a PAT, or OAuth client credentials with "Get token" and
 * "Forget token". It only edits; the CredentialsPanel reads and stores secrets and asks for tokens.
 */
class CredentialProfileEditor : public QWidget {
    Q_OBJECT
public:
    explicit CredentialProfileEditor(QWidget *parent = nullptr);

    /**
     * Shows profile. secretVariable names the {{variable}} the secret is saved as; the secret field
     * stays empty until setSecret() (it is read asynchronously).
     */
    void setProfile(const CredentialProfile &profile, const QString &secretVariable,
        const QString &locationLabel);
    /** The secret as stored (not a modification); placeholder says why it may be empty. */
    void setSecret(const QString &value, const QString &placeholder = {});
    /** A secret the user has not saved yet (e.g. a token found in plain text in the file). */
    void setUnsavedSecret(const QString &value, const QString &note);

    /** The profile as edited: secret fields are "{{secretVariable}}" references. */
    CredentialProfile editedProfile() const;
    QString secretVariable() const { return m_secretVariable; }
    QString secretValue() const;
    bool isSecretModified() const { return m_secretModified; }
    bool isModified() const { return m_modified; }
    /** Marks the form as saved (after the panel wrote it). */
    void markSaved();

    /** Plain text under "Get token"; busy disables the button while a request is in flight. */
    void setTokenStatus(const QString &text, bool busy = false);
    /** Offers "Copy token" while a fetched token is shown. */
    void setTokenAvailable(bool available);
    /** A note next to Save (e.g. where the secret went, or why it could not be stored). */
    void setSaveStatus(const QString &text);

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void saveRequested();
    void revertRequested();
    void getTokenRequested();
    void forgetTokenRequested();
    void copyTokenRequested();

private:
    void setModified(bool modified);
    void updateOriginsNote();
    QLineEdit *addLineEdit(const QString &name, const QString &accessibleName);

    CredentialProfile m_profile;
    QString m_secretVariable;
    bool m_modified = false;
    bool m_secretModified = false;
    bool m_loading = false; ///< setProfile() is filling the form: not a user edit

    QLabel *m_kindLabel;
    QLabel *m_locationLabel;
    QWidget *m_patPage = nullptr;
    QWidget *m_oauthPage = nullptr;
    SecretField *m_token;
    QLineEdit *m_tokenUrl;
    QLineEdit *m_clientId;
    SecretField *m_clientSecret;
    QLineEdit *m_scope;
    QComboBox *m_clientAuth;
    QPlainTextEdit *m_allowedOrigins;
    QLabel *m_originsNote;
    QLabel *m_variableLabel;
    QPushButton *m_save;
    QPushButton *m_revert;
    QLabel *m_saveStatus;
    QPushButton *m_getToken;
    QPushButton *m_forgetToken;
    QPushButton *m_copyToken;
    QLabel *m_tokenStatus;
};

} // namespace Playground
