#include "ui/MainWindow.h"

#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialProfile.h"
#include "app/core/PrivateFolder.h"
#include "app/document/CollectionDocument.h"
#include "app/document/CollectionEdits.h"
#include "app/document/EditRequestCommand.h"
#include "app/document/EnvironmentSet.h"
#include "app/document/RecentFiles.h"
#include "app/document/SetTlsVerificationCommand.h"
#include "app/formats/CollectionImport.h"
#include "app/formats/InputFile.h"
#include "app/formats/JsonFile.h"
#include "app/formats/PostmanReader.h"
#include "app/history/HistoryStore.h"
#include "app/http/CookieJar.h"
#include "app/http/CookieStore.h"
#include "app/model/CollectionTreeModel.h"
#include "app/model/RequestSettings.h"
#include "app/model/TlsSetting.h"
#include "app/response/ResponseFormatter.h"
#include "app/secrets/SecretKey.h"
#include "app/secrets/SecretStore.h"
#include "app/send/RequestOptions.h"
#include "app/send/SendService.h"
#include "app/send/SendSession.h"
#include "app/session/SharedStores.h"
#include "app/session/TabSession.h"
#include "app/template/RequestVariables.h"
#include "ui/ClearButtonOnDemand.h"
#include "ui/CollectionPanel.h"
#include "ui/CollectionWorkspace.h"
#include "ui/CookieManagerDialog.h"
#include "ui/CredentialsPanel.h"
#include "ui/DocumentUndoCommand.h"
#include "ui/DroppedFiles.h"
#include "ui/EnvironmentEditorDialog.h"
#include "ui/ErrorBanner.h"
#include "ui/ExportActions.h"
#include "ui/HelpMenu.h"
#include "ui/HistoryPanel.h"
#include "ui/ImportDialog.h"
#include "ui/ItemSettingsDialog.h"
#include "ui/KeychainStatusBar.h"
#include "ui/RecentFilesMenu.h"
#include "ui/RequestEditor.h"
#include "ui/RequestSender.h"
#include "ui/RequestSettingsEditor.h"
#include "ui/RequestTab.h"
#include "ui/ResponseView.h"
#include "ui/RunnerDialog.h"
#include "ui/ThemeMenu.h"
#include "ui/UndoTimeline.h"
#include "ui/UnresolvedVariablesHint.h"
#include "ui/VariablesPanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <memory>

namespace Playground {

namespace {

    const QString AppTitle = QStringLiteral("API Playground");
    constexpr int PendingWritesTimeoutMs = 5'000;

    QString authTypeText(const QString &type)
    {
        if (type == QLatin1String("bearer"))
            return QStringLiteral("Bearer token");
        if (type == QLatin1String("basic"))
            return QStringLiteral("Basic auth");
        if (type == QLatin1String("apikey"))
            return QStringLiteral("API key");
        if (type == QLatin1String("oauth2"))
            return QStringLiteral("OAuth 2.0");
        return type;
    }

} // namespace

MainWindow::MainWindow(SecretStore *store, QWidget *parent)
    : MainWindow(std::make_shared<SharedStores>(store), parent)
{
}

MainWindow::MainWindow(std::shared_ptr<SharedStores> stores, QWidget *parent)
    : QMainWindow(parent)
    , m_environmentUndo(new QUndoStack(this))
    , m_undo(new UndoTimeline(m_environmentUndo, this))
    , m_panels(new QSplitter(Qt::Vertical, this))
    , m_tabStack(new QStackedWidget(this))
    , m_stores(std::move(stores))
    , m_secrets(m_stores->secrets())
    , m_sending(new SendService(m_secrets, this))
    , m_banner(new ErrorBanner(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true); // files from a file manager: openFile()
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_panels->setObjectName(QStringLiteral("collectionsSplitter"));
    m_panels->setChildrenCollapsible(false);
    m_tabStack->setObjectName(QStringLiteral("requestTabsStack"));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 8, 0, 0);
    rightLayout->setSpacing(0);
    m_unresolvedHint = new UnresolvedVariablesHint(this);
    rightLayout->addWidget(m_unresolvedHint);
    rightLayout->addWidget(m_tabStack, 1);
    // Messages float over the bottom of the request area (the response): nothing moves.
    m_banner->overlay(right);

    // The sidebar: the collections, and every past send (the history opens in finishStartup()).
    m_history = m_stores->history();
    m_historyPanel = new HistoryPanel(m_history, this);
    auto *sidebar = new QTabWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebarTabWidget"));
    sidebar->setAccessibleName(tr("Collections and history"));
    sidebar->setDocumentMode(true);
    // One filter for every collection of the sidebar.
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterLineEdit"));
    m_filter->setAccessibleName(tr("Filter requests"));
    m_filter->setPlaceholderText(tr("Filter requests"));
    ClearButtonOnDemand::install(m_filter);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (CollectionWorkspace *workspace : m_workspaces)
            workspace->panel()->setFilter(text);
    });
    auto *collections = new QWidget(this);
    auto *collectionsLayout = new QVBoxLayout(collections);
    collectionsLayout->setContentsMargins(8, 8, 0, 6);
    collectionsLayout->setSpacing(0);
    collectionsLayout->addWidget(m_filter);
    collectionsLayout->addWidget(m_panels, 1);
    sidebar->addTab(collections, tr("Collections"));
    sidebar->addTab(m_historyPanel, tr("History"));
    connect(m_historyPanel, &HistoryPanel::openRequested, this,
        [this](HistoryEntryId id) { openFromHistory(id, false); });
    connect(m_historyPanel, &HistoryPanel::sendAgainRequested, this,
        [this](HistoryEntryId id) { openFromHistory(id, true); });
    m_splitter->addWidget(sidebar);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 280, 1000 });
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    // Credentials: PATs and OAuth client credentials of the collection; values in the keychain.
    // The docks start hidden; their panels are made when first shown (credentialsPanel()).
    m_credentialsDock = new QDockWidget(tr("Credentials"), this);
    m_credentialsDock->setObjectName(QStringLiteral("credentialsDockWidget"));
    addDockWidget(Qt::RightDockWidgetArea, m_credentialsDock);
    m_credentialsDock->hide();
    // A secret just stored changes what the request is missing.
    connect(m_secrets, &SecretStore::pendingWritesFinished, this, [this] {
        m_storedSecrets.clear();
        updateVariables();
    });

    m_variablesDock = new QDockWidget(tr("Variables"), this);
    m_variablesDock->setObjectName(QStringLiteral("variablesDockWidget"));
    addDockWidget(Qt::RightDockWidgetArea, m_variablesDock);
    m_variablesDock->hide();

    // The environment every send uses, in a tool bar above the request (File › Open environment…).
    m_environments = new EnvironmentSet(this);
    m_environments->setSecretStore(m_secrets);
    connect(
        m_unresolvedHint, &UnresolvedVariablesHint::setRequested, this, &MainWindow::setVariableIn);
    auto *environmentBar = addToolBar(tr("Environment"));
    environmentBar->setObjectName(QStringLiteral("environmentToolBar"));
    environmentBar->setMovable(false);
    auto *environmentCombo = new QComboBox(environmentBar);
    environmentCombo->setObjectName(QStringLiteral("environmentComboBox"));
    environmentCombo->setAccessibleName(tr("Environment"));
    environmentCombo->setModel(m_environments);
    environmentCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *environmentLabel = new QLabel(tr("Environment: "), environmentBar);
    environmentLabel->setTextFormat(Qt::PlainText);
    environmentBar->addWidget(environmentLabel);
    environmentBar->addWidget(environmentCombo);
    QAction *editEnvironment = environmentBar->addAction(
        tr("E&dit environment…"), this, [this] { environmentEditor()->editChosen(); });
    editEnvironment->setObjectName(QStringLiteral("editEnvironmentAction"));
    editEnvironment->setToolTip(
        tr("Edit the environment's variables (a new one when none is chosen)"));
    connect(environmentCombo, &QComboBox::activated, m_environments, &EnvironmentSet::choose);
    connect(m_environments, &EnvironmentSet::chosenChanged, this, [this, environmentCombo] {
        environmentCombo->setCurrentIndex(m_environments->chosenRow());
        updateVariables();
    });

    m_confirmDiscard = [this](const QString &name) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
            tr("Save the changes to \"%1\" first?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Save)
            return saveCollection();
        return answer == QMessageBox::Discard;
    };

    m_nameRequest = [this](const QString &suggested) -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save request to collection"),
            tr("Request name:"), QLineEdit::Normal, suggested, &ok);
        if (!ok || name.trimmed().isEmpty())
            return std::nullopt;
        return name.trimmed();
    };

    createMenus();
    setCurrentWorkspace(addWorkspace());
    statusBar()->setObjectName(QStringLiteral("mainStatusBar"));
    // Where secrets live, in the status bar while the credentials panel (which says it too) is
    // hidden.
    auto *keychain = new KeychainStatusBar(m_secrets, this);
    keychain->setSingleLine();
    statusBar()->addPermanentWidget(keychain);
    connect(m_credentialsDock, &QDockWidget::visibilityChanged, keychain,
        [keychain](bool visible) { keychain->setVisible(!visible); });

    resize(1280, 820);
    tabs()->current()->editor()->focusUrl(); // type a URL right away
    // What the first screen does not show waits until the window is up (or is first needed).
    QTimer::singleShot(0, this, &MainWindow::finishStartup);
}

MainWindow::~MainWindow()
{
    // Before QWidget deletes the panels and tabs the collections own; none is made current
    // meanwhile (a tree taking the focus of a deleted one asks to).
    m_workspace = nullptr;
    qDeleteAll(std::exchange(m_workspaces, {}));
}

MainWindow *MainWindow::newWindow()
{
    auto *window = new MainWindow(m_stores);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

CollectionWorkspace *MainWindow::addWorkspace()
{
    auto *workspace = new CollectionWorkspace(m_sending, m_environments, m_history, this);
    m_workspaces.append(workspace);
    m_panels->addWidget(workspace->panel());
    m_tabStack->addWidget(workspace->tabs());
    CollectionDocument *document = workspace->document();
    CollectionPanel *panel = workspace->panel();
    RequestTabs *requestTabs = workspace->tabs();
    RequestSender *sender = workspace->sender();
    const auto isCurrent = [this, workspace] { return workspace == m_workspace; };

    connect(document, &CollectionDocument::dirtyChanged, this, [this, isCurrent](bool dirty) {
        if (isCurrent())
            setWindowModified(dirty);
    });
    connect(document, &CollectionDocument::changed, this, [this, isCurrent] {
        if (isCurrent()) {
            updateVariables();
            updateTitle();
        }
    });
    connect(document, &CollectionDocument::savingChanged, this, [this](bool saving) {
        if (saving)
            statusBar()->showMessage(tr("Saving… (waiting for the keychain)"));
    });
    // Dragged in from another collection: what it uses that this one lacks is said.
    connect(workspace->model(), &CollectionTreeModel::movedIn, this,
        [this](const QString &source, const QStringList &missing) {
            if (missing.isEmpty()) {
                statusBar()->showMessage(tr("Moved from \"%1\"").arg(source), 10'000);
                return;
            }
            QStringList names;
            for (const QString &name : missing)
                names.append(QStringLiteral("{{%1}}").arg(name));
            m_banner->showMessage(tr("Moved from \"%1\". It uses %2, which this collection does "
                                     "not define: give them a value in its variables "
                                     "(Collection › Edit collection…) or the environment.")
                                      .arg(source, names.join(QStringLiteral(", "))),
                ErrorBanner::Kind::Warning);
        });

    connect(sender, &RequestSender::started, this, &MainWindow::updateSendAction);
    connect(sender, &RequestSender::finished, this, &MainWindow::onRunFinished);
    connect(sender, &RequestSender::note, this,
        [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(sender, &RequestSender::notSent, this,
        [this](RequestTab *tab, const QString &text, bool isHint) {
            if (tab == tabs()->current())
                showSendProblem(text, isHint ? ErrorBanner::Kind::Info : ErrorBanner::Kind::Error);
        });
    if (m_cookies)
        sender->setCookies(m_cookies);

    connect(panel, &CollectionPanel::activated, this,
        [this, workspace] { setCurrentWorkspace(workspace); });
    connect(panel, &CollectionPanel::itemChosen, this, [this, workspace](const QModelIndex &index) {
        setCurrentWorkspace(workspace);
        onItemChosen(index);
    });
    connect(panel, &CollectionPanel::openRequested, this, &MainWindow::chooseCollectionFile);
    connect(panel, &CollectionPanel::retryRequested, this,
        [this, workspace] { retryUnopened(workspace); });
    connect(panel, &CollectionPanel::filterClearRequested, m_filter, &QLineEdit::clear);
    panel->setFilter(m_filter->text());
    connect(panel, &CollectionPanel::closeRequested, this,
        [this, workspace] { closeCollection(workspace); });
    connect(panel, &CollectionPanel::runFolderRequested, this,
        [this, workspace](const QList<int> &folder) {
            setCurrentWorkspace(workspace);
            openRunner(folder);
        });
    connect(panel, &CollectionPanel::editFolderRequested, this,
        [this, workspace](const QList<int> &folder) {
            setCurrentWorkspace(workspace);
            openItemSettings(folder);
        });

    connect(requestTabs, &RequestTabs::tabOpened, this,
        [this, requestTabs](RequestTab *tab) { onTabOpened(requestTabs, tab); });
    connect(requestTabs, &RequestTabs::currentTabChanged, this, [this, isCurrent](RequestTab *tab) {
        if (isCurrent())
            onTabChanged(tab);
    });
    connect(requestTabs, &RequestTabs::requestEdited, this, [this](RequestTab *tab) {
        if (tab == tabs()->current())
            updateVariables();
    });
    requestTabs->setSaver([this](RequestTab *tab) { return saveTab(tab); });
    connect(requestTabs->actions().constFirst(), &QAction::triggered, this,
        [this] { tabs()->current()->editor()->focusUrl(); });
    if (m_confirmTabClose)
        requestTabs->setCloseConfirmer(m_confirmTabClose);
    requestTabs->newScratch();
    return workspace;
}

CollectionWorkspace *MainWindow::workspaceForNew()
{
    if (m_workspace->isBlank())
        return m_workspace;
    CollectionWorkspace *workspace = addWorkspace();
    setCurrentWorkspace(workspace);
    return workspace;
}

void MainWindow::removeWorkspace(CollectionWorkspace *workspace)
{
    const qsizetype at = m_workspaces.indexOf(workspace);
    if (at < 0)
        return;
    for (RequestTab *tab : workspace->tabs()->tabs()) {
        if (tab->run().session)
            tab->run().session->cancel();
    }
    m_workspaces.removeAt(at);
    if (m_workspaces.isEmpty())
        addWorkspace();
    if (workspace == m_workspace) {
        m_workspace = nullptr;
        setCurrentWorkspace(m_workspaces.at(std::min(at, m_workspaces.size() - 1)));
    }
    delete workspace;
    updateTitle(); // the filter goes with the last collection
}

CollectionWorkspace *MainWindow::workspaceWithFile(const QString &path) const
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (canonical.isEmpty())
        return nullptr; // no such file yet
    for (CollectionWorkspace *workspace : m_workspaces) {
        const QString open = workspace->document()->path();
        if (!open.isEmpty() && QFileInfo(open).canonicalFilePath() == canonical)
            return workspace;
    }
    return nullptr;
}

CollectionWorkspace *MainWindow::workspaceOf(const RequestTab *tab) const
{
    for (CollectionWorkspace *workspace : m_workspaces) {
        if (workspace->tabs()->tabs().contains(tab))
            return workspace;
    }
    return m_workspace;
}

void MainWindow::setCurrentWorkspace(CollectionWorkspace *workspace)
{
    if (workspace == m_workspace || !m_workspaces.contains(workspace))
        return;
    CollectionWorkspace *previous = m_workspace;
    m_workspace = workspace;
    for (CollectionWorkspace *each : m_workspaces)
        each->panel()->setCurrent(each == workspace);
    m_undo->setCollectionStack(workspace->undoStack());
    m_tabStack->setCurrentWidget(workspace->tabs());
    showWorkspaceActions(previous);
    if (m_credentials)
        m_credentials->setDocument(workspace->document());
    if (m_variables)
        m_variables->setDocument(workspace->document());
    setWindowModified(workspace->isModified());
    updateTitle();
    onTabChanged(workspace->tabs()->current());
}

void MainWindow::showWorkspaceActions(CollectionWorkspace *previous)
{
    if (previous) {
        for (QAction *action : previous->panel()->editActions())
            m_collectionMenu->removeAction(action);
        m_collectionMenu->removeAction(previous->panel()->editFolderAction());
        for (QAction *action : previous->tabs()->actions())
            m_requestMenu->removeAction(action);
    }
    m_collectionMenu->insertActions(m_collectionActionsEnd, m_workspace->panel()->editActions());
    m_collectionMenu->insertAction(
        m_editCollectionAction, m_workspace->panel()->editFolderAction());
    m_requestMenu->insertActions(m_tabActionsEnd, m_workspace->tabs()->actions());
}

bool MainWindow::closeCollection(CollectionWorkspace *workspace)
{
    if (!m_workspaces.contains(workspace))
        return false;
    if (workspace->document()->isSaving()) {
        statusBar()->showMessage(
            tr("\"%1\" is being saved; close it once the keychain has answered.")
                .arg(workspace->name()),
            5000);
        return false;
    }
    // Its scratch requests first (one may be saved into the collection), then the collection.
    for (RequestTab *tab : workspace->tabs()->tabs()) {
        if (tab->isScratch() && workspace->tabs()->isModified(tab)
            && !workspace->tabs()->closeTab(tab))
            return false;
    }
    if (!confirmDiscard(workspace))
        return false;
    removeWorkspace(workspace);
    return true;
}

void MainWindow::finishStartup()
{
    if (m_startupFinished)
        return;
    m_startupFinished = true;
    if (const Status opened = m_stores->openHistory(); !opened)
        statusBar()->showMessage(opened.error());
    // Cookies: a jar per environment, kept on disk for the user only (one store for all windows).
    m_cookies = m_stores->cookies();
    connect(m_cookies, &CookieStore::problemOccurred, this,
        [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    for (CollectionWorkspace *workspace : m_workspaces)
        workspace->sender()->setCookies(m_cookies);
    if (!m_cookies->problem().isEmpty())
        m_banner->showMessage(m_cookies->problem());
}

CredentialsPanel *MainWindow::credentialsPanel()
{
    if (!m_credentials) {
        m_credentials = new CredentialsPanel(m_secrets, m_sending, this);
        // The panel re-flows (list above the form) when narrow: let the dock be narrower than its
        // hint.
        m_credentials->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        m_credentials->setMinimumWidth(380);
        m_credentials->setDocument(document());
        m_credentialsDock->setWidget(m_credentials);
    }
    return m_credentials;
}

VariablesPanel *MainWindow::variablesPanel()
{
    if (!m_variables) {
        m_variables = new VariablesPanel(m_secrets, this);
        m_variables->setDocument(document());
        m_variables->setEnvironments(m_environments, m_environmentUndo);
        m_variablesDock->setWidget(m_variables);
        updateVariables(); // the request on screen
    }
    return m_variables;
}

EnvironmentEditorDialog *MainWindow::environmentEditor()
{
    // Made the first time it is asked for: most sessions never open it.
    if (!m_environmentEditor)
        m_environmentEditor
            = new EnvironmentEditorDialog(m_environments, m_secrets, m_environmentUndo, this);
    return m_environmentEditor;
}

void MainWindow::setTabCloseConfirmer(RequestTabs::CloseConfirmer confirmer)
{
    m_confirmTabClose = std::move(confirmer);
    for (CollectionWorkspace *workspace : m_workspaces)
        workspace->tabs()->setCloseConfirmer(m_confirmTabClose);
}

CollectionDocument *MainWindow::document() const
{
    return m_workspace->document();
}

CollectionTreeModel *MainWindow::model() const
{
    return m_workspace->model();
}

RequestTabs *MainWindow::tabs() const
{
    return m_workspace->tabs();
}

CollectionTreeModel *MainWindow::collectionModel() const
{
    return model();
}

RequestTabs *MainWindow::requestTabs() const
{
    return tabs();
}

void MainWindow::onTabOpened(RequestTabs *tabs, RequestTab *tab)
{
    RequestEditor *editor = tab->editor();
    connect(editor, &RequestEditor::sendRequested, tab, [this, tab] { sendTab(tab); });
    connect(editor, &RequestEditor::cancelRequested, tab, [tab] {
        if (tab->run().session)
            tab->run().session->cancel();
    });
    connect(editor, &RequestEditor::requestPasted, tab,
        [this, tab](const ImportedRequest &imported) { onRequestPasted(tab, imported); });
    connect(editor, &RequestEditor::pasteFailed, tab, [this](const QString &error) {
        showSendProblem(tr("The pasted curl command could not be read: %1").arg(error));
    });
    connect(editor, &RequestEditor::authEdited, tab,
        [this, tabs, tab](const std::optional<AuthSpec> &auth) {
            tabs->submitAuth(tab, auth);
            updateVariables();
        });
    connect(editor, &RequestEditor::descriptionEdited, tab,
        [tabs, tab](const QString &description) { tabs->submitDescription(tab, description); });
    // The request's own settings (redirects, timeout, TLS, CA file, proxy), undoable.
    connect(
        editor->settingsEditor(), &RequestSettingsEditor::settingsEdited, tab, [this, tabs, tab] {
            tabs->submitSettings(tab, tab->editor()->settingsEditor()->settings());
            updateVariables();
        });
}

void MainWindow::onTabChanged(RequestTab *tab)
{
    // A send problem belongs to the request it happened to; another tab starts clean.
    if (m_bannerIsAboutSend) {
        m_banner->clear();
        m_bannerIsAboutSend = false;
    }
    m_workspace->panel()->select(
        isCollectionRequest(tab) ? QModelIndex(tab->item()) : QModelIndex());
    updateSendAction();
    updateVariables();
}

bool MainWindow::isCollectionRequest(const RequestTab *tab) const
{
    return !tab->isScratch() && tab->item().isValid();
}

void MainWindow::updateSendAction()
{
    if (m_sendAction)
        m_sendAction->setText(tabs()->current()->run().session ? tr("&Cancel") : tr("&Send"));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open
        = file->addAction(tr("&Open collection…"), this, &MainWindow::chooseCollectionFile);
    open->setObjectName(QStringLiteral("openCollectionAction"));
    open->setShortcut(QKeySequence::Open);
    QAction *import = file->addAction(tr("&Import…"), this, &MainWindow::openImportDialog);
    import->setObjectName(QStringLiteral("importAction"));
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setToolTip(tr("Requests from a curl command, a .http file, an OpenAPI document, docs "
                          "Markdown or a Postman collection"));
    QAction *openEnvironment
        = file->addAction(tr("Open &environment…"), this, &MainWindow::chooseEnvironmentFile);
    openEnvironment->setObjectName(QStringLiteral("openEnvironmentAction"));
    openEnvironment->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addAction(tr("New en&vironment…"), this, [this] { environmentEditor()->createNew(); })
        ->setObjectName(QStringLiteral("newEnvironmentAction"));
    file->addAction(findChild<QAction *>(QStringLiteral("editEnvironmentAction")));
    m_recentFiles = new RecentFiles(this);
    auto *recent = new RecentFilesMenu(m_recentFiles, this);
    file->addMenu(recent);
    connect(recent, &RecentFilesMenu::openRequested, this,
        [this](const QString &path, RecentFiles::Kind kind) {
            if (kind == RecentFiles::Kind::Environment)
                this->openEnvironment(path);
            else
                openCollection(path);
        });
    connect(recent, &RecentFilesMenu::message, this,
        [this](const QString &text) { m_banner->showMessage(text, ErrorBanner::Kind::Info); });
    QAction *newWindowAction = file->addAction(tr("New &window"), this, [this] { newWindow(); });
    newWindowAction->setObjectName(QStringLiteral("newWindowAction"));
    newWindowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    newWindowAction->setToolTip(
        tr("Another window, for another collection; drag requests from one to the other"));
    QAction *newCollection
        = file->addAction(tr("&New collection"), this, &MainWindow::newCollection);
    QAction *fromTemplate = file->addAction(
        tr("New from &template (Digishare API)"), this, &MainWindow::newFromTemplate);
    fromTemplate->setObjectName(QStringLiteral("newFromTemplateAction"));
    newCollection->setObjectName(QStringLiteral("newCollectionAction"));
    // On a scratch tab the request is saved into the collection first.
    m_saveAction = file->addAction(tr("&Save"), this, [this] { saveTab(tabs()->current()); });
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAsAction
        = file->addAction(tr("Save &as…"), this, [this] { chooseSaveFile(m_workspace); });
    m_saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    QAction *closeCollectionAction
        = file->addAction(tr("C&lose collection"), this, [this] { closeCollection(m_workspace); });
    closeCollectionAction->setObjectName(QStringLiteral("closeCollectionAction"));
    file->addSeparator();
    QAction *closeWindow = file->addAction(tr("&Close window"), this, &QWidget::close);
    closeWindow->setObjectName(QStringLiteral("closeWindowAction"));
    closeWindow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    // Every window, each asking about its unsaved edits; one kept open stops the rest.
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::quit);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // The current collection's edits and the environments' in the order they were made.
    QAction *undo = m_undo->undoAction();
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->redoAction();
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo });
    edit->addAction(undo);
    edit->addAction(redo);

    // The current collection's edit actions go before m_collectionActionsEnd.
    QMenu *collection = m_collectionMenu = menuBar()->addMenu(tr("&Collection"));
    m_collectionActionsEnd = collection->addSeparator();
    QAction *saveTo = collection->addAction(
        tr("&Save request to collection…"), this, &MainWindow::saveToCollection);
    saveTo->setObjectName(QStringLiteral("saveToCollectionAction"));
    QAction *run = collection->addAction(tr("&Run collection…"), this, [this] { openRunner({}); });
    run->setObjectName(QStringLiteral("runCollectionAction"));
    // The current collection's "Edit folder…" goes before this one.
    m_editCollectionAction
        = collection->addAction(tr("Edit c&ollection…"), this, [this] { openItemSettings({}); });
    m_editCollectionAction->setObjectName(QStringLiteral("editCollectionAction"));

    QMenu *request = m_requestMenu = menuBar()->addMenu(tr("&Request"));
    m_sendAction = request->addAction(tr("&Send"), this, [this] {
        if (tabs()->current()->run().session)
            cancel();
        else
            send();
    });
    m_sendAction->setObjectName(QStringLiteral("sendAction"));
    m_sendAction->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) });
    m_sendAction->setShortcutContext(Qt::WindowShortcut);
    // Per request, as Postman keeps it (protocolProfileBehavior.strictSSL); every response sent
    // without checks says so.
    m_verifyTlsAction = request->addAction(tr("&Verify TLS certificates"));
    m_verifyTlsAction->setObjectName(QStringLiteral("verifyTlsAction"));
    m_verifyTlsAction->setCheckable(true);
    m_verifyTlsAction->setChecked(true);
    connect(m_verifyTlsAction, &QAction::triggered, this, [this](bool verify) {
        RequestTab *tab = tabs()->current();
        if (isCollectionRequest(tab))
            document()->submit(std::make_unique<SetTlsVerificationCommand>(
                document()->collection(), model()->rowPath(tab->item()), verify));
        else
            tab->scratch().extra = TlsSetting::withVerification(tab->scratch().extra, verify);
        updateVariables();
    });
    QAction *cookies = request->addAction(tr("C&ookies…"), this, [this] {
        finishStartup();
        const Environment *environment = m_environments->chosen();
        const QString name = environment ? environment->name : QString();
        auto *dialog = new CookieManagerDialog(m_cookies->jar(name), name, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    cookies->setObjectName(QStringLiteral("cookiesAction"));
    QAction *focusUrl = request->addAction(
        tr("Edit &URL"), this, [this] { tabs()->current()->editor()->focusUrl(); });
    focusUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *find = request->addAction(
        tr("&Find in response"), this, [this] { tabs()->current()->response()->focusFind(); });
    find->setShortcut(QKeySequence::Find);
    // The current collection's tab actions go before m_tabActionsEnd.
    request->addSeparator();
    m_tabActionsEnd = request->addSeparator();
    auto *exports = new ExportActions(
        this, m_secrets,
        [this] {
            return ExportSource(model()->hasCollection() ? &model()->collection() : nullptr,
                tabs()->pathOf(tabs()->current()), m_environments->chosen());
        },
        [this] {
            const RequestTab *tab = tabs()->current();
            return ExportActions::ShownExchange { tab->response()->exchange(),
                tab->shownSecrets() };
        });
    request->addActions(exports->actions());
    connect(exports, &ExportActions::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10'000); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *credentials = m_credentialsDock->toggleViewAction();
    credentials->setText(tr("&Credentials"));
    credentials->setObjectName(QStringLiteral("credentialsAction"));
    credentials->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    QAction *variables = m_variablesDock->toggleViewAction();
    variables->setText(tr("&Variables"));
    variables->setObjectName(QStringLiteral("variablesAction"));
    variables->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    // A dock's panel is made the first time the dock opens (the action, or a dock shown).
    connect(credentials, &QAction::toggled, this, [this](bool on) {
        if (on)
            credentialsPanel();
    });
    connect(m_credentialsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            credentialsPanel();
    });
    connect(variables, &QAction::toggled, this, [this](bool on) {
        if (on)
            variablesPanel();
    });
    connect(credentials, &QAction::toggled, this, [this](bool on) {
        if (on) // leave the request and response most of the room, once the dock is laid out
            QMetaObject::invokeMethod(
                this,
                [this] {
                    resizeDocks(
                        { m_credentialsDock }, { std::max(420, width() / 3) }, Qt::Horizontal);
                },
                Qt::QueuedConnection);
    });
    view->addAction(credentials);
    view->addAction(variables);
    // Like the credentials: room for names and values, once the dock is laid out.
    connect(m_variablesDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible)
            return;
        variablesPanel();
        QMetaObject::invokeMethod(
            this,
            [this] {
                resizeDocks({ m_variablesDock }, { std::max(420, width() / 3) }, Qt::Horizontal);
            },
            Qt::QueuedConnection);
    });
    view->addSeparator();
    view->addMenu(new ThemeMenu(this));
    menuBar()->addMenu(new HelpMenu(this));
}

void MainWindow::openRunner(const QList<int> &folder)
{
    // The runner runs a copy of the collection as it is now, through the same send service.
    if (!model()->hasCollection()) {
        statusBar()->showMessage(tr("Open or create a collection first."), 5000);
        return;
    }
    (new RunnerDialog(model()->collection(), folder, m_environments, m_sending, this))->show();
}

void MainWindow::openItemSettings(const QList<int> &path)
{
    if (!model()->hasCollection()) {
        statusBar()->showMessage(tr("Open or create a collection first."), 5000);
        return;
    }
    auto *dialog = new ItemSettingsDialog(document(), m_secrets, path, this);
    // It edits this collection only: closing the collection closes it.
    connect(document(), &QObject::destroyed, dialog, [dialog] { delete dialog; });
    dialog->show();
}

void MainWindow::chooseEnvironmentFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Postman environment"),
        QString(), tr("Postman environments (*.json);;All files (*)"));
    if (!path.isEmpty())
        openEnvironment(path);
}

void MainWindow::openEnvironment(const QString &path)
{
    if (const Status opened = m_environments->open(path); !opened) {
        m_banner->showMessage(tr("Could not open the environment. %1").arg(opened.error()));
        m_bannerIsAboutSend = false;
        return;
    }
    m_recentFiles->add(path, RecentFiles::Kind::Environment);
    statusBar()->showMessage(
        tr("Environment: %1")
            .arg(m_environments->data(m_environments->index(m_environments->chosenRow()))
                     .toString()),
        5000);
}

void MainWindow::chooseCollectionFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Postman collection"),
        document()->path().isEmpty() ? QString() : QFileInfo(document()->path()).absolutePath(),
        tr("Postman collections (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path); // another format chosen here is imported
}

void MainWindow::chooseSaveFile(CollectionWorkspace *workspace)
{
    const QString current = workspace->document()->path();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save collection as"),
        current.isEmpty() ? QStringLiteral("collection.postman_collection.json") : current,
        tr("Postman collections (*.json)"));
    if (!path.isEmpty())
        saveWorkspaceAs(workspace, path);
}

void MainWindow::openCollection(const QString &path)
{
    // Open already: it is made current, with the edits it has.
    if (CollectionWorkspace *open = workspaceWithFile(path)) {
        setCurrentWorkspace(open);
        statusBar()->showMessage(tr("%1 is open already").arg(QFileInfo(path).fileName()), 5000);
        return;
    }
    // Read before a place is made for it: a file that cannot be read changes nothing.
    Result<Collection> read = PostmanReader::readCollectionFile(path);
    if (!read) {
        // The error names the file and, for bad JSON, the line and column.
        m_banner->showMessage(tr("Could not open the collection. %1").arg(read.error()));
        m_bannerIsAboutSend = false;
        return;
    }
    loadInto(workspaceForNew(), std::move(read).value(), path);
    m_banner->clear();
    const int requests = static_cast<int>(flattenRequests(model()->collection().items).size());
    statusBar()->showMessage(tr("Opened %1: %2 %3")
                                 .arg(QFileInfo(path).fileName())
                                 .arg(requests)
                                 .arg(requests == 1 ? tr("request") : tr("requests")),
        5000);
    if (model()->collection().hasScripts())
        m_banner->showMessage(tr("This collection has pre-request or test scripts. They are kept "
                                 "in the file but not run."),
            ErrorBanner::Kind::Info);
}

void MainWindow::newCollection()
{
    Collection empty;
    empty.name = tr("New collection");
    startDocument(std::move(empty));
}

void MainWindow::newFromTemplate()
{
    // The Digishare docs' playground, as shipped in the program. A copy of its own: a new id, so
    // its secrets are never those of another copy; Save asks where to put it.
    QFile bundled(QStringLiteral(":/digishare.postman_collection.json"));
    const Result<QJsonObject> json = bundled.open(QIODevice::ReadOnly)
        ? JsonFile::parseObject(bundled.readAll(), tr("the Digishare template"))
        : Result<QJsonObject>::failure(bundled.errorString());
    Result<Collection> read = json
        ? PostmanReader::readCollection(json.value(), tr("the Digishare template"))
        : Result<Collection>::failure(json.error());
    if (!read) {
        m_banner->showMessage(tr("Could not open the template: %1").arg(read.error()));
        return;
    }
    Collection copy = std::move(read).value();
    copy.postmanId.clear();
    startDocument(std::move(copy))->document()->ensureId(); // and it is unsaved: closing asks
}

void MainWindow::openFile(const QString &path)
{
    // Its start tells its kind; what opens or imports it reads it whole (the import off this
    // thread).
    const Result<QByteArray> bytes = InputFile::readStart(path, CollectionImport::KindBytes);
    if (!bytes) {
        m_banner->showMessage(tr("Could not open the file. %1").arg(bytes.error()));
        m_bannerIsAboutSend = false;
        return;
    }
    switch (CollectionImport::kindOf(bytes.value(), path)) {
    case CollectionImport::FileKind::PostmanCollection:
        openCollection(path);
        return;
    case CollectionImport::FileKind::PostmanEnvironment:
        openEnvironment(path);
        return;
    case CollectionImport::FileKind::Importable:
        openImportDialog()->importFile(path);
        return;
    case CollectionImport::FileKind::Unknown:
        m_banner->showMessage(tr("%1 is none of what can be opened or imported: %2, or a Postman "
                                 "environment.")
                                  .arg(QFileInfo(path).fileName(), CollectionImport::formats()));
        m_bannerIsAboutSend = false;
        return;
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    for (const QString &path : paths)
        openFile(path);
}

ImportDialog *MainWindow::openImportDialog()
{
    auto *dialog = new ImportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, &MainWindow::openImported);
    dialog->show();
    return dialog;
}

void MainWindow::openImported(const ImportedCollection &imported, const QString &origin)
{
    Collection copy = imported.collection;
    if (copy.name.trimmed().isEmpty())
        copy.name = QFileInfo(origin).completeBaseName();
    copy.postmanId.clear(); // a copy: its secrets are never the original file's
    CollectionWorkspace *workspace = startDocument(std::move(copy));
    workspace->document()->ensureId(); // and it is unsaved: closing asks
    // Its first request in the preview tab: a pasted command is on screen at once.
    if (const QModelIndex first = model()->firstRequest(); first.isValid())
        tabs()->openItem(first);
    const int requests = int(flattenRequests(model()->collection().items).size());
    statusBar()->showMessage(tr("Imported %1 %2 from %3; not saved yet")
                                 .arg(requests)
                                 .arg(requests == 1 ? tr("request") : tr("requests"), origin),
        8000);
}

void MainWindow::openBundledCollection()
{
    // A file of its own in the app's data folder, written once: edits are saved there, and a
    // user who only looks is not asked to save anything.
    const QString path = PrivateFolder::filePath(
        QStandardPaths::AppDataLocation, QStringLiteral("Digishare API.postman_collection.json"));
    if (QFileInfo::exists(path)) {
        openCollection(path);
        return;
    }
    newFromTemplate();
    if (model()->hasCollection() && saveCollectionAs(path))
        statusBar()->showMessage(
            tr("The Digishare API collection is ready to try; it is kept in %1")
                .arg(QDir::toNativeSeparators(path)),
            10'000);
}

CollectionWorkspace *MainWindow::startDocument(Collection collection)
{
    CollectionWorkspace *workspace = workspaceForNew();
    loadInto(workspace, std::move(collection), {});
    m_banner->clear();
    return workspace;
}

void MainWindow::loadInto(
    CollectionWorkspace *workspace, Collection collection, const QString &path)
{
    workspace->clearUnopened();
    workspace->document()->load(std::move(collection), path);
    workspace->undoStack()->clear();
    workspace->sender()->collectionChanged(); // a send waiting for the keychain is dropped
    if (!path.isEmpty())
        m_recentFiles->add(path, RecentFiles::Kind::Collection);
    updateTitle();
}

void MainWindow::retryUnopened(CollectionWorkspace *workspace)
{
    if (!workspace->unopened())
        return;
    const TabSession::Workspace saved = *workspace->unopened();
    setCurrentWorkspace(workspace);
    Result<Collection> read = PostmanReader::readCollectionFile(saved.collectionPath);
    if (!read) {
        workspace->setUnopened(saved, read.error());
        return;
    }
    loadInto(workspace, std::move(read).value(), saved.collectionPath);
    workspace->tabs()->restore(saved);
}

void MainWindow::saveToCollection()
{
    saveRequestToCollection(tabs()->current());
}

bool MainWindow::saveRequestToCollection(RequestTab *tab)
{
    setCurrentWorkspace(workspaceOf(tab));
    if (!model()->hasCollection()) {
        m_banner->showMessage(tr("Not saved: open or create a collection first (File menu), then "
                                 "save the request into it."),
            ErrorBanner::Kind::Info);
        m_bannerIsAboutSend = false;
        return false;
    }
    if (!tab->isScratch()) {
        statusBar()->showMessage(tr("This request is already in the collection."), 5000);
        return false;
    }
    const RequestSpec &scratch = tab->scratch().request;
    QString suggested = scratch.name;
    if (suggested.isEmpty())
        suggested = scratch.url.raw().trimmed().isEmpty() ? tr("New request")
                                                          : scratch.url.raw().trimmed();
    const std::optional<QString> name = m_nameRequest ? m_nameRequest(suggested) : suggested;
    if (!name)
        return false;
    const std::optional<QList<int>> folder = m_workspace->panel()->chooseFolder();
    if (!folder)
        return false;
    RequestSpec request = scratch;
    request.name = *name;
    auto command = CollectionEdits::addRequest(model()->collection(), *folder, request);
    const QList<int> path = command->path();
    document()->submit(std::move(command));
    const QModelIndex saved = model()->indexAt(path);
    // The tab shows the collection's request now: edits go to the collection.
    tab->setItem(saved);
    tabs()->keep(tab);
    tabs()->reload(tab);
    m_workspace->panel()->select(saved);
    updateVariables();
    return true;
}

bool MainWindow::saveTab(RequestTab *tab)
{
    CollectionWorkspace *workspace = workspaceOf(tab);
    // An empty scratch tab has nothing of its own: Save saves the collection.
    if (tab->isScratch() && workspace->tabs()->isModified(tab) && !saveRequestToCollection(tab))
        return false;
    return saveWorkspace(workspace);
}

QString MainWindow::collectionPath() const
{
    return document()->path();
}

bool MainWindow::saveCollection()
{
    return saveWorkspace(m_workspace);
}

bool MainWindow::saveCollectionAs(const QString &path)
{
    return saveWorkspaceAs(m_workspace, path);
}

bool MainWindow::saveWorkspace(CollectionWorkspace *workspace)
{
    CollectionDocument *document = workspace->document();
    if (!workspace->model()->hasCollection()) {
        m_banner->showMessage(tr("Nothing to save: open or create a collection first (File menu)."),
            ErrorBanner::Kind::Info);
        m_bannerIsAboutSend = false;
        return false;
    }
    if (document->path().isEmpty()) {
        chooseSaveFile(workspace);
        return !document->isDirty();
    }
    return saveWorkspaceAs(workspace, document->path());
}

bool MainWindow::saveWorkspaceAs(CollectionWorkspace *workspace, const QString &path)
{
    CollectionDocument *document = workspace->document();
    if (!workspace->model()->hasCollection() || document->isSaving())
        return false;
    // Two collections of the sidebar writing one file: the later save would undo the other's.
    if (CollectionWorkspace *other = workspaceWithFile(path); other && other != workspace) {
        m_banner->showMessage(tr("Not saved: %1 is the file of \"%2\", open in the sidebar. Close "
                                 "it first, or save under another name.")
                                  .arg(QFileInfo(path).fileName(), other->name()));
        m_bannerIsAboutSend = false;
        return false;
    }
    if (m_credentials && workspace == m_workspace) // edits still in its form belong to this save
        m_credentials->saveCurrent();
    // Secret variables go to the keychain first; the file is written when it answers, without
    // blocking the window. The save is done now unless the keychain has to answer first.
    // The window outlives the document's callback: a collection being saved is not closed.
    document->save(path, m_secrets, [this, path](const CollectionDocument::SaveOutcome &saved) {
        if (!saved.written) {
            m_banner->showMessage(tr("Not saved. %1").arg(saved.written.error()));
            m_closeAfterSave = false;
            return;
        }
        statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
        m_recentFiles->add(path, RecentFiles::Kind::Collection);
        if (!saved.notPersisted.isEmpty())
            m_banner->showMessage(tr("Secret variables are saved without their values; the values "
                                     "are kept for this session only (%1).")
                                      .arg(m_secrets->statusText()),
                ErrorBanner::Kind::Info);
        updateTitle();
        Q_EMIT collectionSaved(path);
        if (m_closeAfterSave)
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
    });
    return !document->isSaving() && !document->isDirty();
}

void MainWindow::onItemChosen(const QModelIndex &index)
{
    tabs()->openItem(index);
}

void MainWindow::showSendProblem(const QString &text, ErrorBanner::Kind kind)
{
    m_banner->showMessage(text, kind);
    m_bannerIsAboutSend = true;
}

void MainWindow::openFromHistory(HistoryEntryId id, bool sendAgain)
{
    finishStartup();
    const Result<HistoryEntry> entry = m_history->entry(id);
    if (!entry) {
        showSendProblem(entry.error());
        return;
    }
    // From the open collection: its request (current version), with its variables and
    // credentials. Anything else comes back as a scratch request: variables, never credentials.
    RequestTab *tab = nullptr;
    for (CollectionWorkspace *workspace : m_workspaces) {
        const CollectionTreeModel *open = workspace->model();
        if (entry->collectionId.isEmpty() || !open->hasCollection()
            || entry->collectionId != open->collection().postmanId)
            continue;
        const QModelIndex item = open->indexAt(open->pathOfNames(entry->summary.itemPath));
        if (!item.isValid())
            continue;
        setCurrentWorkspace(workspace);
        tab = tabs()->openItem(item, false);
        break;
    }
    if (!tab) {
        CollectionItem scratch;
        scratch.request = entry->request;
        tab = tabs()->showScratch(scratch);
    }
    if (sendAgain)
        sendTab(tab);
    else {
        tab->setShownSecrets({}); // recorded redacted
        tab->response()->showExchange(entry->exchange);
    }
}

void MainWindow::onRequestPasted(RequestTab *tab, const ImportedRequest &imported)
{
    // Always a scratch request: a pasted command never changes a saved one behind the user's back,
    // and its credentials stay in memory for this session only.
    CollectionItem scratch;
    scratch.request = imported.request;
    if (tab->isScratch() && !tab->isSending()) {
        tab->setScratch(scratch);
        tabs()->reload(tab);
        updateVariables();
    } else {
        tabs()->newScratch(scratch);
    }
    QStringList notes { tr("Imported the curl command as a scratch request.") };
    notes += imported.warnings;
    m_banner->showMessage(notes.join(QLatin1Char(' ')),
        imported.warnings.isEmpty() ? ErrorBanner::Kind::Info : ErrorBanner::Kind::Warning);
    m_bannerIsAboutSend = true;
    m_bannerFailure = FailureKind::None;
}

void MainWindow::updateVariables()
{
    // The stored request (the editor's fields are in it already): its auth may have changed in
    // the credentials panel since the editor loaded it.
    RequestTab *tab = m_workspace ? tabs()->current() : nullptr;
    if (!tab)
        return; // the window is being made or deleted
    const bool inCollection = isCollectionRequest(tab);
    const CollectionItem *stored = inCollection ? model()->item(tab->item()) : nullptr;
    const RequestSpec &spec = tabs()->requestOf(tab);
    if (m_verifyTlsAction)
        m_verifyTlsAction->setChecked(TlsSetting::verifies(stored ? *stored : tab->scratch()));
    tab->editor()->settingsEditor()->setSettings(
        RequestSettings::of(stored ? *stored : tab->scratch()));
    const RequestPath path = tabs()->pathOf(tab);
    const Collection *collection = model()->hasCollection() ? &model()->collection() : nullptr;
    const AuthSpec auth = AuthApplier::effectiveAuth(path, inCollection ? collection : nullptr);

    const VariableScopes scopes
        = VariableScopes::forRequest(path, collection, m_environments->chosen(), {});
    const RequestVariables variables(spec, auth, scopes);
    QStringList known = variables.known();
    QStringList missing = variables.missing();
    // Secrets of the request's credentials: a value in the keychain counts as a value. What the
    // keychain holds is remembered until something is written, so typing never queries it.
    QStringList toAsk;
    if (collection && inCollection) {
        for (const QString &name : CollectionSecrets::namesFor(*collection, { path })) {
            if (!missing.contains(name))
                continue;
            const Result<QString> key = CollectionSecrets::keyFor(*collection, name);
            if (!key)
                continue; // never in the keychain: it stays missing
            const auto cached = m_storedSecrets.constFind(key.value());
            if (cached == m_storedSecrets.cend()) {
                toAsk.append(name);
            } else if (*cached) {
                missing.removeAll(name);
                known.append(name);
            }
        }
    }
    tab->editor()->setVariableNames(known, missing);
    QList<QList<int>> folderPaths;
    const QList<int> rowPath
        = isCollectionRequest(tab) ? model()->rowPath(tab->item()) : QList<int> {};
    for (qsizetype i = 1; i < rowPath.size(); ++i)
        folderPaths.append(rowPath.first(i));
    m_unresolvedHint->setMissing(
        missing, path.folders.isEmpty() ? QString() : path.folders.constLast()->name, collection);
    if (m_variables)
        m_variables->showRequest(spec, auth, path, folderPaths);
    tab->editor()->setVariableScopes(scopes);
    // "Not sent: unresolved" is stale once every variable has a value: the banner goes.
    if (m_bannerIsAboutSend && m_bannerFailure == FailureKind::Unresolved && missing.isEmpty()
        && toAsk.isEmpty()) {
        m_banner->clear();
        m_bannerIsAboutSend = false;
    }
    if (!toAsk.isEmpty()) {
        const QPointer<RequestTab> shown = tab;
        const Collection copy = *collection;
        CollectionSecrets::load(m_secrets, copy, toAsk, this,
            [this, shown, copy, toAsk](const VariableList &stored, const QStringList &) {
                for (const QString &name : toAsk) {
                    const bool found = std::any_of(stored.begin(), stored.end(),
                        [&](const Variable &v) { return v.key == name; });
                    if (const Result<QString> key = CollectionSecrets::keyFor(copy, name))
                        m_storedSecrets.insert(key.value(), found);
                }
                if (shown && shown == tabs()->current())
                    updateVariables();
            });
    }

    QString note;
    if (!auth.inherits() && auth.type != QLatin1String("noauth")) {
        QString from = tr("this request");
        if (!spec.auth || spec.auth->inherits()) {
            from = collection ? tr("the collection") : QString();
            for (const CollectionItem *folder : path.folders) {
                if (folder->auth && !folder->auth->inherits())
                    from = tr("folder \"%1\"").arg(folder->name);
            }
        }
        note = tr("Authorization: %1 from %2 is added when the request is sent.")
                   .arg(authTypeText(auth.type), from);
    }
    tab->editor()->setAuthNote(note);
    tab->editor()->setEffectiveAuth(auth);
}

void MainWindow::setVariableIn(const QString &name, RequestVariablesForm::Target target)
{
    switch (target) {
    case RequestVariablesForm::Target::Environment:
        environmentEditor()->editVariable(name);
        return;
    case RequestVariablesForm::Target::Collection:
        m_variablesDock->show();
        variablesPanel()->focusVariable(name);
        return;
    case RequestVariablesForm::Target::Folder:
        m_variablesDock->show();
        if (RequestTab *tab = tabs()->current(); !tab || !isCollectionRequest(tab))
            return;
        if (const QList<int> row = model()->rowPath(tabs()->current()->item()); row.size() > 1)
            variablesPanel()->focusFolderVariable(row.first(row.size() - 1), name);
        return;
    }
}

void MainWindow::send()
{
    sendTab(tabs()->current());
}

void MainWindow::sendTab(RequestTab *tab)
{
    if (tab->isSending())
        return;
    finishStartup(); // the history and the cookie jars, if a send comes first
    if (tab == tabs()->current()) {
        m_banner->clear();
        m_bannerIsAboutSend = false;
    }
    workspaceOf(tab)->sender()->send(tab);
}

void MainWindow::cancel()
{
    if (RequestTab *tab = tabs()->current(); tab && tab->run().session)
        tab->run().session->cancel();
}

void MainWindow::onRunFinished(RequestTab *tab, const Exchange &exchange)
{
    updateSendAction();
    if (tab != tabs()->current())
        return; // the banner speaks of the tab on screen; the response waits in its own tab
    if (exchange.failure == FailureKind::None || exchange.failure == FailureKind::Cancelled)
        return;
    // Say where each missing value can be given.
    QString hint;
    const Collection *collection = model()->hasCollection() ? &model()->collection() : nullptr;
    // The secrets of the request's credentials are set in the Credentials panel; any other
    // variable (secret ones too) in the Variables panel.
    QStringList credentialSecrets;
    if (collection && isCollectionRequest(tab)) {
        if (const auto profile = CredentialProfile::fromAuthSpec(
                AuthApplier::effectiveAuth(tabs()->pathOf(tab), collection)))
            credentialSecrets = profile->secretVariables();
    }
    const bool credentialMissing = exchange.failure == FailureKind::NoToken
        || std::any_of(exchange.unresolved.begin(), exchange.unresolved.end(),
            [&](const QString &name) { return credentialSecrets.contains(name); });
    if (credentialMissing)
        hint = tr(" — store secrets in View › Credentials (Ctrl+Shift+K).");
    else if (exchange.failure == FailureKind::Unresolved)
        hint = collection ? tr(" — give them a value in View › Variables (Ctrl+Shift+V).")
                          : tr(" — open a collection that defines them, or type the values.");
    if (exchange.failure == FailureKind::Unresolved && collection && !credentialMissing) {
        m_variablesDock->show();
        variablesPanel()->focusVariable(exchange.unresolved.constFirst());
    }
    if (exchange.failure == FailureKind::Tls)
        hint = tr(" — a development server with its own certificate: untick Request › Verify TLS "
                  "certificates for this request only.");
    const QString text = exchange.notSent() ? tr("Not sent. %1").arg(exchange.error)
                                            : ResponseFormatter::failureText(exchange);
    showSendProblem(text + hint);
    m_bannerFailure = exchange.failure;
}

void MainWindow::updateTitle()
{
    const bool open = model()->hasCollection();
    // Nothing to filter while no collection is open.
    m_filter->setVisible(std::any_of(m_workspaces.cbegin(), m_workspaces.cend(),
        [](const CollectionWorkspace *w) { return w->model()->hasCollection(); }));
    // Save stays on: on a scratch tab it saves the request into the collection, and without a
    // collection it says what to do first.
    m_saveAsAction->setEnabled(open);
    if (!open) {
        setWindowTitle(AppTitle);
        return;
    }
    QString name = m_workspace->name();
    name.replace(QLatin1String("[*]"), QLatin1String("[ * ]"));
    setWindowTitle(QStringLiteral("%1 — %2[*]").arg(AppTitle, name));
}

bool MainWindow::confirmDiscard(CollectionWorkspace *workspace)
{
    if (!workspace->isModified() || !m_confirmDiscard)
        return true;
    // Shown while asked: Save saves the current collection.
    setCurrentWorkspace(workspace);
    return m_confirmDiscard(workspace->name());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (CollectionWorkspace *workspace : m_workspaces) {
        if (workspace->document()->isSaving()) { // closes once the keychain answered
            m_closeAfterSave = true;
            event->ignore();
            return;
        }
    }
    for (CollectionWorkspace *workspace : m_workspaces) {
        if (!confirmDiscard(workspace)) {
            event->ignore();
            return;
        }
    }
    for (CollectionWorkspace *workspace : m_workspaces) {
        for (RequestTab *tab : workspace->tabs()->tabs()) {
            if (tab->run().session)
                tab->run().session->cancel();
        }
    }
    // The last window keeps the session (Quit wrote every window's already); a window closed
    // while others stay takes its collections with it.
    if (!m_sessionWritten && otherWindows().isEmpty())
        saveSession();
    // A secret or token written to the keychain just now is lost if the process ends first.
    m_secrets->waitForPendingWrites(PendingWritesTimeoutMs);
    event->accept();
}

QList<MainWindow *> MainWindow::otherWindows() const
{
    QList<MainWindow *> others;
    for (QWidget *top : QApplication::topLevelWidgets()) {
        auto *window = qobject_cast<MainWindow *>(top);
        if (window && window != this && window->m_stores == m_stores && window->isVisible())
            others.append(window);
    }
    return others;
}

QList<TabSession::Workspace> MainWindow::sessionWorkspaces() const
{
    QList<TabSession::Workspace> workspaces;
    for (CollectionWorkspace *workspace : m_workspaces) {
        if (workspace->unopened()) // kept as it was, for when its file is back
            workspaces.append(*workspace->unopened());
        else
            workspaces.append({ workspace->document()->path(), workspace->tabs()->sessionTabs(),
                workspace->tabs()->currentIndex() });
    }
    return workspaces;
}

void MainWindow::quit()
{
    // Every window's collections come back at the next start, in one window: written now, as
    // the windows close one after the other.
    const QList<MainWindow *> others = otherWindows();
    saveSession(others);
    for (MainWindow *window : others + QList<MainWindow *> { this })
        window->m_sessionWritten = true;
    QApplication::closeAllWindows();
    // One kept open (its edits): it writes the session again when it closes.
    for (MainWindow *window : others + QList<MainWindow *> { this })
        window->m_sessionWritten = false;
}

void MainWindow::saveSession(const QList<MainWindow *> &others)
{
    TabSession session;
    session.workspaces = sessionWorkspaces();
    session.currentWorkspace = int(m_workspaces.indexOf(m_workspace));
    for (const MainWindow *other : others) {
        for (const TabSession::Workspace &workspace : other->sessionWorkspaces()) {
            const bool twice = !workspace.collectionPath.isEmpty()
                && std::any_of(session.workspaces.cbegin(), session.workspaces.cend(),
                    [&](const TabSession::Workspace &kept) {
                        return kept.collectionPath == workspace.collectionPath;
                    });
            if (!twice)
                session.workspaces.append(workspace);
        }
    }
    session.windowGeometry = saveGeometry();
    session.splitterState = m_splitter->saveState();
    // The window is closing: a failure is only worth a line on stderr, the tabs open empty.
    if (const Status written = TabSession::write(TabSession::defaultPath(), session); !written)
        qWarning("%s", qPrintable(written.error()));
}

void MainWindow::restoreSession()
{
    const QString path = TabSession::defaultPath();
    if (!QFileInfo::exists(path)) {
        openBundledCollection(); // the first start
        return;
    }
    const Result<TabSession> session = TabSession::read(path);
    if (!session) {
        m_banner->showMessage(
            tr("The tabs of the last session could not be restored. %1").arg(session.error()),
            ErrorBanner::Kind::Warning);
        return;
    }
    restoreGeometry(session->windowGeometry);
    m_splitter->restoreState(session->splitterState);
    CollectionWorkspace *current = nullptr;
    QStringList problems;
    for (qsizetype i = 0; i < session->workspaces.size(); ++i) {
        TabSession::Workspace saved = session->workspaces.at(i);
        if (saved.collectionPath.isEmpty()) {
            // Scratch tabs only: requests of a collection never saved cannot be found again.
            saved.tabs.removeIf(
                [](const TabSession::Tab &tab) { return !tab.itemNames.isEmpty(); });
            m_workspace->tabs()->restore(saved);
        } else if (!workspaceWithFile(saved.collectionPath)) {
            Result<Collection> read = PostmanReader::readCollectionFile(saved.collectionPath);
            CollectionWorkspace *workspace = workspaceForNew();
            if (read) {
                loadInto(workspace, std::move(read).value(), saved.collectionPath);
                workspace->tabs()->restore(saved);
            } else {
                // Kept in the sidebar and the session: a share not mounted yet is back later.
                workspace->setUnopened(saved, read.error());
                problems.append(read.error());
            }
        }
        if (i == session->currentWorkspace)
            current = m_workspace;
    }
    setCurrentWorkspace(current);
    if (!problems.isEmpty())
        m_banner->showMessage(tr("Could not open %n collection(s) of the last session: %1 They "
                                 "stay in the sidebar: Try again once the file is back, or close "
                                 "them.",
            nullptr, int(problems.size()))
                                  .arg(problems.join(QLatin1Char(' '))));
}

} // namespace Playground
