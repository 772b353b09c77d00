#pragma once

#include "app/history/HistorySummary.h"

#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeView;

namespace Playground {

class HistoryListModel;
class HistoryStore;

/**
 * Past sends, grouped by day, newest first: a search field (URL or request name), filters by
 * method and status class, and per send: open it (Enter, double-click), send it again, delete it
 * (Del); clear all asks first through the confirmer. The window reacts to openRequested and
 * sendAgainRequested (it reads the entry from the store); the panel never sends anything itself.
 */
class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    /** Answers a yes/no question; the default shows a QMessageBox (tests inject their own). */
    using Confirmer = std::function<bool(const QString &question)>;

    /** store is not owned and must outlive the panel. */
    explicit HistoryPanel(HistoryStore *store, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    void setConfirmer(Confirmer confirmer) { m_confirmer = std::move(confirmer); }
    /** Asked for the file a HAR export goes to; empty cancels. Tests replace the file dialog. */
    using FileChooser = std::function<QString(const QString &suggestedName)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    /** The sends selected in the list (a day row stands for every send of that day). */
    QList<HistoryEntryId> selectedEntries() const;
    HistoryListModel *model() const { return m_model; }
    /** The selected send, or 0. */
    HistoryEntryId currentEntry() const;
    void setCurrentEntry(HistoryEntryId id);
    /** Shows text in the panel's message line (a problem to read, or a notice). */
    void showMessage(const QString &text);

Q_SIGNALS:
    /** The user asked to open the send in the editor. */
    void openRequested(Playground::HistoryEntryId id);
    /** The user asked to send it again, as it was sent. */
    void sendAgainRequested(Playground::HistoryEntryId id);

private:
    void applyFilter();
    void openCurrent();
    void sendAgainCurrent();
    void deleteCurrent();
    void copyCurrentAsCurl();
    void exportSelectedAsHar();
    void clearAll();
    void showContextMenu(const QPoint &pos);
    void onModelReset();
    void updateState();
    /** The message and empty text for the store as it is now (open, off, moved aside). */
    void showStoreState();

    HistoryStore *m_store;
    HistoryListModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_method;
    QComboBox *m_status;
    QTreeView *m_tree;
    QLabel *m_emptyLabel;
    QLabel *m_countLabel;
    QLabel *m_messageLabel;
    QPushButton *m_openButton;
    QPushButton *m_sendAgainButton;
    QPushButton *m_deleteButton;
    QPushButton *m_clearButton;
    QTimer *m_searchTimer;
    Confirmer m_confirmer;
    FileChooser m_chooseFile;
    QAction *m_copyCurlAction = nullptr;
    QAction *m_exportHarAction = nullptr;
    HistoryEntryId m_keepSelected = 0; ///< reselected after the list is read again
};

} // namespace Playground
