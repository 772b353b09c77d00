#pragma once

#include "app/document/DocumentChange.h"
#include "app/formats/Imported.h"
#include "app/history/HistoryContext.h"
#include "app/history/HistorySummary.h"
#include "app/model/Collection.h"
#include "app/model/Exchange.h"
#include "app/session/TabSession.h"
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
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QUndoStack;

namespace Playground {

class ImportDialog;

class CollectionDocument;
class CollectionPanel;
class CollectionWorkspace;
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
class UndoTimeline;
class VariablesPanel;

/**
 * The main window: the open collections in the sidebar (each a CollectionWorkspace with its own
 * document, undo stack and request tabs), the current collection's request tabs (each an editor
 * above its response) on the right. Sending goes through SendSession (credentials from the
 * keychain, OAuth tokens, origin binding); the credentials panel docks on the right. Errors show
 * inline in a banner.
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

    /**
     * Opens a Postman collection file beside those open (in place of the blank one when no
     * collection is open); one open already is made current. Errors show in the window.
     */
    void openCollection(const QString &path);
    /** Opens a Postman environment file and makes it the one sends use; errors in the banner. */
    void openEnvironment(const QString &path);
    /** An empty collection beside those open, not saved yet (Save asks where). */
    void newCollection();
    /** A new, unsaved copy of the bundled Digishare collection (File › New from template). */
    void newFromTemplate();
    /**
     * A file from outside (dropped on the window, named on the command line): a Postman
     * collection or environment is opened, another format imported (the dialog shows what it
     * could not carry over), anything else said in the banner.
     */
    void openFile(const QString &path);
    /** File › Import…: the dialog that brings requests in from other formats (non-modal). */
    ImportDialog *openImportDialog();
    /** What an import read, as a new unsaved collection beside those open (a copy: its own id). */
    void openImported(const ImportedCollection &imported, const QString &origin);
    /**
     * The current tab's scratch request becomes a request of the open collection, with a name
     * and in a folder the user picks.
     */
    void saveToCollection();
    /** Writes the current collection (with the edits made here) to its file; false and a banner
     * on failure. */
    bool saveCollection();
    bool saveCollectionAs(const QString &path);
    /**
     * Closes a collection of the sidebar with its tabs, asking first about unsaved edits; false
     * when it stays open. The last one closed leaves a blank sidebar.
     */
    bool closeCollection(CollectionWorkspace *workspace);
    void send();
    void cancel();

    /** The current collection's file. */
    QString collectionPath() const;
    /** The current collection. */
    CollectionTreeModel *collectionModel() const;
    /** The collections of the sidebar, in order, and the current one. */
    QList<CollectionWorkspace *> workspaces() const { return m_workspaces; }
    CollectionWorkspace *currentWorkspace() const { return m_workspace; }
    /** Shows workspace's tabs and makes its collection the one menus act on. */
    void setCurrentWorkspace(CollectionWorkspace *workspace);
    void setDiscardConfirmer(DiscardConfirmer confirmer)
    {
        m_confirmDiscard = std::move(confirmer);
    }
    /** Asked before a tab with unsaved edits closes (Save, Discard, Cancel). */
    void setTabCloseConfirmer(RequestTabs::CloseConfirmer confirmer);
    void setRequestNamer(RequestNamer namer) { m_nameRequest = std::move(namer); }
    /** The current collection's tabs. */
    RequestTabs *requestTabs() const;
    /**
     * Opens the collections and tabs open when the window last closed, and its geometry; on the
     * first start, the bundled Digishare collection.
     */
    void restoreSession();

Q_SIGNALS:
    /** A save finished and the file at path is written. */
    void collectionSaved(const QString &path);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
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
    /** A new collection of the sidebar, its signals connected (not current yet). */
    CollectionWorkspace *addWorkspace();
    /** Where a collection opened or made next goes: the blank one, else a new one. */
    CollectionWorkspace *workspaceForNew();
    /** Takes a collection out of the sidebar (no questions asked); a blank one stays last. */
    void removeWorkspace(CollectionWorkspace *workspace);
    /** The collection of the sidebar kept in the file at path (any spelling of it), or null. */
    CollectionWorkspace *workspaceWithFile(const QString &path) const;
    /** The collection whose tab this is. */
    CollectionWorkspace *workspaceOf(const RequestTab *tab) const;
    /** The Collection and Request menus hold the current collection's actions. */
    void showWorkspaceActions(CollectionWorkspace *previous);
    void chooseCollectionFile();
    void chooseEnvironmentFile();
    /** The runner for the current collection (or one of its folders). */
    void openRunner(const QList<int> &folder);
    /** The settings of the current collection (empty path) or one of its folders. */
    void openItemSettings(const QList<int> &path);
    void onItemChosen(const QModelIndex &index);
    void onTabOpened(RequestTabs *tabs, RequestTab *tab);
    void onTabChanged(RequestTab *tab);
    void onRunFinished(RequestTab *tab, const Exchange &exchange);
    /** collection (from the file at path, or none) in workspace: its edits and sends start anew. */
    void loadInto(CollectionWorkspace *workspace, Collection collection, const QString &path);
    /** Opens the file of a collection of the last session that could not be opened then. */
    void retryUnopened(CollectionWorkspace *workspace);
    /** The bundled Digishare collection, from its file in the app's data folder (written on the
     * first start). */
    void openBundledCollection();
    /** collection, unsaved, in a collection of the sidebar made current; false: none (a document
     * still saving). */
    CollectionWorkspace *startDocument(Collection collection);
    void onRequestPasted(RequestTab *tab, const ImportedRequest &imported);
    /** A past send back in a tab (its collection's request, else a scratch one). */
    void openFromHistory(HistoryEntryId id, bool sendAgain);
    void sendTab(RequestTab *tab);
    /** tab's scratch request into its collection (asking name and folder); false: not saved. */
    bool saveRequestToCollection(RequestTab *tab);
    /** Saves what tab shows: a scratch request into its collection, then the collection. */
    bool saveTab(RequestTab *tab);
    bool saveWorkspace(CollectionWorkspace *workspace);
    bool saveWorkspaceAs(CollectionWorkspace *workspace, const QString &path);
    void chooseSaveFile(CollectionWorkspace *workspace);
    /** The tab shows a request of the open collection (not a scratch request). */
    bool isCollectionRequest(const RequestTab *tab) const;
    void updateTitle();
    void updateVariables();
    void updateSendAction();
    /** Opens the table where name gets a value, at its row (added when missing). */
    void setVariableIn(const QString &name, RequestVariablesForm::Target target);
    /** Asks before workspace's unsaved edits would be lost; true to go on. */
    bool confirmDiscard(CollectionWorkspace *workspace);
    /** Writes the session: this window's collections, then those of others not in it already. */
    void saveSession(const QList<MainWindow *> &others = {});
    /** What this window's collections are for the session. */
    QList<TabSession::Workspace> sessionWorkspaces() const;
    /** The other windows of this process (sharing its stores), shown. */
    QList<MainWindow *> otherWindows() const;
    /** File › Quit: the session of every window written, then every window closed. */
    void quit();
    void showSendProblem(const QString &text, ErrorBanner::Kind kind = ErrorBanner::Kind::Error);

    // The current collection's parts (one owner: m_workspace).
    CollectionDocument *document() const;
    CollectionTreeModel *model() const;
    RequestTabs *tabs() const;

    QList<CollectionWorkspace *> m_workspaces;
    CollectionWorkspace *m_workspace = nullptr; ///< the current one
    QUndoStack *m_environmentUndo; ///< edits of environments (no collection's)
    UndoTimeline *m_undo; ///< Edit › Undo: the current collection's and the environments' edits
    QSplitter *m_panels; ///< the collections, one above the other
    QLineEdit *m_filter = nullptr; ///< filters every collection's requests
    QStackedWidget *m_tabStack; ///< the collections' request tabs, the current one's shown
    QMenu *m_collectionMenu = nullptr;
    QMenu *m_requestMenu = nullptr;
    QAction *m_collectionActionsEnd = nullptr; ///< the current collection's actions end here
    QAction *m_tabActionsEnd = nullptr; ///< the current tabs' actions end here
    QAction *m_editCollectionAction = nullptr; ///< the current collection's Edit folder… before it
    RequestTabs::CloseConfirmer m_confirmTabClose;
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
    ErrorBanner *m_banner;
    QSplitter *m_splitter;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_sendAction = nullptr;
    QAction *m_verifyTlsAction = nullptr;
    bool m_startupFinished = false;
    bool m_sessionWritten = false; ///< Quit wrote the session: closing does not again
    bool m_closeAfterSave = false; ///< the window was closed while the keychain was answering
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
