#pragma once

#include "app/model/Exchange.h"
#include "app/response/PreparedBody.h"
#include "app/response/TextSearch.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <memory>

class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QToolButton;
class QTreeView;

namespace Playground {

class BodyTextView;
class ImagePreview;
class TimelineView;
class JsonFilterBar;
class CookieTable;
class CookieTableModel;
class JsonTreeModel;
struct JsonTree;

/**
 * Shows one exchange: a status line colored by class, timings, warnings, and tabs for the body,
 * the response headers, the request as sent, redirect hops and the cookies the response set. The
 * whole body is viewable at any size: it is prepared (re-indented, indexed) on a worker thread and
 * painted by a virtualised view; Pretty, Raw, Tree (JSON) and Hex modes; find counts matches across
 * the whole body.
 */
class ResponseView : public QWidget {
    Q_OBJECT
    Q_PROPERTY(bool searching READ isSearching)
public:
    /** Bodies up to this size are prepared at once; larger ones on a worker thread. */
    static constexpr qint64 SyncFormatLimitBytes = 256 * 1024;
    /** Texts up to this size are searched at once, as the user types. */
    static constexpr qint64 SyncSearchLimitBytes = 1024 * 1024;

    enum class BodyMode { Pretty, Raw, Tree, Hex, Preview };

    explicit ResponseView(QWidget *parent = nullptr);
    ~ResponseView() override;

    /** Back to "no response yet". */
    void clear();
    /** A send has started. */
    void showSending(const QString &method, const QString &url);
    void showProgress(qint64 received);
    void showExchange(const Exchange &exchange);
    const Exchange &exchange() const { return m_exchange; }
    /** True while a large body is being prepared. */
    bool isFormatting() const;
    /** True while a find runs on a worker thread. */
    bool isSearching() const;
    /** Puts the cursor in the find field of the body tab. */
    void focusFind();
    BodyMode bodyMode() const { return m_mode; }
    void setBodyMode(BodyMode mode);
    /** Moves to the next (or previous) match, wrapping around. */
    void findNext(bool backwards = false);

Q_SIGNALS:
    /** The body is ready in every mode (after showExchange). */
    void bodyReady();
    /** A find finished; the count label says how many matched. */
    void searchFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *makeBodyTab();
    void applyPrepared(PreparedBody body);
    void showBodySource();
    void showTree();
    void startSearch();
    void applyMatches(std::shared_ptr<const SearchMatches> matches);
    void updateFindCount();
    void showHeaders(const HeaderList &headers);
    void showCookies(const QList<QNetworkCookie> &cookies);
    void saveBody();
    void setStatusColor(const QColor &color);
    void setNote(const QString &text);

    Exchange m_exchange;
    QLabel *m_statusLabel;
    QLabel *m_timingsLabel;
    QLabel *m_warningsLabel;
    QTabWidget *m_tabs;
    QLabel *m_bodyNoteLabel;
    QPushButton *m_saveBodyButton;
    QButtonGroup *m_modeGroup;
    QLineEdit *m_findEdit;
    QLabel *m_findCountLabel;
    QToolButton *m_findPreviousButton;
    QToolButton *m_findNextButton;
    QCheckBox *m_findCaseCheckBox;
    QStackedWidget *m_bodyStack;
    BodyTextView *m_bodyView;
    QTreeView *m_treeView;
    QLabel *m_treeMessageLabel;
    JsonTreeModel *m_treeModel;
    QTableWidget *m_headersTable;
    QPlainTextEdit *m_requestEdit;
    QPlainTextEdit *m_redirectsEdit;
    QWidget *m_redirectsTab;
    CookieTableModel *m_cookiesModel;
    CookieTable *m_cookiesTable;

    BodyMode m_mode = BodyMode::Pretty;
    BodyMode m_preferredMode = BodyMode::Pretty;
    PreparedBody m_body;
    JsonFilterBar *m_filterBar;
    QCheckBox *m_findRegexCheckBox;
    ImagePreview *m_imagePreview;
    TimelineView *m_timeline;
    bool m_isImage = false; ///< the body is a picture Preview can show
    QFutureWatcher<PreparedBody> m_formatWatcher;
    QFutureWatcher<std::pair<std::shared_ptr<const JsonTree>, QString>> m_treeWatcher;
    bool m_treeLoaded = false;
    QFutureWatcher<SearchMatches> m_searchWatcher;
    QTimer m_searchDelay;
    std::shared_ptr<const SearchMatches> m_matches;
    qsizetype m_currentMatch = -1;
};

} // namespace Playground
