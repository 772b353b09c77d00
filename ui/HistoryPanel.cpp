#include "ui/HistoryPanel.h"

#include "app/formats/CurlWriter.h"
#include "app/history/HistoryHar.h"
#include "app/history/HistoryListModel.h"
#include "app/history/HistoryStore.h"
#include "ui/ClearButtonOnDemand.h"
#include "ui/PlainLabel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Playground {

namespace {

    /** Typing in the search field is read once it pauses this long. */
    constexpr int SearchDelayMs = 150;

    QPushButton *button(const QString &name, const QString &text, QWidget *parent)
    {
        auto *b = new QPushButton(text, parent);
        b->setObjectName(name);
        b->setAccessibleName(QString(text).remove(QLatin1Char('&')));
        return b;
    }

} // namespace

HistoryPanel::HistoryPanel(HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new HistoryListModel(store, this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_confirmer = [this](const QString &question) {
        return QMessageBox::question(this, tr("Clear history"), question) == QMessageBox::Yes;
    };
    m_chooseFile = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(
            this, tr("Export as HAR"), suggested, tr("HTTP Archive (*.har)"));
    };

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearchLineEdit"));
    m_search->setAccessibleName(tr("Search history"));
    m_search->setPlaceholderText(tr("Search URL or request name"));
    ClearButtonOnDemand::install(m_search);

    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("historyMethodComboBox"));
    m_method->setAccessibleName(tr("Method filter"));
    m_method->addItem(tr("Any method"), QString());
    for (const char *method : { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS" })
        m_method->addItem(QLatin1String(method), QLatin1String(method));

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("historyStatusComboBox"));
    m_status->setAccessibleName(tr("Status filter"));
    m_status->addItem(tr("Any status"), int(StatusClass::Any));
    m_status->addItem(tr("2xx success"), int(StatusClass::Success));
    m_status->addItem(tr("3xx redirect"), int(StatusClass::Redirect));
    m_status->addItem(tr("4xx client error"), int(StatusClass::ClientError));
    m_status->addItem(tr("5xx server error"), int(StatusClass::ServerError));
    m_status->addItem(tr("Failed or not sent"), int(StatusClass::Failed));

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("historyTreeView"));
    m_tree->setAccessibleName(tr("Sent requests"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection); // several for a HAR
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setTextElideMode(Qt::ElideMiddle); // the host and the end of the path both matter
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->expandAll();

    m_emptyLabel = plainLabel(QStringLiteral("historyEmptyLabel"), this);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_countLabel = plainLabel(QStringLiteral("historyCountLabel"), this);
    m_messageLabel = plainLabel(QStringLiteral("historyMessageLabel"), this, true);
    m_messageLabel->hide();

    m_openButton = button(QStringLiteral("historyOpenButton"), tr("&Open"), this);
    m_openButton->setToolTip(tr("Open in the editor (Enter)"));
    m_sendAgainButton = button(QStringLiteral("historySendAgainButton"), tr("Send &again"), this);
    m_deleteButton = button(QStringLiteral("historyDeleteButton"), tr("&Delete"), this);
    m_deleteButton->setToolTip(tr("Delete this entry from history (Del)"));
    m_clearButton = button(QStringLiteral("historyClearButton"), tr("C&lear all…"), this);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_method);
    filters->addWidget(m_status);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_openButton);
    actions->addWidget(m_sendAgainButton);
    actions->addWidget(m_deleteButton);
    actions->addStretch();
    actions->addWidget(m_clearButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 0, 8); // as the collection tab
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_emptyLabel, 1);
    layout->addWidget(m_countLabel);
    layout->addLayout(actions);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &HistoryPanel::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &HistoryPanel::applyFilter);
    connect(m_method, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &HistoryPanel::applyFilter);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
        [this] { m_keepSelected = currentEntry(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::onModelReset);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &HistoryPanel::updateState);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (m_model->entryId(index))
            openCurrent();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &HistoryPanel::showContextMenu);
    connect(m_openButton, &QPushButton::clicked, this, &HistoryPanel::openCurrent);
    connect(m_sendAgainButton, &QPushButton::clicked, this, &HistoryPanel::sendAgainCurrent);
    connect(m_deleteButton, &QPushButton::clicked, this, &HistoryPanel::deleteCurrent);
    connect(m_clearButton, &QPushButton::clicked, this, &HistoryPanel::clearAll);

    auto *deleteAction = new QAction(tr("Delete"), m_tree);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &HistoryPanel::deleteCurrent);
    m_tree->addAction(deleteAction);
    m_copyCurlAction = new QAction(tr("Copy as cURL"), m_tree);
    m_copyCurlAction->setObjectName(QStringLiteral("historyCopyCurlAction"));
    connect(m_copyCurlAction, &QAction::triggered, this, &HistoryPanel::copyCurrentAsCurl);
    m_exportHarAction = new QAction(tr("Export as HAR…"), m_tree);
    m_exportHarAction->setObjectName(QStringLiteral("historyExportHarAction"));
    connect(m_exportHarAction, &QAction::triggered, this, &HistoryPanel::exportSelectedAsHar);

    // The window may open the store after the panel is made.
    connect(m_store, &HistoryStore::opened, this, &HistoryPanel::showStoreState);
    showStoreState();
}

void HistoryPanel::showStoreState()
{
    if (!m_store->isOpen())
        showMessage(m_store->openError().isEmpty() ? tr("History is off.") : m_store->openError());
    else
        showMessage(m_store->notice());
    updateState();
}

HistoryPanel::~HistoryPanel()
{
    // The view and model are torn down after this; their signals must not reach the store, which
    // may already be gone (the window owns both).
    disconnect(m_tree->selectionModel(), nullptr, this, nullptr);
    disconnect(m_model, nullptr, this, nullptr);
}

HistoryEntryId HistoryPanel::currentEntry() const
{
    return m_model->entryId(m_tree->currentIndex());
}

void HistoryPanel::setCurrentEntry(HistoryEntryId id)
{
    const QModelIndex index = m_model->indexOf(id);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void HistoryPanel::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
    m_messageLabel->setVisible(!text.isEmpty());
}

void HistoryPanel::applyFilter()
{
    m_searchTimer->stop();
    HistoryFilter filter = m_model->filter();
    filter.text = m_search->text();
    filter.method = m_method->currentData().toString();
    filter.statusClass = StatusClass(m_status->currentData().toInt());
    m_model->setFilter(filter);
}

void HistoryPanel::openCurrent()
{
    if (const HistoryEntryId id = currentEntry())
        Q_EMIT openRequested(id);
}

void HistoryPanel::sendAgainCurrent()
{
    if (const HistoryEntryId id = currentEntry())
        Q_EMIT sendAgainRequested(id);
}

void HistoryPanel::deleteCurrent()
{
    const QModelIndex current = m_tree->currentIndex();
    const HistoryEntryId id = m_model->entryId(current);
    if (!id)
        return;
    // The next send down (or the one above) stays selected, so Del can be pressed again.
    const QModelIndex below = m_tree->indexBelow(current);
    const QModelIndex above = m_tree->indexAbove(current);
    HistoryEntryId next = m_model->entryId(below);
    if (!next)
        next = m_model->entryId(m_tree->indexBelow(below));
    if (!next)
        next = m_model->entryId(above);
    if (const Status s = m_store->remove(id); !s) {
        showMessage(s.error());
        return;
    }
    showMessage({});
    setCurrentEntry(next);
}

void HistoryPanel::clearAll()
{
    const int count = m_store->count();
    if (count == 0)
        return;
    if (!m_confirmer(tr(
            "Delete all %n sent request(s) from history? This cannot be undone.", nullptr, count)))
        return;
    if (const Status s = m_store->clear(); !s)
        showMessage(s.error());
    else
        showMessage({});
}

QList<HistoryEntryId> HistoryPanel::selectedEntries() const
{
    QList<HistoryEntryId> ids;
    for (const QModelIndex &index : m_tree->selectionModel()->selectedRows()) {
        if (const HistoryEntryId id = m_model->entryId(index)) {
            ids.append(id);
            continue;
        }
        for (int r = 0; r < m_model->rowCount(index); ++r) // a day: its sends
            if (const HistoryEntryId id = m_model->entryId(m_model->index(r, 0, index)))
                ids.append(id);
    }
    if (ids.isEmpty() && currentEntry())
        ids.append(currentEntry());
    return ids;
}

void HistoryPanel::copyCurrentAsCurl()
{
    const Result<HistoryEntry> entry = m_store->entry(currentEntry());
    if (!entry) {
        showMessage(entry.error());
        return;
    }
    // As recorded: the final hop, credentials already redacted.
    QApplication::clipboard()->setText(
        QString::fromUtf8(CurlWriter::fromExchange(entry->exchange)));
    showMessage(tr("Copied as cURL, as it was sent (credentials redacted)."));
}

void HistoryPanel::exportSelectedAsHar()
{
    const QList<HistoryEntryId> ids = selectedEntries();
    const Result<QByteArray> har = HistoryHar::write(*m_store, ids);
    if (!har) {
        showMessage(har.error());
        return;
    }
    const QString path = m_chooseFile(QStringLiteral("history.har"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(har.value()) == har->size()
        && file.commit();
    showMessage(!ok           ? tr("Could not write %1: %2").arg(path, file.errorString())
            : ids.size() == 1 ? tr("Exported 1 send as HAR to %1").arg(path)
                              : tr("Exported %1 sends as HAR to %2").arg(ids.size()).arg(path));
}

void HistoryPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_tree->indexAt(pos);
    if (!m_model->entryId(index))
        return;
    if (!m_tree->selectionModel()->isSelected(index))
        m_tree->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("Open"), this, &HistoryPanel::openCurrent);
    menu.addAction(tr("Send again"), this, &HistoryPanel::sendAgainCurrent);
    menu.addSeparator();
    menu.addAction(m_copyCurlAction);
    const qsizetype picked = selectedEntries().size();
    m_exportHarAction->setText(
        picked > 1 ? tr("Export %1 sends as HAR…").arg(picked) : tr("Export as HAR…"));
    menu.addAction(m_exportHarAction);
    menu.addSeparator();
    menu.addAction(tr("Delete"), this, &HistoryPanel::deleteCurrent);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void HistoryPanel::onModelReset()
{
    m_tree->expandAll();
    setCurrentEntry(m_keepSelected);
    updateState();
}

void HistoryPanel::updateState()
{
    const bool empty = m_model->entryCount() == 0;
    const bool filtered = !m_model->filter().text.trimmed().isEmpty()
        || !m_model->filter().method.isEmpty() || m_model->filter().statusClass != StatusClass::Any;
    m_tree->setVisible(!empty);
    m_emptyLabel->setVisible(empty);
    if (!m_store->isOpen())
        m_emptyLabel->setText(tr("History is off."));
    else if (empty && filtered)
        m_emptyLabel->setText(tr("No sent request matches this search."));
    else if (empty)
        m_emptyLabel->setText(
            tr("No requests sent yet. Every request you send is listed here, by day."));
    const int shown = m_model->entryCount();
    const int matching = m_model->matchingCount();
    m_countLabel->setText(matching > shown
            ? tr("Showing the newest %1 of %2 sends; search to narrow them.")
                  .arg(shown)
                  .arg(matching)
            : QString());
    m_countLabel->setVisible(matching > shown);
    const bool chosen = currentEntry() != 0;
    m_openButton->setEnabled(chosen);
    m_sendAgainButton->setEnabled(chosen);
    m_deleteButton->setEnabled(chosen);
    m_clearButton->setEnabled(m_store->count() > 0);
}

} // namespace Playground
