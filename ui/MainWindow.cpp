#include "ui/MainWindow.h"

#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialProfile.h"
#include "app/document/CollectionDocument.h"
#include "app/document/CollectionEdits.h"
#include "app/document/EditRequestCommand.h"
#include "app/document/EnvironmentSet.h"
#include "app/document/SetAuthCommand.h"
#include "app/document/SetTlsVerificationCommand.h"
#include "app/formats/JsonFile.h"
#include "app/formats/PostmanReader.h"
#include "app/history/HistoryStore.h"
#include "app/model/CollectionTreeModel.h"
#include "app/model/TlsSetting.h"
#include "app/response/ResponseFormatter.h"
#include "app/secrets/SecretKey.h"
#include "app/secrets/SecretStore.h"
#include "app/secrets/SecretStoreFactory.h"
#include "app/send/SendService.h"
#include "app/send/SendSession.h"
#include "app/template/RequestVariables.h"
#include "ui/CollectionPanel.h"
#include "ui/CredentialsPanel.h"
#include "ui/DocumentUndoCommand.h"
#include "ui/ErrorBanner.h"
#include "ui/HelpMenu.h"
#include "ui/HistoryPanel.h"
#include "ui/KeychainStatusBar.h"
#include "ui/RequestEditor.h"
#include "ui/ResponseView.h"
#include "ui/ThemeMenu.h"
#include "ui/VariablesPanel.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
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
    : QMainWindow(parent)
    , m_document(new CollectionDocument(this))
    , m_undo(new QUndoStack(this))
    , m_model(new CollectionTreeModel(m_document, this))
    , m_secrets(store ? store : SecretStoreFactory::create(this))
    , m_sending(new SendService(m_secrets, this))
    , m_panel(new CollectionPanel(m_model, this))
    , m_editor(new RequestEditor(this))
    , m_response(new ResponseView(this))
    , m_banner(new ErrorBanner(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));

    auto *requestSplitter = new QSplitter(Qt::Vertical, this);
    requestSplitter->setObjectName(QStringLiteral("requestSplitter"));
    requestSplitter->addWidget(m_editor);
    requestSplitter->addWidget(m_response);
    requestSplitter->setStretchFactor(0, 2);
    requestSplitter->setStretchFactor(1, 3);
    requestSplitter->setChildrenCollapsible(false);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 8, 0, 0);
    rightLayout->setSpacing(0);
    // The editor and response view have 8 px margins of their own; the banner lines up with them.
    auto *bannerRow = new QHBoxLayout;
    bannerRow->setContentsMargins(8, 0, 8, 0);
    bannerRow->addWidget(m_banner);
    rightLayout->addLayout(bannerRow);
    rightLayout->addWidget(requestSplitter, 1);

    // The sidebar: the collection, and every past send.
    m_history = new HistoryStore({}, this);
    if (const Status opened = m_history->open(); !opened)
        statusBar()->showMessage(opened.error());
    m_historyPanel = new HistoryPanel(m_history, this);
    auto *sidebar = new QTabWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebarTabWidget"));
    sidebar->setDocumentMode(true);
    sidebar->addTab(m_panel, tr("Collection"));
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
    m_credentials = new CredentialsPanel(m_secrets, m_sending, this);
    m_credentialsDock = new QDockWidget(tr("Credentials"), this);
    m_credentialsDock->setObjectName(QStringLiteral("credentialsDockWidget"));
    // The panel re-flows (list above the form) when narrow: let the dock be narrower than its hint.
    m_credentials->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_credentials->setMinimumWidth(380);
    m_credentialsDock->setWidget(m_credentials);
    addDockWidget(Qt::RightDockWidgetArea, m_credentialsDock);
    m_credentialsDock->hide();
    m_credentials->setDocument(m_document);
    // Every edit of the document goes through the undo stack, which applies it.
    m_document->setCommandSink([this](std::unique_ptr<DocumentCommand> command) {
        m_undo->push(new DocumentUndoCommand(m_document, std::move(command)));
    });
    connect(m_document, &CollectionDocument::dirtyChanged, this, &QWidget::setWindowModified);
    connect(m_document, &CollectionDocument::changed, this, &MainWindow::onDocumentChanged);
    connect(m_document, &CollectionDocument::savingChanged, this, [this](bool saving) {
        if (saving)
            statusBar()->showMessage(tr("Saving… (waiting for the keychain)"));
    });
    // A secret just stored changes what the request is missing.
    connect(m_secrets, &SecretStore::pendingWritesFinished, this, [this] {
        m_storedSecrets.clear();
        updateVariables();
    });

    m_variables = new VariablesPanel(m_secrets, this);
    m_variables->setDocument(m_document);
    m_variablesDock = new QDockWidget(tr("Variables"), this);
    m_variablesDock->setObjectName(QStringLiteral("variablesDockWidget"));
    m_variablesDock->setWidget(m_variables);
    addDockWidget(Qt::RightDockWidgetArea, m_variablesDock);
    m_variablesDock->hide();

    // The environment every send uses, in a tool bar above the request (File › Open environment…).
    m_environments = new EnvironmentSet(this);
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
    connect(environmentCombo, &QComboBox::activated, m_environments, &EnvironmentSet::choose);
    connect(m_environments, &EnvironmentSet::chosenChanged, this, [this, environmentCombo] {
        environmentCombo->setCurrentIndex(m_environments->chosenRow());
        updateVariables();
    });

    createMenus();
    statusBar()->setObjectName(QStringLiteral("mainStatusBar"));
    // Where secrets live, in the status bar while the credentials panel (which says it too) is
    // hidden.
    auto *keychain = new KeychainStatusBar(m_secrets, this);
    keychain->setSingleLine();
    statusBar()->addPermanentWidget(keychain);
    connect(m_credentialsDock, &QDockWidget::visibilityChanged, keychain,
        [keychain](bool visible) { keychain->setVisible(!visible); });

    connect(m_panel, &CollectionPanel::itemChosen, this, &MainWindow::onItemChosen);
    // The request on screen deleted (or its insertion undone) and the tree's next current item not
    // a request: the editor shows the scratch request, not a request that is gone.
    auto shownRemoved = std::make_shared<bool>(false);
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this, shownRemoved](const QModelIndex &parent, int first, int last) {
            for (QModelIndex i = m_current; i.isValid(); i = i.parent())
                *shownRemoved = *shownRemoved
                    || (i.parent() == parent && i.row() >= first && i.row() <= last);
        });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this, shownRemoved] {
        if (!std::exchange(*shownRemoved, false))
            return;
        m_current = QPersistentModelIndex();
        showScratch();
    });
    connect(m_panel, &CollectionPanel::openRequested, this, &MainWindow::chooseCollectionFile);
    connect(m_editor, &RequestEditor::requestEdited, this, &MainWindow::onRequestEdited);
    connect(m_editor, &RequestEditor::authEdited, this, [this](const std::optional<AuthSpec> &a) {
        m_applyingEdit = true;
        if (m_current.isValid())
            m_document->submit(std::make_unique<SetAuthCommand>(
                m_document->collection(), m_model->rowPath(m_current), a));
        else
            m_scratch.request.auth = a;
        m_applyingEdit = false;
        updateVariables();
    });
    connect(m_editor, &RequestEditor::sendRequested, this, &MainWindow::send);
    connect(m_editor, &RequestEditor::requestPasted, this, &MainWindow::onRequestPasted);
    connect(m_editor, &RequestEditor::pasteFailed, this, [this](const QString &error) {
        showSendProblem(tr("The pasted curl command could not be read: %1").arg(error));
    });
    connect(m_editor, &RequestEditor::cancelRequested, this, &MainWindow::cancel);

    m_confirmDiscard = [this](const QString &name) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
            tr("Save the changes to \"%1\" first?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Save)
            return saveCollection();
        return answer == QMessageBox::Discard;
    };

    showScratch();
    updateTitle();
    resize(1280, 820);
    m_editor->focusUrl(); // type a URL right away
}

MainWindow::~MainWindow()
{
    // A run still in flight must not call back into a half-destroyed window.
    if (m_run)
        m_run->disconnect(this);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open
        = file->addAction(tr("&Open collection…"), this, &MainWindow::chooseCollectionFile);
    open->setObjectName(QStringLiteral("openCollectionAction"));
    open->setShortcut(QKeySequence::Open);
    QAction *openEnvironment
        = file->addAction(tr("Open &environment…"), this, &MainWindow::chooseEnvironmentFile);
    openEnvironment->setObjectName(QStringLiteral("openEnvironmentAction"));
    openEnvironment->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *newCollection
        = file->addAction(tr("&New collection"), this, &MainWindow::newCollection);
    QAction *fromTemplate = file->addAction(
        tr("New from &template (Digishare API)"), this, &MainWindow::newFromTemplate);
    fromTemplate->setObjectName(QStringLiteral("newFromTemplateAction"));
    newCollection->setObjectName(QStringLiteral("newCollectionAction"));
    m_saveAction = file->addAction(tr("&Save"), this, [this] { saveCollection(); });
    m_saveAction->setObjectName(QStringLiteral("saveAction"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAsAction = file->addAction(tr("Save &as…"), this, &MainWindow::chooseSaveFile);
    m_saveAsAction->setObjectName(QStringLiteral("saveAsAction"));
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo });
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *collection = menuBar()->addMenu(tr("&Collection"));
    collection->addActions(m_panel->editActions());
    collection->addSeparator();
    QAction *saveTo = collection->addAction(
        tr("&Save request to collection…"), this, &MainWindow::saveToCollection);
    saveTo->setObjectName(QStringLiteral("saveToCollectionAction"));

    QMenu *request = menuBar()->addMenu(tr("&Request"));
    m_sendAction = request->addAction(tr("&Send"), this, [this] {
        if (m_run)
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
        if (m_current.isValid())
            m_document->submit(std::make_unique<SetTlsVerificationCommand>(
                m_document->collection(), m_model->rowPath(m_current), verify));
        else
            m_scratch.extra = TlsSetting::withVerification(m_scratch.extra, verify);
    });
    QAction *focusUrl = request->addAction(tr("Edit &URL"), m_editor, &RequestEditor::focusUrl);
    focusUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *newScratch = request->addAction(tr("&New scratch request"), this, [this] {
        m_current = QPersistentModelIndex();
        m_panel->select({});
        showScratch();
        m_editor->focusUrl();
    });
    newScratch->setObjectName(QStringLiteral("newScratchAction"));
    QAction *find
        = request->addAction(tr("&Find in response"), m_response, &ResponseView::focusFind);
    find->setShortcut(QKeySequence::Find);
    newScratch->setShortcut(QKeySequence::New);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *credentials = m_credentialsDock->toggleViewAction();
    credentials->setText(tr("&Credentials"));
    credentials->setObjectName(QStringLiteral("credentialsAction"));
    credentials->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
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
    QAction *variables = m_variablesDock->toggleViewAction();
    variables->setText(tr("&Variables"));
    variables->setObjectName(QStringLiteral("variablesAction"));
    variables->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    view->addAction(variables);
    // Like the credentials: room for names and values, once the dock is laid out.
    connect(m_variablesDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            QMetaObject::invokeMethod(
                this,
                [this] {
                    resizeDocks(
                        { m_variablesDock }, { std::max(420, width() / 3) }, Qt::Horizontal);
                },
                Qt::QueuedConnection);
    });
    view->addSeparator();
    view->addMenu(new ThemeMenu(this));
    menuBar()->addMenu(new HelpMenu(this));
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
    statusBar()->showMessage(
        tr("Environment: %1")
            .arg(m_environments->data(m_environments->index(m_environments->chosenRow()))
                     .toString()),
        5000);
}

void MainWindow::chooseCollectionFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Postman collection"),
        m_document->path().isEmpty() ? QString() : QFileInfo(m_document->path()).absolutePath(),
        tr("Postman collections (*.json);;All files (*)"));
    if (!path.isEmpty())
        openCollection(path);
}

void MainWindow::chooseSaveFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save collection as"),
        m_document->path().isEmpty() ? QStringLiteral("collection.postman_collection.json")
                                     : m_document->path(),
        tr("Postman collections (*.json)"));
    if (!path.isEmpty())
        saveCollectionAs(path);
}

void MainWindow::openCollection(const QString &path)
{
    if (!confirmDiscard())
        return;
    const Status opened = m_document->open(path);
    if (!opened) {
        // The error names the file and, for bad JSON, the line and column.
        m_banner->showMessage(tr("Could not open the collection. %1").arg(opened.error()));
        m_bannerIsAboutSend = false;
        return;
    }
    m_banner->clear();
    m_undo->clear();
    ++m_collectionGeneration;
    m_current = QPersistentModelIndex();
    m_recent.clear();
    showScratch();
    updateTitle();
    const int requests = static_cast<int>(flattenRequests(m_model->collection().items).size());
    statusBar()->showMessage(tr("Opened %1: %2 %3")
                                 .arg(QFileInfo(path).fileName())
                                 .arg(requests)
                                 .arg(requests == 1 ? tr("request") : tr("requests")),
        5000);
    if (m_model->collection().hasScripts())
        m_banner->showMessage(tr("This collection has pre-request or test scripts. They are kept "
                                 "in the file but not run."),
            ErrorBanner::Kind::Info);
}

void MainWindow::newCollection()
{
    if (!confirmDiscard())
        return;
    Collection empty;
    empty.name = tr("New collection");
    startDocument(std::move(empty));
}

void MainWindow::newFromTemplate()
{
    if (!confirmDiscard())
        return;
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
    startDocument(std::move(copy));
    m_document->ensureId(); // and it is unsaved: closing asks first
}

void MainWindow::startDocument(Collection collection)
{
    m_document->load(std::move(collection));
    m_banner->clear();
    m_undo->clear();
    ++m_collectionGeneration;
    m_current = QPersistentModelIndex();
    m_recent.clear();
    showScratch();
    updateTitle();
}

void MainWindow::saveToCollection()
{
    if (!m_model->hasCollection()) {
        statusBar()->showMessage(tr("Open or create a collection first (File menu)."), 5000);
        return;
    }
    if (m_current.isValid()) {
        statusBar()->showMessage(tr("This request is already in the collection."), 5000);
        return;
    }
    const std::optional<QList<int>> folder = m_panel->chooseFolder();
    if (!folder)
        return;
    auto command = CollectionEdits::addRequest(m_model->collection(), *folder, m_editor->request());
    const QList<int> path = command->path();
    m_document->submit(std::move(command));
    const QModelIndex saved = m_model->indexAt(path);
    m_panel->select(saved); // shows it: edits now go to the collection
    onItemChosen(saved);
}

QString MainWindow::collectionPath() const
{
    return m_document->path();
}

bool MainWindow::saveCollection()
{
    if (!m_model->hasCollection())
        return false;
    if (m_document->path().isEmpty()) {
        chooseSaveFile();
        return !isWindowModified();
    }
    return saveCollectionAs(m_document->path());
}

bool MainWindow::saveCollectionAs(const QString &path)
{
    if (!m_model->hasCollection() || m_document->isSaving())
        return false;
    m_credentials->saveCurrent(); // edits still in the credentials form belong to this save
    // Secret variables go to the keychain first; the file is written when it answers, without
    // blocking the window. The save is done now unless the keychain has to answer first.
    m_document->save(path, m_secrets, [this, path](const CollectionDocument::SaveOutcome &saved) {
        if (!saved.written) {
            m_banner->showMessage(tr("Not saved. %1").arg(saved.written.error()));
            m_closeAfterSave = false;
            return;
        }
        statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 5000);
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
    return !m_document->isSaving() && !m_document->isDirty();
}

void MainWindow::onItemChosen(const QModelIndex &index)
{
    const CollectionItem *item = m_model->item(index);
    if (!item || item->isFolder)
        return;
    m_current = QPersistentModelIndex(index);
    QStringList crumbs;
    for (const CollectionItem *folder : m_model->requestPath(index).folders)
        crumbs << folder->name;
    crumbs << item->name;
    RequestSpec spec = item->request;
    spec.name = item->name;
    m_editor->setRequest(spec, crumbs.join(QStringLiteral(" › ")));
    updateVariables();
    showRememberedExchange();
}

void MainWindow::showSendProblem(const QString &text, ErrorBanner::Kind kind)
{
    m_banner->showMessage(text, kind);
    m_bannerIsAboutSend = true;
}

void MainWindow::showRememberedExchange()
{
    // A send problem belongs to the request it happened to; another request starts clean.
    if (m_bannerIsAboutSend) {
        m_banner->clear();
        m_bannerIsAboutSend = false;
    }
    if (m_run && m_runIndex == m_current)
        return; // its response is on the way
    if (const Exchange *remembered = m_recent.find(m_current))
        m_response->showExchange(*remembered);
    else
        m_response->clear();
}

void MainWindow::openFromHistory(HistoryEntryId id, bool sendAgain)
{
    const Result<HistoryEntry> entry = m_history->entry(id);
    if (!entry) {
        showSendProblem(entry.error());
        return;
    }
    // From the open collection: its request (current version), with its variables and
    // credentials. Anything else comes back as a scratch request: variables, never credentials.
    if (!entry->collectionId.isEmpty() && m_model->hasCollection()
        && entry->collectionId == m_model->collection().postmanId) {
        const QModelIndex item = m_model->indexAt(m_model->pathOfNames(entry->summary.itemPath));
        if (item.isValid()) {
            m_panel->select(item);
            onItemChosen(item);
            if (sendAgain)
                send();
            else
                m_response->showExchange(entry->exchange);
            return;
        }
    }
    m_current = QPersistentModelIndex();
    m_panel->select({});
    m_scratch.request = entry->request;
    showScratch();
    if (sendAgain)
        send();
    else
        m_response->showExchange(entry->exchange);
}

void MainWindow::onRequestPasted(const ImportedRequest &imported)
{
    // Always a scratch request: a pasted command never changes a saved one behind the user's back,
    // and its credentials stay in memory for this session only.
    m_current = QPersistentModelIndex();
    m_panel->select({});
    m_scratch.request = imported.request;
    showScratch();
    QStringList notes { tr("Imported the curl command as a scratch request.") };
    notes += imported.warnings;
    m_banner->showMessage(notes.join(QLatin1Char(' ')),
        imported.warnings.isEmpty() ? ErrorBanner::Kind::Info : ErrorBanner::Kind::Warning);
    m_bannerIsAboutSend = true;
    m_bannerFailure = FailureKind::None;
}

void MainWindow::showScratch()
{
    m_editor->setRequest(m_scratch.request, tr("Scratch request — not part of a collection"));
    updateVariables();
    showRememberedExchange();
}

void MainWindow::onRequestEdited()
{
    if (m_current.isValid()) {
        const CollectionItem *stored = m_model->item(m_current);
        if (!stored)
            return;
        m_applyingEdit = true;
        m_document->submit(std::make_unique<EditRequestCommand>(m_model->rowPath(m_current),
            RequestEdit::of(stored->request), RequestEdit::of(m_editor->request())));
        m_applyingEdit = false;
    } else {
        m_scratch.request = m_editor->request();
    }
    updateVariables();
}

void MainWindow::onDocumentChanged(const DocumentChange &change)
{
    // An undo or redo of the request on screen: the editor shows it as it is now.
    if (change.kind == DocumentChange::Kind::Item && !m_applyingEdit && m_current.isValid()
        && m_model->rowPath(m_current) == change.path)
        onItemChosen(m_current);
    updateVariables();
}

RequestPath MainWindow::currentPath() const
{
    if (m_current.isValid())
        return m_model->requestPath(m_current);
    RequestPath path;
    path.item = &m_scratch;
    return path;
}

void MainWindow::updateVariables()
{
    // The stored request (the editor's fields are in it already): its auth may have changed in
    // the credentials panel since the editor loaded it.
    const CollectionItem *stored = m_current.isValid() ? m_model->item(m_current) : nullptr;
    const RequestSpec &spec = stored ? stored->request : m_editor->request();
    if (m_verifyTlsAction)
        m_verifyTlsAction->setChecked(TlsSetting::verifies(stored ? *stored : m_scratch));
    const RequestPath path = currentPath();
    const Collection *collection = m_model->hasCollection() ? &m_model->collection() : nullptr;
    const AuthSpec auth
        = AuthApplier::effectiveAuth(path, m_current.isValid() ? collection : nullptr);

    const VariableScopes scopes
        = VariableScopes::forRequest(path, collection, m_environments->chosen(), {});
    const RequestVariables variables(spec, auth, scopes);
    QStringList known = variables.known();
    QStringList missing = variables.missing();
    // Secrets of the request's credentials: a value in the keychain counts as a value. What the
    // keychain holds is remembered until something is written, so typing never queries it.
    QStringList toAsk;
    if (collection && m_current.isValid()) {
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
    m_editor->setVariableNames(known, missing);
    m_editor->setVariableScopes(scopes);
    // "Not sent: unresolved" is stale once every variable has a value: the banner goes.
    if (m_bannerIsAboutSend && m_bannerFailure == FailureKind::Unresolved && missing.isEmpty()
        && toAsk.isEmpty()) {
        m_banner->clear();
        m_bannerIsAboutSend = false;
    }
    if (!toAsk.isEmpty()) {
        const QPersistentModelIndex shown = m_current;
        const Collection copy = *collection;
        CollectionSecrets::load(m_secrets, copy, toAsk, this,
            [this, shown, copy, toAsk](const VariableList &stored, const QStringList &) {
                for (const QString &name : toAsk) {
                    const bool found = std::any_of(stored.begin(), stored.end(),
                        [&](const Variable &v) { return v.key == name; });
                    if (const Result<QString> key = CollectionSecrets::keyFor(copy, name))
                        m_storedSecrets.insert(key.value(), found);
                }
                if (shown == m_current)
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
    m_editor->setAuthNote(note);
    m_editor->setEffectiveAuth(auth);
}

void MainWindow::send()
{
    if (m_run || m_loadingSecrets)
        return;
    m_banner->clear();
    const CollectionItem *stored = m_current.isValid() ? m_model->item(m_current) : nullptr;
    const RequestSpec spec = stored ? stored->request : m_editor->request();
    if (spec.url.raw().trimmed().isEmpty()) {
        showSendProblem(
            tr("Type a URL first, for example https://httpbin.org/get"), ErrorBanner::Kind::Info);
        m_editor->focusUrl();
        return;
    }
    // Secrets come from the keychain first (never blocking). A scratch request may use the
    // collection's variables but never its credentials: it can go anywhere.
    const Collection *collection = m_model->hasCollection() ? &m_model->collection() : nullptr;
    const RequestPath path = currentPath();
    m_loadingSecrets = true;
    m_editor->setInFlight(true);
    // The keychain answers later: the send is for the request and collection on screen now.
    const QPersistentModelIndex clicked = m_current;
    const int generation = m_collectionGeneration;
    SendOptions options;
    options.insecure = !TlsSetting::verifies(stored ? *stored : m_scratch);
    m_sending->prepare(spec, path, collection, m_environments->chosen(), m_current.isValid(),
        options, this,
        [this, spec, clicked, generation](SendSession *session, const QString &problem) {
            m_loadingSecrets = false;
            m_editor->setInFlight(false);
            if (clicked != m_current || generation != m_collectionGeneration) {
                delete session;
                statusBar()->showMessage(
                    tr("Not sent: another request was chosen meanwhile"), 5000);
                return;
            }
            if (!session) {
                showSendProblem(tr("Not sent: %1.").arg(problem));
                return;
            }
            start(session, spec);
        });
}

void MainWindow::start(SendSession *session, const RequestSpec &spec)
{
    const RequestPath path = currentPath();
    const Collection *collection = m_model->hasCollection() ? &m_model->collection() : nullptr;
    m_run = session;
    m_runIndex = m_current;
    connect(session, &SendSession::finished, this, [this, session] { onRunFinished(session); });
    connect(session, &SendSession::progress, m_response, &ResponseView::showProgress);
    m_editor->setInFlight(true);
    m_sendAction->setText(tr("&Cancel"));
    // The template URL, not the resolved one: it never holds a secret value.
    m_response->showSending(spec.method, spec.url.raw());
    // What history records: the templates sent and where from (never a resolved secret).
    m_runSpec = spec;
    m_runWhere = {};
    m_runWhere.time = QDateTime::currentDateTimeUtc();
    if (collection && m_current.isValid()) {
        m_runWhere.collectionId = collection->postmanId;
        m_runWhere.collectionPath = m_document->path();
        for (const CollectionItem *folder : path.folders)
            m_runWhere.itemPath.append(folder->name);
        m_runWhere.itemPath.append(path.item->name);
    }
    session->start();
}

void MainWindow::cancel()
{
    if (m_run)
        m_run->cancel();
}

void MainWindow::onRunFinished(SendSession *session)
{
    const Exchange exchange = session->exchange();
    session->deleteLater();
    if (session == m_run)
        m_run = nullptr;
    m_editor->setInFlight(false);
    m_sendAction->setText(tr("&Send"));
    m_runWhere.redactions = session->redactionValues();
    if (const auto recorded = m_history->record(m_runSpec, exchange, m_runWhere); !recorded)
        statusBar()->showMessage(recorded.error(), 5000);
    m_recent.remember(m_runIndex, exchange);
    if (m_runIndex != m_current)
        return; // the user moved on; the response shows when they come back
    m_response->showExchange(exchange);
    if (exchange.failure == FailureKind::None || exchange.failure == FailureKind::Cancelled)
        return;
    // Say where each missing value can be given.
    QString hint;
    const Collection *collection = m_model->hasCollection() ? &m_model->collection() : nullptr;
    // The secrets of the request's credentials are set in the Credentials panel; any other
    // variable (secret ones too) in the Variables panel.
    QStringList credentialSecrets;
    if (collection && m_current.isValid()) {
        if (const auto profile = CredentialProfile::fromAuthSpec(
                AuthApplier::effectiveAuth(currentPath(), collection)))
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
        m_variables->focusVariable(exchange.unresolved.constFirst());
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
    const bool open = m_model->hasCollection();
    m_saveAction->setEnabled(open);
    m_saveAsAction->setEnabled(open);
    if (!open) {
        setWindowTitle(AppTitle);
        return;
    }
    QString name = m_model->collection().name;
    if (name.isEmpty())
        name = QFileInfo(m_document->path()).completeBaseName();
    name.replace(QLatin1String("[*]"), QLatin1String("[ * ]"));
    setWindowTitle(QStringLiteral("%1 — %2[*]").arg(AppTitle, name));
}

bool MainWindow::confirmDiscard()
{
    if (!isWindowModified() || !m_confirmDiscard)
        return true;
    return m_confirmDiscard(m_model->collection().name);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_document->isSaving()) { // closes once the keychain answered and the file is written
        m_closeAfterSave = true;
        event->ignore();
        return;
    }
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    if (m_run)
        m_run->cancel();
    // A secret or token written to the keychain just now is lost if the process ends first.
    m_secrets->waitForPendingWrites(PendingWritesTimeoutMs);
    event->accept();
}

} // namespace Playground
