#include "ui/ResponseView.h"

#include "app/core/PlainToolTip.h"

#include "app/response/CookieTableModel.h"
#include "app/response/JsonTreeModel.h"
#include "app/response/ResponseFormatter.h"
#include "ui/BodyTextView.h"
#include "ui/ClearButtonOnDemand.h"
#include "ui/CookieTable.h"
#include "ui/ImagePreview.h"
#include "ui/JsonFilterBar.h"
#include "ui/StatusColors.h"
#include "ui/TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Playground {

namespace {

    QPlainTextEdit *readOnlyText(
        const QString &objectName, const QString &accessibleName, QWidget *parent)
    {
        auto *edit = new QPlainTextEdit(parent);
        edit->setObjectName(objectName);
        edit->setAccessibleName(accessibleName);
        edit->setReadOnly(true);
        edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        edit->setUndoRedoEnabled(false);
        return edit;
    }

    QLabel *label(const QString &objectName, const QString &accessibleName, QWidget *parent)
    {
        auto *label = new QLabel(parent);
        label->setObjectName(objectName);
        label->setAccessibleName(accessibleName);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    }

} // namespace

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent)
    , m_statusLabel(label(QStringLiteral("statusLabel"), tr("Response status"), this))
    , m_timingsLabel(label(QStringLiteral("timingsLabel"), tr("Timings"), this))
    , m_warningsLabel(label(QStringLiteral("warningsLabel"), tr("Warnings"), this))
    , m_tabs(new QTabWidget(this))
    , m_bodyNoteLabel(label(QStringLiteral("responseBodyNoteLabel"), tr("About the body"), this))
    , m_saveBodyButton(new QPushButton(tr("Save body…"), this))
    , m_modeGroup(new QButtonGroup(this))
    , m_findEdit(new QLineEdit(this))
    , m_findCountLabel(label(QStringLiteral("responseFindCountLabel"), tr("Matches"), this))
    , m_findPreviousButton(new QToolButton(this))
    , m_findNextButton(new QToolButton(this))
    , m_findCaseCheckBox(new QCheckBox(tr("Match case"), this))
    , m_bodyStack(new QStackedWidget(this))
    , m_bodyView(new BodyTextView(this))
    , m_treeView(new QTreeView(this))
    , m_treeMessageLabel(label(QStringLiteral("responseTreeMessageLabel"), tr("Tree"), this))
    , m_treeModel(new JsonTreeModel(this))
    , m_headersTable(new QTableWidget(0, 2, this))
    , m_requestEdit(
          readOnlyText(QStringLiteral("requestSentPlainTextEdit"), tr("Request as sent"), this))
    , m_redirectsEdit(
          readOnlyText(QStringLiteral("redirectsPlainTextEdit"), tr("Redirects followed"), this))
    , m_redirectsTab(m_redirectsEdit)
    , m_filterBar(new JsonFilterBar(this))
    , m_findRegexCheckBox(new QCheckBox(tr("Regex"), this))
    , m_imagePreview(new ImagePreview(this))
    , m_timeline(new TimelineView(this))
    , m_cookiesModel(new CookieTableModel(this))
    , m_cookiesTable(new CookieTable(m_cookiesModel, QStringLiteral("responseCookiesTableView"),
          tr("Cookies this response set"), this))
{
    setObjectName(QStringLiteral("responseView"));
    QFont statusFont = m_statusLabel->font();
    statusFont.setBold(true);
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.1);
    m_statusLabel->setFont(statusFont);
    // The status never clips: room for the widest progress text, and never less than its text.
    m_statusLabel->setMinimumWidth(
        QFontMetrics(statusFont)
            .horizontalAdvance(tr("Receiving… %1").arg(QStringLiteral("1023.9 MiB")))
        + 4);
    m_statusLabel->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    // Long texts (a URL while sending) are cut, never widen the window; the tooltip has all.
    m_timingsLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_timingsLabel->setToolTip(tr("Milliseconds since the send began"));
    m_timingsLabel->setForegroundRole(QPalette::PlaceholderText);
    // Warnings take a reserved line: showing one never moves the body.
    m_warningsLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    QSizePolicy warningPolicy = m_warningsLabel->sizePolicy();
    warningPolicy.setRetainSizeWhenHidden(true);
    m_warningsLabel->setSizePolicy(warningPolicy);
    QPalette warningPalette = m_warningsLabel->palette();
    warningPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x7a, 0x00));
    m_warningsLabel->setPalette(warningPalette);

    m_headersTable->setObjectName(QStringLiteral("responseHeadersTableWidget"));
    m_headersTable->setAccessibleName(tr("Response headers"));
    m_headersTable->setHorizontalHeaderLabels({ tr("Name"), tr("Value") });
    m_headersTable->horizontalHeader()->setStretchLastSection(true);
    m_headersTable->horizontalHeader()->resizeSection(0, 220);
    m_headersTable->verticalHeader()->hide();
    m_headersTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headersTable->setAlternatingRowColors(true);
    m_headersTable->setWordWrap(false);

    m_requestEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_redirectsEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_tabs->setObjectName(QStringLiteral("responseTabWidget"));
    m_tabs->setAccessibleName(tr("Response parts"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(makeBodyTab(), tr("Body"));
    m_tabs->addTab(m_headersTable, tr("Headers"));
    m_tabs->addTab(m_requestEdit, tr("Request"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    m_tabs->addTab(m_redirectsTab, tr("Redirects"));
    m_tabs->addTab(m_cookiesTable, tr("Cookies"));

    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(16);
    statusRow->addWidget(m_statusLabel);
    statusRow->addWidget(m_timingsLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(2);
    layout->addLayout(statusRow);
    layout->addWidget(m_warningsLabel);
    layout->addWidget(m_tabs, 1);

    connect(&m_formatWatcher, &QFutureWatcher<PreparedBody>::progressValueChanged, this,
        [this](int percent) {
            setNote(tr("Formatting %1… %2%")
                        .arg(ResponseFormatter::sizeText(m_exchange.bodySize))
                        .arg(percent));
        });
    connect(&m_formatWatcher, &QFutureWatcher<PreparedBody>::finished, this, [this] {
        if (!m_formatWatcher.isCanceled() && m_formatWatcher.future().resultCount() > 0)
            applyPrepared(m_formatWatcher.future().takeResult());
    });
    connect(&m_treeWatcher, &QFutureWatcher<int>::finished, this, [this] {
        if (m_treeWatcher.isCanceled() || m_treeWatcher.future().resultCount() == 0)
            return;
        const auto [tree, error] = m_treeWatcher.result();
        m_treeModel->setTree(tree);
        m_treeMessageLabel->setText(error);
        m_treeMessageLabel->setVisible(!error.isEmpty());
        m_treeView->setVisible(error.isEmpty());
        m_treeLoaded = true;
    });
    connect(&m_searchWatcher, &QFutureWatcher<SearchMatches>::progressValueChanged, this,
        [this](int percent) { m_findCountLabel->setText(tr("Searching… %1%").arg(percent)); });
    connect(&m_searchWatcher, &QFutureWatcher<SearchMatches>::finished, this, [this] {
        if (!m_searchWatcher.isCanceled() && m_searchWatcher.future().resultCount() > 0)
            applyMatches(
                std::make_shared<const SearchMatches>(m_searchWatcher.future().takeResult()));
    });
    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(200);
    connect(&m_searchDelay, &QTimer::timeout, this, &ResponseView::startSearch);
    clear();
}

ResponseView::~ResponseView()
{
    // Workers hold only shared data, but a running one is waited for: nothing outlives the view.
    m_formatWatcher.cancel();
    m_searchWatcher.cancel();
    m_treeWatcher.cancel();
    if (m_formatWatcher.isRunning())
        m_formatWatcher.waitForFinished();
    if (m_searchWatcher.isRunning())
        m_searchWatcher.waitForFinished();
    if (m_treeWatcher.isRunning())
        m_treeWatcher.waitForFinished();
}

QWidget *ResponseView::makeBodyTab()
{
    auto *tab = new QWidget(this);
    auto *modeRow = new QHBoxLayout;
    modeRow->setSpacing(0);
    const struct {
        BodyMode mode;
        QString text;
        QString name;
        QString accessible;
    } modes[] = {
        { BodyMode::Pretty, tr("Pretty"), QStringLiteral("prettyModeButton"),
            tr("Show the body indented") },
        { BodyMode::Raw, tr("Raw"), QStringLiteral("rawModeButton"), tr("Show the body as sent") },
        { BodyMode::Tree, tr("Tree"), QStringLiteral("treeModeButton"),
            tr("Show the JSON body as a tree") },
        { BodyMode::Hex, tr("Hex"), QStringLiteral("hexModeButton"), tr("Show the body's bytes") },
        { BodyMode::Preview, tr("Preview"), QStringLiteral("previewModeButton"),
            tr("Show the image") },
    };
    for (const auto &m : modes) {
        auto *button = new QToolButton(tab);
        button->setText(m.text);
        button->setObjectName(m.name);
        button->setAccessibleName(m.accessible);
        button->setCheckable(true);
        button->setAutoRaise(true);
        m_modeGroup->addButton(button, int(m.mode));
        modeRow->addWidget(button);
    }
    m_modeGroup->setExclusive(true);
    connect(m_modeGroup, &QButtonGroup::idClicked, this, [this](int id) {
        m_preferredMode = BodyMode(id);
        setBodyMode(BodyMode(id));
    });
    modeRow->addSpacing(12);
    m_bodyNoteLabel->setForegroundRole(QPalette::PlaceholderText);
    m_bodyNoteLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    modeRow->addWidget(m_bodyNoteLabel, 1);
    m_saveBodyButton->setObjectName(QStringLiteral("saveBodyButton"));
    m_saveBodyButton->setAccessibleName(tr("Save response body to a file"));
    QSizePolicy savePolicy = m_saveBodyButton->sizePolicy();
    savePolicy.setRetainSizeWhenHidden(true);
    m_saveBodyButton->setSizePolicy(savePolicy);
    connect(m_saveBodyButton, &QPushButton::clicked, this, &ResponseView::saveBody);
    modeRow->addWidget(m_saveBodyButton);

    m_findEdit->setObjectName(QStringLiteral("responseFindLineEdit"));
    m_findEdit->setAccessibleName(tr("Find in response body"));
    m_findEdit->setPlaceholderText(tr("Find (Ctrl+F)"));
    ClearButtonOnDemand::install(m_findEdit);
    m_findEdit->setToolTip(tr("Enter: next match · Shift+Enter: previous · F3 / Shift+F3"));
    m_findEdit->installEventFilter(this);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] {
        const qint64 size = m_bodyView->source() ? m_bodyView->source()->searchBytes().size() : 0;
        if (size <= SyncSearchLimitBytes)
            startSearch();
        else
            m_searchDelay.start();
    });
    m_findCountLabel->setMinimumWidth(
        m_findCountLabel->fontMetrics().horizontalAdvance(QStringLiteral("1000000+ of 1000000+"))
        + 8);
    m_findCountLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_findPreviousButton->setObjectName(QStringLiteral("findPreviousButton"));
    m_findPreviousButton->setAccessibleName(tr("Previous match"));
    m_findPreviousButton->setToolTip(tr("Previous match (Shift+F3)"));
    m_findPreviousButton->setArrowType(Qt::UpArrow);
    m_findPreviousButton->setAutoRaise(true);
    m_findNextButton->setObjectName(QStringLiteral("findNextButton"));
    m_findNextButton->setAccessibleName(tr("Next match"));
    m_findNextButton->setToolTip(tr("Next match (F3)"));
    m_findNextButton->setArrowType(Qt::DownArrow);
    m_findNextButton->setAutoRaise(true);
    connect(m_findPreviousButton, &QToolButton::clicked, this, [this] { findNext(true); });
    connect(m_findNextButton, &QToolButton::clicked, this, [this] { findNext(false); });
    m_findCaseCheckBox->setObjectName(QStringLiteral("findCaseCheckBox"));
    m_findCaseCheckBox->setAccessibleName(tr("Match case"));
    connect(m_findCaseCheckBox, &QCheckBox::toggled, this, &ResponseView::startSearch);
    m_findRegexCheckBox->setObjectName(QStringLiteral("findRegexCheckBox"));
    m_findRegexCheckBox->setAccessibleName(tr("Find a regular expression"));
    m_findRegexCheckBox->setToolTip(
        tr("Find a regular expression (Perl syntax), a line at a time"));
    connect(m_findRegexCheckBox, &QCheckBox::toggled, this, &ResponseView::startSearch);
    auto *next = new QShortcut(QKeySequence(Qt::Key_F3), this);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, [this] { findNext(false); });
    auto *previous = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this);
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, [this] { findNext(true); });

    connect(m_filterBar, &JsonFilterBar::resultChanged, this, &ResponseView::showBodySource);
    connect(m_filterBar, &JsonFilterBar::message, this,
        [this](const QString &text) { setNote(text.isEmpty() ? m_body.note : text); });

    auto *findRow = new QHBoxLayout;
    findRow->setSpacing(4);
    findRow->addWidget(m_filterBar, 1);
    findRow->addWidget(m_findEdit, 1);
    findRow->addWidget(m_findCountLabel);
    findRow->addWidget(m_findPreviousButton);
    findRow->addWidget(m_findNextButton);
    findRow->addWidget(m_findCaseCheckBox);
    findRow->addWidget(m_findRegexCheckBox);

    m_bodyView->setObjectName(QStringLiteral("responseBodyView"));
    m_bodyView->setAccessibleName(tr("Response body"));
    connect(m_bodyView, &BodyTextView::notice, this, &ResponseView::setNote);

    auto *treePage = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePage);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    m_treeView->setObjectName(QStringLiteral("responseTreeView"));
    m_treeView->setAccessibleName(tr("Response body as a tree"));
    m_treeView->setModel(m_treeModel);
    m_treeView->setUniformRowHeights(true);
    m_treeView->header()->resizeSection(JsonTreeModel::KeyColumn, 220);
    m_treeView->header()->resizeSection(JsonTreeModel::ValueColumn, 360);
    m_treeView->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyPath = new QAction(tr("Copy path"), m_treeView);
    connect(copyPath, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(m_treeModel->pathOf(m_treeView->currentIndex()));
    });
    auto *copyValue = new QAction(tr("Copy value"), m_treeView);
    connect(copyValue, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(m_treeModel->valueTextOf(m_treeView->currentIndex()));
    });
    m_treeView->addActions({ copyPath, copyValue });
    m_treeMessageLabel->setWordWrap(true);
    m_treeMessageLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_treeMessageLabel->setMargin(8);
    treeLayout->addWidget(m_treeMessageLabel);
    treeLayout->addWidget(m_treeView, 1);
    m_bodyStack->addWidget(m_bodyView);
    m_bodyStack->addWidget(treePage);
    m_bodyStack->addWidget(m_imagePreview);
    connect(m_imagePreview, &ImagePreview::message, this,
        [this](const QString &text) { setNote(m_body.note + QStringLiteral(" · ") + text); });

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(modeRow);
    layout->addLayout(findRow);
    layout->addWidget(m_bodyStack, 1);
    return tab;
}

void ResponseView::setStatusColor(const QColor &color)
{
    QPalette palette = m_statusLabel->palette();
    palette.setColor(QPalette::WindowText,
        color.isValid() ? color : this->palette().color(QPalette::WindowText));
    m_statusLabel->setPalette(palette);
}

void ResponseView::setNote(const QString &text)
{
    m_bodyNoteLabel->setText(text);
    m_bodyNoteLabel->setToolTip(plainToolTip(text));
}

void ResponseView::clear()
{
    m_formatWatcher.cancel();
    m_searchWatcher.cancel();
    m_treeWatcher.cancel();
    m_searchDelay.stop();
    m_exchange = {};
    m_body = {};
    m_matches.reset();
    m_currentMatch = -1;
    m_treeModel->setTree(nullptr);
    m_treeLoaded = false;
    m_filterBar->setBody(nullptr);
    m_imagePreview->setBody(nullptr);
    m_isImage = false;
    m_timeline->clear();
    m_statusLabel->setText(tr("No response yet"));
    m_statusLabel->setToolTip(QString());
    setStatusColor({});
    m_timingsLabel->clear();
    m_timingsLabel->setToolTip(QString());
    m_warningsLabel->hide();
    setNote(QString());
    m_bodyView->setSource(nullptr);
    m_bodyView->setPlaceholderText(tr("Send a request to see the response here."));
    m_findCountLabel->clear();
    for (QAbstractButton *button : m_modeGroup->buttons())
        button->setVisible(false);
    m_saveBodyButton->hide();
    m_bodyStack->setCurrentIndex(0);
    showHeaders({});
    m_requestEdit->clear();
    m_redirectsEdit->clear();
    m_tabs->setTabVisible(m_tabs->indexOf(m_redirectsTab), false);
    m_tabs->setTabText(1, tr("Headers"));
    showCookies({});
}

void ResponseView::showCookies(const QList<QNetworkCookie> &cookies)
{
    m_cookiesModel->setCookies(cookies);
    const int index = m_tabs->indexOf(m_cookiesTable);
    m_tabs->setTabText(
        index, cookies.isEmpty() ? tr("Cookies") : tr("Cookies (%1)").arg(cookies.size()));
}

void ResponseView::showSending(const QString &method, const QString &url)
{
    clear();
    m_statusLabel->setText(tr("Sending…"));
    m_timingsLabel->setText(QStringLiteral("%1 %2").arg(method, url));
    m_timingsLabel->setToolTip(m_timingsLabel->text());
    m_bodyView->setPlaceholderText(QString());
}

void ResponseView::showProgress(qint64 received)
{
    m_statusLabel->setText(tr("Receiving… %1").arg(ResponseFormatter::sizeText(received)));
}

void ResponseView::showExchange(const Exchange &exchange)
{
    clear();
    m_exchange = exchange;
    m_statusLabel->setText(ResponseFormatter::statusLine(exchange));
    m_statusLabel->setToolTip(ResponseFormatter::hasWireSize(exchange)
            ? tr("The server sent the body compressed (%1): %2 on the wire, %3 once unpacked, "
                 "as shown here.")
                  .arg(QString::fromLatin1(exchange.responseHeader("Content-Encoding")),
                      ResponseFormatter::sizeText(exchange.bodyWireSize),
                      ResponseFormatter::sizeText(exchange.bodySize))
            : QString());
    // A cancel is the user's own doing: neutral, not red.
    setStatusColor(exchange.failure == FailureKind::Cancelled
            ? palette().color(QPalette::PlaceholderText)
            : statusColor(ResponseFormatter::statusClass(exchange)));
    m_timingsLabel->setText(ResponseFormatter::timingsText(exchange.timings));
    m_timingsLabel->setToolTip(tr("Milliseconds since the send began"));

    // The executor says it when certificate checks were off (--insecure or the request's choice).
    m_warningsLabel->setText(exchange.warnings.join(QStringLiteral(" · ")));
    m_warningsLabel->setToolTip(plainToolTip(exchange.warnings.join(QLatin1Char('\n'))));
    m_warningsLabel->setVisible(!exchange.warnings.isEmpty());

    showHeaders(exchange.responseHeaders);
    m_timeline->showExchange(exchange);
    showCookies(exchange.cookies);
    m_requestEdit->setPlainText(ResponseFormatter::requestText(exchange));

    const QString hops = ResponseFormatter::redirectsText(exchange);
    m_redirectsEdit->setPlainText(hops);
    const int redirectsIndex = m_tabs->indexOf(m_redirectsTab);
    m_tabs->setTabVisible(redirectsIndex, !exchange.hops.isEmpty());
    m_tabs->setTabText(redirectsIndex, tr("Redirects (%1)").arg(exchange.hops.size()));

    m_bodyView->setPlaceholderText(
        exchange.status > 0 ? tr("(empty body)") : tr("No response body."));
    m_saveBodyButton->setVisible(exchange.bodySize > 0);
    if (exchange.status <= 0 && exchange.bodySize == 0)
        return;
    if (exchange.bodySize <= SyncFormatLimitBytes && !exchange.bodyFile) {
        if (auto prepared = BodyPreparer::prepare(exchange))
            applyPrepared(std::move(*prepared));
        return;
    }
    // The beginning at once, the whole when the worker is done.
    m_bodyView->setSource(BodyPreparer::firstScreen(exchange));
    setNote(tr("Formatting %1…").arg(ResponseFormatter::sizeText(exchange.bodySize)));
    m_formatWatcher.setFuture(QtConcurrent::run([exchange](QPromise<PreparedBody> &promise) {
        promise.setProgressRange(0, 100);
        auto prepared = BodyPreparer::prepare(exchange, [&promise](int percent) {
            promise.setProgressValue(percent);
            return !promise.isCanceled();
        });
        if (prepared)
            promise.addResult(std::move(*prepared));
    }));
}

bool ResponseView::isFormatting() const
{
    return m_formatWatcher.isRunning();
}

bool ResponseView::isSearching() const
{
    return m_searchWatcher.isRunning() || m_searchDelay.isActive();
}

void ResponseView::applyPrepared(PreparedBody body)
{
    m_body = std::move(body);
    m_treeLoaded = false;
    const bool json = m_body.kind == PreparedBody::Kind::Json;
    m_modeGroup->button(int(BodyMode::Pretty))->setVisible(bool(m_body.pretty));
    m_modeGroup->button(int(BodyMode::Raw))
        ->setVisible(bool(m_body.raw) && m_body.kind != PreparedBody::Kind::Empty);
    m_modeGroup->button(int(BodyMode::Tree))->setVisible(json);
    m_modeGroup->button(int(BodyMode::Hex))->setVisible(m_body.kind != PreparedBody::Kind::Empty);
    m_isImage = m_body.kind == PreparedBody::Kind::Binary && m_body.bytes
        && ImagePreview::isImage(m_body.bytes->bytes());
    m_modeGroup->button(int(BodyMode::Preview))->setVisible(m_isImage);
    BodyMode mode = m_preferredMode;
    if (m_isImage && mode != BodyMode::Hex)
        mode = BodyMode::Preview; // a picture shows as one unless the user asked for bytes
    if (!m_modeGroup->button(int(mode))->isVisible())
        mode = m_body.pretty ? BodyMode::Pretty : (m_body.hex ? BodyMode::Hex : BodyMode::Raw);
    setNote(m_body.note);
    setBodyMode(mode);
    // The filter parses the body, as the tree does: up to the same size.
    m_filterBar->setBody(json && m_body.bytes && m_body.bytes->size() <= JsonTreeModel::MaxBytes
            ? m_body.bytes
            : nullptr);
    Q_EMIT bodyReady();
}

void ResponseView::setBodyMode(BodyMode mode)
{
    m_mode = mode;
    if (QAbstractButton *button = m_modeGroup->button(int(mode)))
        button->setChecked(true);
    if (mode == BodyMode::Tree) {
        m_bodyStack->setCurrentIndex(1);
        showTree();
        return;
    }
    if (mode == BodyMode::Preview) {
        m_bodyStack->setCurrentIndex(2);
        if (m_imagePreview->image().isNull())
            m_imagePreview->setBody(m_body.bytes);
        return;
    }
    m_bodyStack->setCurrentIndex(0);
    showBodySource();
}

void ResponseView::showBodySource()
{
    std::shared_ptr<const LineSource> source;
    switch (m_mode) {
    case BodyMode::Pretty:
        source = m_body.pretty ? m_body.pretty : m_body.raw;
        break;
    case BodyMode::Raw:
        source = m_body.raw;
        break;
    case BodyMode::Hex:
        source = m_body.hex ? m_body.hex
                            : (m_body.bytes ? std::make_shared<HexLines>(m_body.bytes) : nullptr);
        break;
    case BodyMode::Tree:
    case BodyMode::Preview:
        break;
    }
    if (!source)
        source = m_body.raw;
    if (m_filterBar->result() && (m_mode == BodyMode::Pretty || m_mode == BodyMode::Raw))
        source = m_filterBar->result();
    m_bodyView->setSource(source);
    m_matches.reset();
    m_currentMatch = -1;
    if (!m_findEdit->text().isEmpty())
        startSearch();
}

void ResponseView::showTree()
{
    if (m_treeLoaded || m_treeWatcher.isRunning())
        return;
    m_treeView->setVisible(false);
    m_treeMessageLabel->setVisible(true);
    if (m_body.kind != PreparedBody::Kind::Json || !m_body.bytes) {
        m_treeMessageLabel->setText(tr("The tree shows JSON bodies."));
        return;
    }
    if (m_body.bytes->size() > JsonTreeModel::MaxBytes) {
        m_treeMessageLabel->setText(
            tr("The tree shows JSON bodies up to %1; this one is %2. Pretty and Raw show all of "
               "it, and Find searches all of it.")
                .arg(ResponseFormatter::sizeText(JsonTreeModel::MaxBytes),
                    ResponseFormatter::sizeText(m_body.bytes->size())));
        return;
    }
    m_treeMessageLabel->setText(tr("Reading the JSON…"));
    const std::shared_ptr<const BodyBuffer> bytes = m_body.bytes;
    m_treeWatcher.setFuture(QtConcurrent::run([bytes] {
        auto parsed = JsonTreeModel::parse(bytes->bytes());
        return parsed ? std::pair(parsed.value(), QString())
                      : std::pair(std::shared_ptr<const JsonTree>(), parsed.error());
    }));
}

void ResponseView::focusFind()
{
    m_tabs->setCurrentIndex(0);
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

bool ResponseView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (m_searchDelay.isActive())
                startSearch(); // Enter while typing: search now
            else
                findNext(key->modifiers() & Qt::ShiftModifier);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ResponseView::startSearch()
{
    m_searchDelay.stop();
    m_searchWatcher.cancel();
    m_matches.reset();
    m_currentMatch = -1;
    const std::shared_ptr<const LineSource> source = m_bodyView->source();
    const QByteArray needle = m_findEdit->text().toUtf8();
    if (needle.isEmpty() || !source || m_mode == BodyMode::Tree || m_mode == BodyMode::Preview) {
        m_bodyView->setMatches(nullptr, -1);
        updateFindCount();
        Q_EMIT searchFinished();
        return;
    }
    const bool caseSensitive = m_findCaseCheckBox->isChecked();
    std::optional<QRegularExpression> regex;
    if (m_findRegexCheckBox->isChecked()) {
        regex = QRegularExpression(m_findEdit->text(),
            caseSensitive ? QRegularExpression::NoPatternOption
                          : QRegularExpression::CaseInsensitiveOption);
        if (!regex->isValid()) {
            m_bodyView->setMatches(nullptr, -1);
            updateFindCount();
            m_findCountLabel->setText(tr("Invalid pattern"));
            m_findCountLabel->setToolTip(tr("Not a valid regular expression, at character %1: %2")
                                             .arg(regex->patternErrorOffset() + 1)
                                             .arg(regex->errorString()));
            Q_EMIT searchFinished();
            return;
        }
    }
    m_findCountLabel->setToolTip(QString());
    // One search, on this thread for small texts or on a worker for large ones.
    const auto search = [needle, caseSensitive, regex](
                            QByteArrayView text, const TextSearch::KeepGoing &keepGoing) {
        return regex ? TextSearch::findAllRegex(text, *regex, keepGoing)
                     : TextSearch::findAll(text, needle, caseSensitive, keepGoing);
    };
    if (source->searchBytes().size() <= SyncSearchLimitBytes) {
        auto matches = search(source->searchBytes(), {});
        applyMatches(std::make_shared<const SearchMatches>(std::move(*matches)));
        return;
    }
    m_findCountLabel->setText(tr("Searching…"));
    m_searchWatcher.setFuture(QtConcurrent::run([source, search](QPromise<SearchMatches> &promise) {
        const qint64 size = qMax<qint64>(1, source->searchBytes().size());
        promise.setProgressRange(0, 100);
        auto matches = search(source->searchBytes(), [&](qint64 done) {
            source->releaseBefore(done);
            promise.setProgressValue(int(100 * done / size));
            return !promise.isCanceled();
        });
        if (matches)
            promise.addResult(std::move(*matches));
    }));
}

void ResponseView::applyMatches(std::shared_ptr<const SearchMatches> matches)
{
    m_matches = std::move(matches);
    // The first match from where the user is looking.
    const std::shared_ptr<const LineSource> source = m_bodyView->source();
    m_currentMatch
        = source ? m_matches->firstFrom(source->lineOffset(m_bodyView->firstVisibleLine())) : -1;
    m_bodyView->setMatches(m_matches, m_currentMatch);
    updateFindCount();
    Q_EMIT searchFinished();
}

void ResponseView::findNext(bool backwards)
{
    if (m_searchDelay.isActive() || m_searchWatcher.isRunning())
        return;
    if (!m_matches || m_matches->count() == 0) {
        if (!m_findEdit->text().isEmpty() && !m_matches)
            startSearch();
        return;
    }
    const qsizetype count = m_matches->count();
    m_currentMatch
        = backwards ? (m_currentMatch - 1 + count) % count : (m_currentMatch + 1) % count;
    m_bodyView->setMatches(m_matches, m_currentMatch);
    updateFindCount();
}

void ResponseView::updateFindCount()
{
    const bool found = m_matches && m_matches->count() > 0;
    if (!m_matches) {
        m_findCountLabel->clear();
    } else if (!found) {
        m_findCountLabel->setText(tr("No matches"));
    } else {
        const QString total = m_matches->capped ? tr("%1+").arg(m_matches->count())
                                                : QString::number(m_matches->count());
        m_findCountLabel->setText(tr("%1 of %2").arg(m_currentMatch + 1).arg(total));
    }
    m_findPreviousButton->setEnabled(found);
    m_findNextButton->setEnabled(found);
    QPalette palette = m_findEdit->palette();
    palette.setColor(QPalette::Text,
        m_matches && !found ? QColor(0xd6, 0x45, 0x45) : this->palette().color(QPalette::Text));
    m_findEdit->setPalette(palette);
}

void ResponseView::showHeaders(const HeaderList &headers)
{
    m_headersTable->setRowCount(0);
    m_headersTable->setRowCount(headers.size());
    for (int row = 0; row < headers.size(); ++row) {
        m_headersTable->setItem(
            row, 0, new QTableWidgetItem(QString::fromLatin1(headers.at(row).first)));
        m_headersTable->setItem(
            row, 1, new QTableWidgetItem(QString::fromUtf8(headers.at(row).second)));
    }
    m_tabs->setTabText(
        1, headers.isEmpty() ? tr("Headers") : tr("Headers (%1)").arg(headers.size()));
}

void ResponseView::saveBody()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save response body"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok && m_exchange.bodyFile) {
        QFile source(m_exchange.bodyFile->fileName());
        ok = source.open(QIODevice::ReadOnly);
        while (ok && !source.atEnd())
            ok = file.write(source.read(1024 * 1024)) >= 0;
    } else if (ok) {
        ok = file.write(m_exchange.body) == m_exchange.body.size();
    }
    ok = ok && file.commit();
    setNote(ok ? tr("Saved the body to %1").arg(path)
               : tr("Could not save the body to %1: %2").arg(path, file.errorString()));
}

} // namespace Playground
