#pragma once

#include "app/model/Exchange.h"
#include "app/response/FormattedBody.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace Playground {

/**
 * Shows one exchange: a status line colored by class, timings, warnings, and tabs for the body,
 * the response headers, the request as sent and redirect hops. Large bodies are formatted on a
 * worker thread and only their first part is shown, so the window never freezes.
 */
class ResponseView : public QWidget {
    Q_OBJECT
public:
    /** Bodies up to this size are formatted at once; larger ones on a worker thread. */
    static constexpr qint64 SyncFormatLimitBytes = 256 * 1024;
    /** Text goes into the body view in pieces of this many characters, one per event-loop turn. */
    static constexpr qsizetype FillChunkChars = 64 * 1024;

    explicit ResponseView(QWidget *parent = nullptr);

    /** Back to "no response yet". */
    void clear();
    /** A send has started. */
    void showSending(const QString &method, const QString &url);
    void showProgress(qint64 received);
    void showExchange(const Exchange &exchange);
    const Exchange &exchange() const { return m_exchange; }
    /** True while a large body is being formatted. */
    bool isFormatting() const;
    /** Puts the cursor in the find field of the body tab. */
    void focusFind();

private:
    void applyBody(const FormattedBody &body);
    void appendChunk();
    void findInBody(bool fromStart);
    void showHeaders(const HeaderList &headers);
    void saveBody();
    void setStatusColor(const QColor &color);

    Exchange m_exchange;
    QLabel *m_statusLabel;
    QLabel *m_timingsLabel;
    QLabel *m_warningsLabel;
    QTabWidget *m_tabs;
    QLabel *m_bodyNoteLabel;
    QPushButton *m_saveBodyButton;
    QLineEdit *m_findEdit;
    QPlainTextEdit *m_bodyEdit;
    QTableWidget *m_headersTable;
    QPlainTextEdit *m_requestEdit;
    QPlainTextEdit *m_redirectsEdit;
    QWidget *m_redirectsTab;
    QFutureWatcher<FormattedBody> m_formatWatcher;
    // A layout of megabytes of text blocks the UI for a second; it is filled in pieces instead.
    QString m_pendingText;
    qsizetype m_pendingOffset = 0;
    QTimer m_fillTimer;
};

} // namespace Playground
