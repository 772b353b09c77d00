#pragma once

#include "app/document/DocumentChange.h"
#include "app/formats/Imported.h"
#include "app/history/HistoryContext.h"
#include "app/history/HistorySummary.h"
#include "app/model/Collection.h"
#include "app/model/Exchange.h"
#include "app/response/RecentExchanges.h"
#include "ui/ErrorBanner.h"

#include <QHash>
#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QPointer>
#include <functional>

class QAction;
class QDockWidget;
class QSplitter;
class QUndoStack;

namespace Playground {

class CollectionDocument;
class CollectionPanel;
class EnvironmentSet;
class CredentialsPanel;
class SecretStore;
class SendService;
class SendSession;
class CollectionTreeModel;
class RequestEditor;
class HistoryPanel;
class HistoryStore;
class RecentFiles;
class ResponseView;
class VariablesPanel;

/**
 * The main window: collection tree on the left, request editor above the response on the right.
 * Sending goes through SendSession (credentials from the keychain, OAuth tokens, origin
 * binding); the credentials panel docks on the right. Errors show inline in a banner.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /** Asked before unsaved edits would be lost; returns true to go on (and lose them). */
    using DiscardConfirmer = std::function<bool(const QString &collectionName)>;

    /** store: where secrets live (not owned); null picks the system keychain, or session memory. */
    explicit MainWindow(SecretStore *store = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /** Opens a Postman collection file; errors show in the window. */
    void openCollection(const QString &path);
    /** Opens a Postman environment file and makes it the one sends use; errors in the banner. */
    void openEnvironment(const QString &path);
    /** An empty collection, not saved yet (Save asks where). */
    void newCollection();
    /** A new, unsaved copy of the bundled Digishare collection (File › New from template). */
    void newFromTemplate();
    /** The scratch request becomes a request of the open collection, in a folder the user picks. */
    void saveToCollection();
    /** Writes the collection (with the edits made here) to its file; false and a banner on failure.
     */
    bool saveCollection();
    bool saveCollectionAs(const QString &path);
    void send();
    void cancel();

    QString collectionPath() const;
    CollectionTreeModel *collectionModel() const { return m_model; }
    void setDiscardConfirmer(DiscardConfirmer confirmer)
    {
        m_confirmDiscard = std::move(confirmer);
    }

Q_SIGNALS:
    /** A save finished and the file at path is written. */
    void collectionSaved(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void chooseCollectionFile();
    void chooseEnvironmentFile();
    void chooseSaveFile();
    void onItemChosen(const QModelIndex &index);
    void onRequestEdited();
    void onRunFinished(SendSession *session);
    void onDocumentChanged(const DocumentChange &change);
    /** Makes collection the open, unsaved document: history of edits and responses start anew. */
    void startDocument(Collection collection);
    void onRequestPasted(const ImportedRequest &imported);
    /** A past send back in the editor (its collection's request, else a scratch one). */
    void openFromHistory(HistoryEntryId id, bool sendAgain);
    /** Starts a prepared send of spec (the templates, for the response view and history). */
    void start(SendSession *session, const RequestSpec &spec);
    void showScratch();
    void updateTitle();
    void updateVariables();
    bool confirmDiscard();
    RequestPath currentPath() const;
    void showRememberedExchange();
    void showSendProblem(const QString &text, ErrorBanner::Kind kind = ErrorBanner::Kind::Error);

    CollectionDocument *m_document;
    QUndoStack *m_undo;
    CollectionTreeModel *m_model;
    EnvironmentSet *m_environments = nullptr;
    SecretStore *m_secrets;
    SendService *m_sending;
    CredentialsPanel *m_credentials = nullptr;
    QDockWidget *m_credentialsDock = nullptr;
    VariablesPanel *m_variables = nullptr;
    QDockWidget *m_variablesDock = nullptr;
    CollectionPanel *m_panel;
    RequestEditor *m_editor;
    ResponseView *m_response;
    ErrorBanner *m_banner;
    QSplitter *m_splitter;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_verifyTlsAction = nullptr;
    bool m_applyingEdit = false; ///< the editor's own edit is being applied (no reload)
    bool m_closeAfterSave = false; ///< the window was closed while the keychain was answering
    QPersistentModelIndex m_current;
    CollectionItem m_scratch;
    QPointer<SendSession> m_run;
    bool m_loadingSecrets = false; ///< a send waits for the keychain
    int m_collectionGeneration = 0; ///< bumped when another collection is opened
    QHash<QString, bool> m_storedSecrets; ///< keychain key → holds a value (until the next write)
    QPersistentModelIndex m_runIndex; ///< the request the run was sent for (invalid: scratch)
    RecentExchanges m_recent;
    HistoryStore *m_history = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    RecentFiles *m_recentFiles = nullptr;
    RequestSpec m_runSpec; ///< the templates of the send in flight, for history
    HistoryContext m_runWhere; ///< where the send in flight came from, for history
    DiscardConfirmer m_confirmDiscard;
    bool m_bannerIsAboutSend = false; ///< the banner speaks of the request on screen
    FailureKind m_bannerFailure = FailureKind::None; ///< what the send banner is about
};

} // namespace Playground
