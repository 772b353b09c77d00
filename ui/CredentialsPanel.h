#pragma once

#include "app/core/Result.h"

#include "app/auth/AccessToken.h"
#include "ui/AddProfileDialog.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QListView;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace Playground {

struct Collection;
class CredentialProfileEditor;
class CollectionDocument;
class CredentialProfileModel;
class KeychainStatusBar;
class SecretStore;
class SendService;

/**
 * Lists a collection's credential profiles (PAT, OAuth client credentials) and edits them. Auth
 * goes back into the Collection as Postman auth with {{variable}} references; secret values go to
 * the SecretStore under SecretKey::forCollectionVariable(collection id, variable) and never into
 * the collection. "Get token" asks the SendService without blocking; a status line says where
 * secrets are kept. Works standalone: the main window docks it; edits go to the document.
 */
class CredentialsPanel : public QWidget {
    Q_OBJECT
public:
    /** Answers a yes/no question; the default shows a QMessageBox (tests inject their own). */
    using Confirmer = std::function<bool(const QString &question)>;
    /** Asks what to add and where; the default runs AddProfileDialog. */
    using AddPrompt
        = std::function<std::optional<NewProfileChoice>(const QList<ProfileLocation> &locations)>;

    /** store and tokens are not owned and must outlive the panel; tokens may be null. */
    CredentialsPanel(SecretStore *store, SendService *tokens, QWidget *parent = nullptr);
    ~CredentialsPanel() override;

    /** Shows collection's profiles (not owned; null clears). Unsaved edits are dropped. */
    /** Shows the credentials of document (null: none). Edits go to it as undoable commands. */
    void setDocument(CollectionDocument *document);
    void setConfirmer(Confirmer confirmer) { m_confirmer = std::move(confirmer); }
    void setAddPrompt(AddPrompt prompt) { m_addPrompt = std::move(prompt); }

    CredentialProfileModel *model() const { return m_model; }
    /** The selected row, or -1. */
    int currentRow() const;
    void setCurrentRow(int row);
    /** Writes pending edits of the current profile (also done when another row is selected). */
    void saveCurrent();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /** Below this width the list sits above the form. */
    static constexpr int NarrowWidth = 640;

    void addProfile();
    void removeProfile();
    void showRow(int row);
    void loadSecret(int row);
    void getToken();
    void forgetToken();
    void copyToken();
    void updateEmptyState();
    Result<QString> secretKey(const QString &variable) const;

    SecretStore *m_store;
    SendService *m_tokens;
    CredentialProfileModel *m_model;
    CredentialProfileEditor *m_editor;
    QListView *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QStackedWidget *m_pages;
    QSplitter *m_splitter;
    QLabel *m_emptyLabel;
    KeychainStatusBar *m_keychainStatus;
    QLabel *m_panelStatus;
    Confirmer m_confirmer;
    AddPrompt m_addPrompt;
    int m_shownRow = -1;
    /** Bumped whenever another profile is shown: late keychain or token answers are dropped. */
    quint64 m_generation = 0;
    std::optional<AccessToken> m_token;
    /** The form changed since the last "Get token": the next one skips the cached token. */
    bool m_editedSinceToken = false;
};

} // namespace Playground
