#include "ui/ResponseView.h"

#include "app/response/ResponseFormatter.h"

#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextCursor>
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

    QColor colorFor(ResponseFormatter::StatusClass statusClass)
    {
        // Mid-tone colors: readable on light and dark window backgrounds.
        switch (statusClass) {
        case ResponseFormatter::StatusClass::Success:
            return QColor(0x2e, 0x9d, 0x4f);
        case ResponseFormatter::StatusClass::Redirect:
        case ResponseFormatter::StatusClass::Informational:
            return QColor(0x3a, 0x7b, 0xd5);
        case ResponseFormatter::StatusClass::ClientError:
            return QColor(0xd0, 0x7a, 0x00);
        case ResponseFormatter::StatusClass::ServerError:
        case ResponseFormatter::StatusClass::Failed:
            return QColor(0xd6, 0x45, 0x45);
        case ResponseFormatter::StatusClass::None:
            break;
        }
        return {};
    }

} // namespace

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent)
    , m_statusLabel(new QLabel(this))
    , m_timingsLabel(new QLabel(this))
    , m_warningsLabel(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_bodyNoteLabel(new QLabel(this))
    , m_saveBodyButton(new QPushButton(tr("Save body…"), this))
    , m_findEdit(new QLineEdit(this))
    , m_bodyEdit(
          readOnlyText(QStringLiteral("responseBodyPlainTextEdit"), tr("Response body"), this))
    , m_headersTable(new QTableWidget(0, 2, this))
    , m_requestEdit(
          readOnlyText(QStringLiteral("requestSentPlainTextEdit"), tr("Request as sent"), this))
    , m_redirectsEdit(
          readOnlyText(QStringLiteral("redirectsPlainTextEdit"), tr("Redirects followed"), this))
    , m_redirectsTab(m_redirectsEdit)
{
    setObjectName(QStringLiteral("responseView"));
    for (QLabel *label : { m_statusLabel, m_timingsLabel, m_warningsLabel, m_bodyNoteLabel }) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setAccessibleName(tr("Response status"));
    QFont statusFont = m_statusLabel->font();
    statusFont.setBold(true);
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.1);
    m_statusLabel->setFont(statusFont);
    // Long texts (a URL while sending, a note) are clipped, never widen the window.
    m_timingsLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_bodyNoteLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_timingsLabel->setObjectName(QStringLiteral("timingsLabel"));
    m_timingsLabel->setAccessibleName(tr("Timings"));
    m_timingsLabel->setToolTip(tr("Milliseconds since the send began"));
    m_timingsLabel->setForegroundRole(QPalette::PlaceholderText);
    m_warningsLabel->setObjectName(QStringLiteral("warningsLabel"));
    m_warningsLabel->setAccessibleName(tr("Warnings"));
    m_warningsLabel->setWordWrap(true);
    QPalette warningPalette = m_warningsLabel->palette();
    warningPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x7a, 0x00));
    m_warningsLabel->setPalette(warningPalette);
    m_bodyNoteLabel->setObjectName(QStringLiteral("responseBodyNoteLabel"));
    m_bodyNoteLabel->setForegroundRole(QPalette::PlaceholderText);
    m_saveBodyButton->setObjectName(QStringLiteral("saveBodyButton"));
    m_saveBodyButton->setAccessibleName(tr("Save response body to a file"));
    m_saveBodyButton->hide();
    connect(m_saveBodyButton, &QPushButton::clicked, this, &ResponseView::saveBody);
    m_findEdit->setObjectName(QStringLiteral("responseFindLineEdit"));
    m_findEdit->setAccessibleName(tr("Find in response body"));
    m_findEdit->setPlaceholderText(tr("Find (Ctrl+F)"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->setMaximumWidth(260);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] { findInBody(true); });
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { findInBody(false); });

    m_headersTable->setObjectName(QStringLiteral("responseHeadersTableWidget"));
    m_headersTable->setAccessibleName(tr("Response headers"));
    m_headersTable->setHorizontalHeaderLabels({ tr("Name"), tr("Value") });
    m_headersTable->horizontalHeader()->setStretchLastSection(true);
    m_headersTable->horizontalHeader()->resizeSection(0, 220);
    m_headersTable->verticalHeader()->hide();
    m_headersTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headersTable->setAlternatingRowColors(true);
    m_headersTable->setWordWrap(false);

    auto *bodyTab = new QWidget(this);
    auto *noteRow = new QHBoxLayout;
    noteRow->addWidget(m_bodyNoteLabel, 1);
    noteRow->addWidget(m_findEdit);
    noteRow->addWidget(m_saveBodyButton);
    auto *bodyLayout = new QVBoxLayout(bodyTab);
    bodyLayout->setContentsMargins(0, 4, 0, 0);
    bodyLayout->addLayout(noteRow);
    bodyLayout->addWidget(m_bodyEdit, 1);

    m_requestEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_redirectsEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_tabs->setObjectName(QStringLiteral("responseTabWidget"));
    m_tabs->setAccessibleName(tr("Response parts"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(bodyTab, tr("Body"));
    m_tabs->addTab(m_headersTable, tr("Headers"));
    m_tabs->addTab(m_requestEdit, tr("Request"));
    m_tabs->addTab(m_redirectsTab, tr("Redirects"));

    auto *statusRow = new QHBoxLayout;
    statusRow->setSpacing(16);
    statusRow->addWidget(m_statusLabel);
    statusRow->addWidget(m_timingsLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addLayout(statusRow);
    layout->addWidget(m_warningsLabel);
    layout->addWidget(m_tabs, 1);

    m_fillTimer.setSingleShot(true);
    m_fillTimer.setInterval(0);
    connect(&m_fillTimer, &QTimer::timeout, this, &ResponseView::appendChunk);
    connect(&m_formatWatcher, &QFutureWatcher<FormattedBody>::finished, this, [this] {
        if (!m_formatWatcher.isCanceled())
            applyBody(m_formatWatcher.result());
    });
    clear();
}

void ResponseView::setStatusColor(const QColor &color)
{
    QPalette palette = m_statusLabel->palette();
    palette.setColor(QPalette::WindowText,
        color.isValid() ? color : this->palette().color(QPalette::WindowText));
    m_statusLabel->setPalette(palette);
}

void ResponseView::clear()
{
    m_formatWatcher.cancel();
    m_fillTimer.stop();
    m_pendingText.clear();
    m_pendingOffset = 0;
    m_exchange = {};
    m_statusLabel->setText(tr("No response yet"));
    setStatusColor({});
    m_timingsLabel->clear();
    m_warningsLabel->hide();
    m_bodyNoteLabel->clear();
    m_bodyEdit->clear();
    m_bodyEdit->setPlaceholderText(tr("Send a request to see the response here."));
    m_saveBodyButton->hide();
    showHeaders({});
    m_requestEdit->clear();
    m_redirectsEdit->clear();
    m_tabs->setTabVisible(m_tabs->indexOf(m_redirectsTab), false);
    m_tabs->setTabText(1, tr("Headers"));
}

void ResponseView::showSending(const QString &method, const QString &url)
{
    clear();
    m_statusLabel->setText(tr("Sending…"));
    m_timingsLabel->setText(QStringLiteral("%1 %2").arg(method, url));
    m_bodyEdit->setPlaceholderText(QString());
}

void ResponseView::showProgress(qint64 received)
{
    m_statusLabel->setText(tr("Receiving… %1").arg(ResponseFormatter::sizeText(received)));
}

void ResponseView::showExchange(const Exchange &exchange)
{
    m_formatWatcher.cancel();
    m_fillTimer.stop();
    m_pendingText.clear();
    m_pendingOffset = 0;
    m_exchange = exchange;
    m_statusLabel->setText(ResponseFormatter::statusLine(exchange));
    // A cancel is the user's own doing: neutral, not red.
    setStatusColor(exchange.failure == FailureKind::Cancelled
            ? palette().color(QPalette::PlaceholderText)
            : colorFor(ResponseFormatter::statusClass(exchange)));
    m_timingsLabel->setText(ResponseFormatter::timingsText(exchange.timings));

    // The executor says it when certificate checks were off (--insecure or the request's choice).
    m_warningsLabel->setText(exchange.warnings.join(QLatin1Char('\n')));
    m_warningsLabel->setVisible(!exchange.warnings.isEmpty());

    showHeaders(exchange.responseHeaders);
    m_requestEdit->setPlainText(ResponseFormatter::requestText(exchange));

    const QString hops = ResponseFormatter::redirectsText(exchange);
    m_redirectsEdit->setPlainText(hops);
    const int redirectsIndex = m_tabs->indexOf(m_redirectsTab);
    m_tabs->setTabVisible(redirectsIndex, !exchange.hops.isEmpty());
    m_tabs->setTabText(redirectsIndex, tr("Redirects (%1)").arg(exchange.hops.size()));

    m_bodyEdit->setPlaceholderText(
        exchange.status > 0 ? tr("(empty body)") : tr("No response body."));
    m_saveBodyButton->setVisible(exchange.bodySize > 0);
    if (exchange.status <= 0 && exchange.bodySize == 0) {
        m_bodyEdit->clear();
        m_bodyNoteLabel->clear();
        return;
    }
    if (exchange.bodySize <= SyncFormatLimitBytes && !exchange.bodyFile) {
        applyBody(ResponseFormatter::formatBody(exchange));
        return;
    }
    m_bodyEdit->clear();
    m_bodyNoteLabel->setText(
        tr("Formatting %1…").arg(ResponseFormatter::sizeText(exchange.bodySize)));
    m_formatWatcher.setFuture(
        QtConcurrent::run([exchange] { return ResponseFormatter::formatBody(exchange); }));
}

bool ResponseView::isFormatting() const
{
    return m_formatWatcher.isRunning() || m_pendingOffset < m_pendingText.size();
}

void ResponseView::applyBody(const FormattedBody &body)
{
    m_bodyEdit->clear();
    m_pendingText = body.text;
    m_pendingOffset = 0;
    appendChunk();
    m_bodyNoteLabel->setText(body.note);
    m_bodyNoteLabel->setToolTip(body.truncated ? tr("Use Save body… to get all of it") : QString());
}

void ResponseView::appendChunk()
{
    const qsizetype size = m_pendingText.size();
    if (m_pendingOffset >= size)
        return;
    qsizetype end = qMin(m_pendingOffset + FillChunkChars, size);
    if (end < size) {
        // End a piece at a line break so no line is split across two inserts.
        const qsizetype newline = m_pendingText.indexOf(QLatin1Char('\n'), end);
        if (newline >= 0 && newline - end < FillChunkChars)
            end = newline + 1;
    }
    QTextCursor cursor(m_bodyEdit->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(m_pendingText.mid(m_pendingOffset, end - m_pendingOffset));
    m_pendingOffset = end;
    if (m_pendingOffset < size) {
        m_fillTimer.start();
    } else {
        m_pendingText.clear();
        m_pendingOffset = 0;
    }
}

void ResponseView::focusFind()
{
    m_tabs->setCurrentIndex(0);
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

void ResponseView::findInBody(bool fromStart)
{
    const QString text = m_findEdit->text();
    if (fromStart) {
        QTextCursor cursor = m_bodyEdit->textCursor();
        cursor.movePosition(QTextCursor::Start);
        m_bodyEdit->setTextCursor(cursor);
    }
    bool found = text.isEmpty() || m_bodyEdit->find(text);
    if (!found && !fromStart) {
        // Wrap around to the first match.
        QTextCursor cursor = m_bodyEdit->textCursor();
        cursor.movePosition(QTextCursor::Start);
        m_bodyEdit->setTextCursor(cursor);
        found = m_bodyEdit->find(text);
    }
    QPalette palette = m_findEdit->palette();
    palette.setColor(
        QPalette::Text, found ? this->palette().color(QPalette::Text) : QColor(0xd6, 0x45, 0x45));
    m_findEdit->setPalette(palette);
    m_findEdit->setToolTip(found ? QString() : tr("Not found in the part shown"));
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
    m_bodyNoteLabel->setText(ok
            ? tr("Saved the body to %1").arg(path)
            : tr("Could not save the body to %1: %2").arg(path, file.errorString()));
}

} // namespace Playground
