#include "ui/RequestTabs.h"

#include "app/document/CollectionDocument.h"
#include "app/document/EditRequestCommand.h"
#include "app/document/SavedSnapshot.h"
#include "app/document/SetAuthCommand.h"
#include "app/document/SetDescriptionCommand.h"
#include "app/document/SetRequestSettingsCommand.h"
#include "app/model/CollectionTreeModel.h"
#include "app/send/SendSession.h"
#include "ui/RequestEditor.h"
#include "ui/RequestTab.h"

#include <QAction>
#include <QMessageBox>
#include <QMouseEvent>
#include <QTabBar>
#include <memory>

namespace Playground {

namespace {

    constexpr int MaxTitleChars = 32;

    QString elided(const QString &text)
    {
        return text.size() <= MaxTitleChars ? text : text.left(MaxTitleChars - 1) + QChar(0x2026);
    }

    bool isEmptyRequest(const RequestSpec &request)
    {
        return request.url.raw().trimmed().isEmpty() && request.headers.isEmpty()
            && request.body.raw.isEmpty();
    }

} // namespace

RequestTabs::RequestTabs(CollectionTreeModel *model, SavedSnapshot *snapshot, QWidget *parent)
    : QTabWidget(parent)
    , m_model(model)
    , m_snapshot(snapshot)
{
    setObjectName(QStringLiteral("requestTabWidget"));
    setAccessibleName(tr("Open requests"));
    setDocumentMode(true);
    setTabsClosable(true);
    setMovable(true);
    setUsesScrollButtons(true);
    setElideMode(Qt::ElideRight);
    tabBar()->setObjectName(QStringLiteral("requestTabBar"));
    tabBar()->setAccessibleName(tr("Open requests"));
    tabBar()->installEventFilter(this);
    connect(this, &QTabWidget::tabCloseRequested, this,
        [this](int index) { closeTab(qobject_cast<RequestTab *>(widget(index))); });
    connect(this, &QTabWidget::currentChanged, this, [this] {
        if (RequestTab *tab = current())
            Q_EMIT currentTabChanged(tab);
    });
    CollectionDocument *document = m_model->document();
    connect(document, &CollectionDocument::changed, this, &RequestTabs::onDocumentChanged);
    connect(m_snapshot, &SavedSnapshot::updated, this, &RequestTabs::updateAllTabs);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RequestTabs::closeGoneTabs);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestTabs::closeGoneTabs);

    createActions();
    m_confirm = [this](const QString &title) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
            tr("Save the changes to \"%1\" first?").arg(title),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Save)
            return CloseAnswer::Save;
        return answer == QMessageBox::Discard ? CloseAnswer::Discard : CloseAnswer::Cancel;
    };
}

void RequestTabs::createActions()
{
    auto *newTab = new QAction(tr("&New tab"), this);
    newTab->setObjectName(QStringLiteral("newScratchAction"));
    newTab->setShortcuts({ QKeySequence(Qt::CTRL | Qt::Key_T), QKeySequence::New });
    connect(newTab, &QAction::triggered, this, [this] { newScratch(); });
    auto *close = new QAction(tr("&Close tab"), this);
    close->setObjectName(QStringLiteral("closeTabAction"));
    close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(close, &QAction::triggered, this, [this] { closeTab(current()); });
    auto *next = new QAction(tr("Ne&xt tab"), this);
    next->setObjectName(QStringLiteral("nextTabAction"));
    next->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown) });
    connect(next, &QAction::triggered, this, [this] { cycle(1); });
    auto *previous = new QAction(tr("&Previous tab"), this);
    previous->setObjectName(QStringLiteral("previousTabAction"));
    previous->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
        QKeySequence(Qt::CTRL | Qt::Key_PageUp) });
    connect(previous, &QAction::triggered, this, [this] { cycle(-1); });
    m_actions = { newTab, close, next, previous };
    // Shortcuts of the window, wherever the focus is (the tree, a table, a text field): the
    // window's menu holds them.
    for (QAction *action : m_actions)
        action->setShortcutContext(Qt::WindowShortcut);
}

RequestTab *RequestTabs::current() const
{
    return qobject_cast<RequestTab *>(currentWidget());
}

QList<RequestTab *> RequestTabs::tabs() const
{
    QList<RequestTab *> all;
    for (int i = 0; i < count(); ++i)
        all.append(qobject_cast<RequestTab *>(widget(i)));
    return all;
}

RequestTab *RequestTabs::addRequestTab()
{
    auto *tab = new RequestTab(this);
    connect(tab->editor(), &RequestEditor::requestEdited, this, [this, tab] { onEdited(tab); });
    const int at = currentIndex() < 0 ? 0 : currentIndex() + 1;
    insertTab(at, tab, QString());
    Q_EMIT tabOpened(tab);
    return tab;
}

RequestTab *RequestTabs::newScratch(const CollectionItem &scratch)
{
    RequestTab *tab = addRequestTab();
    tab->setScratch(scratch);
    reload(tab);
    setCurrentWidget(tab);
    return tab;
}

RequestTab *RequestTabs::showScratch(const CollectionItem &scratch)
{
    RequestTab *tab = current();
    if (!tab || !tab->isScratch() || isModified(tab) || tab->isSending())
        return newScratch(scratch);
    tab->setScratch(scratch);
    reload(tab);
    Q_EMIT currentTabChanged(tab); // the same tab, another request
    return tab;
}

RequestTab *RequestTabs::tabFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    for (RequestTab *tab : tabs()) {
        if (!tab->isScratch() && tab->item() == index)
            return tab;
    }
    return nullptr;
}

RequestTab *RequestTabs::openItem(const QModelIndex &index, bool preview)
{
    const CollectionItem *item = m_model->item(index);
    if (!item || item->isFolder)
        return nullptr;
    RequestTab *tab = tabFor(index);
    if (!tab) {
        // The preview tab shows the next chosen request unless the user made it their own.
        RequestTab *reuse = m_preview;
        if (reuse && (isModified(reuse) || reuse->isSending()))
            reuse = nullptr;
        // An untouched, empty scratch tab (the one a new window starts with) is reused too.
        if (!reuse && current() && current()->isScratch() && !isModified(current())
            && !current()->isSending())
            reuse = current();
        tab = reuse ? reuse : addRequestTab();
        tab->setItem(index);
        const QPointer<RequestTab> previous = m_preview;
        m_preview = preview ? tab : nullptr;
        if (previous && previous != tab)
            updateTab(previous); // a preview no more
        reload(tab);
        if (tab == current())
            Q_EMIT currentTabChanged(tab); // the same tab, another request
    } else if (!preview) {
        keep(tab);
    }
    setCurrentWidget(tab);
    return tab;
}

void RequestTabs::keep(RequestTab *tab)
{
    if (m_preview == tab) {
        m_preview = nullptr;
        updateTab(tab);
    }
}

bool RequestTabs::closeTab(RequestTab *tab)
{
    if (!tab || indexOf(tab) < 0)
        return false;
    if (isModified(tab) && m_confirm) {
        setCurrentWidget(tab); // the user sees what they are asked about
        switch (m_confirm(crumbsOf(tab))) {
        case CloseAnswer::Cancel:
            return false;
        case CloseAnswer::Save:
            if (!m_save || !m_save(tab))
                return false;
            break;
        case CloseAnswer::Discard:
            // A collection's request goes back to what the file holds (one undoable step); a
            // request that is not in the file yet stays in the collection.
            if (!tab->isScratch() && tab->item().isValid()) {
                const QList<int> path = m_model->rowPath(tab->item());
                const CollectionItem *saved = m_snapshot->savedItem(path);
                const CollectionItem *now = m_model->item(tab->item());
                if (saved && now)
                    m_model->document()->submit(std::make_unique<EditRequestCommand>(
                        path, RequestEdit::of(now->request), RequestEdit::of(saved->request)));
            }
            break;
        }
    }
    if (indexOf(tab) >= 0) // the save may have closed it already
        removeRequestTab(tab);
    return true;
}

void RequestTabs::removeRequestTab(RequestTab *tab)
{
    if (m_preview == tab)
        m_preview = nullptr;
    if (tab->run().session)
        tab->run().session->cancel();
    removeTab(indexOf(tab));
    delete tab;
    ensureOneTab();
}

void RequestTabs::ensureOneTab()
{
    if (count() == 0)
        newScratch();
}

void RequestTabs::cycle(int step)
{
    if (count() > 1)
        setCurrentIndex((currentIndex() + step + count()) % count());
}

bool RequestTabs::isModified(const RequestTab *tab) const
{
    if (tab->isScratch())
        return !isEmptyRequest(tab->scratch().request);
    return tab->item().isValid() && m_snapshot->isModified(m_model->rowPath(tab->item()));
}

RequestPath RequestTabs::pathOf(const RequestTab *tab) const
{
    if (!tab->isScratch() && tab->item().isValid())
        return m_model->requestPath(tab->item());
    RequestPath path;
    path.item = &tab->scratch();
    return path;
}

const RequestSpec &RequestTabs::requestOf(const RequestTab *tab) const
{
    if (!tab->isScratch()) {
        if (const CollectionItem *stored = m_model->item(tab->item()))
            return stored->request;
    }
    return tab->scratch().request;
}

QString RequestTabs::crumbsOf(const RequestTab *tab) const
{
    const CollectionItem *item = tab->isScratch() ? nullptr : m_model->item(tab->item());
    if (!item)
        return tr("Scratch request");
    QStringList crumbs;
    for (const CollectionItem *folder : m_model->requestPath(tab->item()).folders)
        crumbs << folder->name;
    crumbs << item->name;
    return crumbs.join(QStringLiteral(" › "));
}

void RequestTabs::reload(RequestTab *tab)
{
    if (tab->isScratch()) {
        tab->editor()->setRequest(
            tab->scratch().request, tr("Scratch request — not part of a collection"));
    } else if (const CollectionItem *item = m_model->item(tab->item())) {
        RequestSpec spec = item->request;
        spec.name = item->name;
        tab->editor()->setRequest(spec, crumbsOf(tab));
    }
    updateTab(tab);
}

void RequestTabs::onEdited(RequestTab *tab)
{
    keep(tab); // edited: the user's tab now, not a preview
    if (tab->isScratch()) {
        tab->scratch().request = tab->editor()->request();
    } else if (const CollectionItem *stored = m_model->item(tab->item())) {
        m_applyingEdit = true;
        m_model->document()->submit(
            std::make_unique<EditRequestCommand>(m_model->rowPath(tab->item()),
                RequestEdit::of(stored->request), RequestEdit::of(tab->editor()->request())));
        m_applyingEdit = false;
    }
    updateTab(tab);
    Q_EMIT requestEdited(tab);
}

void RequestTabs::submitSettings(RequestTab *tab, const RequestSettings &settings)
{
    keep(tab);
    if (tab->isScratch()) {
        tab->scratch().extra = settings.writtenTo(tab->scratch().extra);
    } else if (m_model->item(tab->item())) {
        m_applyingEdit = true; // the editor shows them already: no reload under the typing
        m_model->document()->submit(std::make_unique<SetRequestSettingsCommand>(
            m_model->document()->collection(), m_model->rowPath(tab->item()), settings));
        m_applyingEdit = false;
    }
    updateTab(tab);
}

void RequestTabs::submitAuth(RequestTab *tab, const std::optional<AuthSpec> &auth)
{
    keep(tab);
    if (tab->isScratch()) {
        tab->scratch().request.auth = auth;
    } else if (m_model->item(tab->item())) {
        m_applyingEdit = true; // the editor shows it already: no reload under the typing
        m_model->document()->submit(std::make_unique<SetAuthCommand>(
            m_model->document()->collection(), m_model->rowPath(tab->item()), auth));
        m_applyingEdit = false;
    }
    updateTab(tab);
}

void RequestTabs::submitDescription(RequestTab *tab, const QString &description)
{
    keep(tab);
    if (tab->isScratch()) {
        tab->scratch().request.description = description;
    } else if (m_model->item(tab->item())) {
        m_applyingEdit = true;
        m_model->document()->submit(std::make_unique<SetDescriptionCommand>(
            m_model->document()->collection(), m_model->rowPath(tab->item()), description));
        m_applyingEdit = false;
    }
    updateTab(tab);
}

void RequestTabs::onDocumentChanged(const DocumentChange &change)
{
    // An undo, redo or rename of a request that is open: its editor shows it as it is now.
    if (change.kind == DocumentChange::Kind::Item && !m_applyingEdit) {
        for (RequestTab *tab : tabs()) {
            if (!tab->isScratch() && tab->item().isValid()
                && m_model->rowPath(tab->item()) == change.path)
                reload(tab);
        }
    }
    updateAllTabs();
}

void RequestTabs::closeGoneTabs()
{
    // The request is gone, not edited away: nothing of the user's is lost by closing its tab.
    for (RequestTab *tab : tabs()) {
        if (!tab->isScratch() && !tab->item().isValid())
            removeRequestTab(tab);
    }
}

void RequestTabs::updateTab(RequestTab *tab)
{
    const int at = indexOf(tab);
    if (at < 0)
        return;
    const RequestSpec &request = requestOf(tab);
    QString name;
    if (!tab->isScratch()) {
        if (const CollectionItem *item = m_model->item(tab->item()))
            name = item->name;
    }
    if (name.isEmpty())
        name = request.url.raw().trimmed().isEmpty() ? tr("New request") : request.url.raw();
    QString title = QStringLiteral("%1 %2").arg(request.method, elided(name));
    if (isModified(tab))
        title += QStringLiteral(" ●");
    // A & in a name is text, not a mnemonic.
    setTabText(at, title.replace(QLatin1Char('&'), QLatin1String("&&")));
    const QString url = request.url.raw().trimmed();
    QString tip
        = QStringLiteral("%1 %2").arg(request.method, url.isEmpty() ? tr("(no URL yet)") : url);
    if (tab == m_preview)
        tip += QLatin1Char('\n')
            + tr("Preview: the next request you choose opens here; edit or send to keep it.");
    setTabToolTip(at, tip);
}

void RequestTabs::updateAllTabs()
{
    for (RequestTab *tab : tabs())
        updateTab(tab);
}

QList<TabSession::Tab> RequestTabs::sessionTabs() const
{
    QList<TabSession::Tab> saved;
    for (const RequestTab *tab : tabs()) {
        TabSession::Tab entry;
        if (tab->isScratch()) {
            entry.scratch = tab->scratch();
        } else if (tab->item().isValid()) {
            const RequestPath path = m_model->requestPath(tab->item());
            for (const CollectionItem *folder : path.folders)
                entry.itemNames.append(folder->name);
            entry.itemNames.append(path.item->name);
        } else {
            continue;
        }
        saved.append(entry);
    }
    return saved;
}

void RequestTabs::restore(const TabSession::Workspace &session)
{
    QList<RequestTab *> old = tabs();
    RequestTab *currentTab = nullptr;
    for (qsizetype i = 0; i < session.tabs.size(); ++i) {
        const TabSession::Tab &entry = session.tabs.at(i);
        RequestTab *tab = nullptr;
        if (entry.itemNames.isEmpty()) {
            tab = addRequestTab();
            tab->setScratch(entry.scratch);
        } else {
            const QModelIndex index = m_model->indexAt(m_model->pathOfNames(entry.itemNames));
            if (!m_model->isRequest(index) || tabFor(index))
                continue;
            tab = addRequestTab();
            tab->setItem(index);
        }
        reload(tab);
        setCurrentWidget(tab); // the next one goes after it
        if (i <= session.current)
            currentTab = tab; // the session's current tab, or the last one before it
    }
    // The window's first, untouched scratch tab makes room for the restored ones.
    if (count() > old.size()) {
        for (RequestTab *tab : old) {
            if (tab->isScratch() && !isModified(tab) && !tab->isSending())
                removeRequestTab(tab);
        }
    }
    if (currentTab)
        setCurrentWidget(currentTab);
}

bool RequestTabs::eventFilter(QObject *watched, QEvent *event)
{
    // A middle click closes the tab under the pointer, as in browsers.
    if (watched == tabBar() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::MiddleButton) {
            const int at = tabBar()->tabAt(mouse->position().toPoint());
            if (at >= 0) {
                closeTab(qobject_cast<RequestTab *>(widget(at)));
                return true;
            }
        }
    }
    return QTabWidget::eventFilter(watched, event);
}

} // namespace Playground
