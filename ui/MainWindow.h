#pragma once

#include "app/document/DocumentChange.h"
#include "app/formats/Imported.h"
#include "app/history/HistoryContext.h"
#include "app/history/HistorySummary.h"
#include "app/model/Collection.h"
#include "app/model/Exchange.h"
#include "ui/ErrorBanner.h"
#include "ui/RequestTabs.h"
#include "ui/RequestVariablesForm.h"

#include <QHash>
#include <QMainWindow>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QSplitter;
class QUndoStack;

namespace Playground {

class CollectionDocument;
class CollectionPanel;
class CookieStore;
class EnvironmentSet;
class EnvironmentEditorDialog;
class UnresolvedVariablesHint;
class CredentialsPanel;
class SecretStore;
class SharedStores;
class SendService;
class CollectionTreeModel;
class RequestEditor;
class HistoryPanel;
class HistoryStore;
class RequestSender;
class RequestTab;
class RecentFiles;
class ResponseView;
class SavedSnapshot;
class VariablesPanel;

/**
 * The main window: collection tree on the left, request tabs (each an editor above its response)
 * on the right. Sending goes through SendSession (credentials from the keychain, OAuth tokens,
 * origin binding); the credentials panel docks on the right. Errors show inline in a banner.
 */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /** Asked before unsaved edits would be lost; returns true to go on (and lose them). */
    using DiscardConfirmer = std::function<bool(const QString &collectionName)>;
    /** Asks the name of a scratch request saved into the collection; nullopt: cancelled. */
    using RequestNamer = std::function<std::optional<QString>(const QString &suggested)>;

    /** store: where secrets live (not owned); null picks the system keychain, or session memory. */
    explicit MainWindow(SecretStore *store = nullptr, QWidget *parent = nullptr);
    /** A window with the stores (secrets, history, cookies) of the others of this process. */
    explicit MainWindow(std::shared_ptr<SharedStores> stores, QWidget *parent = nullptr);
    ~MainWindow() override;

    /**
     * Another window sharing this one's stores, shown, deleted when closed (File › New window):
     * each window holds a collection of its own; items are dragged from one to the other.
     */
    MainWindow *newWindow();

    /** Opens a Postman collection file; errors show in the window. */
    void openCollection(const QString &path);
    /** Opens a Postman environment file and makes it the one sends use; errors in the banner. */
    void openEnvironment(const QString &path);
    /** An empty collection, not saved yet (Save asks where). */
    void newCollection();
    /** A new, unsaved copy of the bundled Digishare collection (File › New from template). */
    void newFromTemplate();
    /**
     * The current tab's scratch request becomes a request of the open collection, with a name
     * and in a folder the user picks.
     */
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
    /** Asked before a tab with unsaved edits closes (Save, Discard, Cancel). */
    void setTabCloseConfirmer(RequestTabs::CloseConfirmer confirmer);
    void setRequestNamer(RequestNamer namer) { m_nameRequest = std::move(namer); }
    RequestTabs *requestTabs() const { return m_tabs; }
    /** Opens the collection and the tabs open when the window last closed, and its geometry. */
    void restoreSession();

Q_SIGNALS:
    /** A save finished and the file at path is written. */
    void collectionSaved(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    /**
     * Opens the history and reads the cookie jars: once, after the window is up or when a send,
     * the history or the cookies need them first.
     */
    void finishStartup();
    /** The panels of the docks, made the first time they are needed. */
    CredentialsPanel *credentialsPanel();
    VariablesPanel *variablesPanel();
    /** The environment editor, made the first time it is needed. */
    EnvironmentEditorDialog *environmentEditor();
    void chooseCollectionFile();
    void chooseEnvironmentFile();
    void chooseSaveFile();
    void onItemChosen(const QModelIndex &index);
    void onTabOpened(RequestTab *tab);
    void onTabChanged(RequestTab *tab);
    void onRunFinished(RequestTab *tab, const Exchange &exchange);
    /** Makes collection the open, unsaved document: history of edits and responses start anew. */
    void startDocument(Collection collection);
    void onRequestPasted(RequestTab *tab, const ImportedRequest &imported);
    /** A past send back in a tab (its collection's request, else a scratch one). */
    void openFromHistory(HistoryEntryId id, bool sendAgain);
    void sendTab(RequestTab *tab);
    /** tab's scratch request into the collection (asking name and folder); false: not saved. */
    bool saveRequestToCollection(RequestTab *tab);
    /** Saves what tab shows: a scratch request into the collection, then the collection. */
    bool saveTab(RequestTab *tab);
    /** The tab shows a request of the open collection (not a scratch request). */
    bool isCollectionRequest(const RequestTab *tab) const;
    void updateTitle();
    void updateVariables();
    void updateSendAction();
    /** Opens the table where name gets a value, at its row (added when missing). */
    void setVariableIn(const QString &name, RequestVariablesForm::Target target);
    bool confirmDiscard();
    void saveSession();
    void showSendProblem(const QString &text, ErrorBanner::Kind kind = ErrorBanner::Kind::Error);

    CollectionDocument *m_document;
    QUndoStack *m_undo;
    CollectionTreeModel *m_model;
    EnvironmentSet *m_environments = nullptr;
    CookieStore *m_cookies = nullptr;
    EnvironmentEditorDialog *m_environmentEditor = nullptr;
    UnresolvedVariablesHint *m_unresolvedHint = nullptr;
    std::shared_ptr<SharedStores> m_stores;
    SecretStore *m_secrets;
    SendService *m_sending;
    CredentialsPanel *m_credentials = nullptr;
    QDockWidget *m_credentialsDock = nullptr;
    VariablesPanel *m_variables = nullptr;
    QDockWidget *m_variablesDock = nullptr;
    CollectionPanel *m_panel;
    SavedSnapshot *m_snapshot;
    RequestTabs *m_tabs;
    ErrorBanner *m_banner;
    QSplitter *m_splitter;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_verifyTlsAction = nullptr;
    bool m_startupFinished = false;
    bool m_closeAfterSave = false; ///< the window was closed while the keychain was answering
    RequestSender *m_sender = nullptr;
    QHash<QString, bool> m_storedSecrets; ///< keychain key → holds a value (until the next write)
    HistoryStore *m_history = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    RecentFiles *m_recentFiles = nullptr;
    DiscardConfirmer m_confirmDiscard;
    RequestNamer m_nameRequest;
    bool m_bannerIsAboutSend = false; ///< the banner speaks of the request on screen
    FailureKind m_bannerFailure = FailureKind::None; ///< what the send banner is about
};

} // namespace Playground
