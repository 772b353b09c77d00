#pragma once

#include "app/document/DocumentChange.h"
#include "app/model/Collection.h"
#include "app/model/RequestSettings.h"
#include "app/session/TabSession.h"

#include <QPointer>
#include <QTabWidget>

class QAction;

#include <functional>

namespace Playground {

class CollectionTreeModel;
class RequestTab;
class SavedSnapshot;

/**
 * The request tabs: several requests open at once, each in its own RequestTab. A request of the
 * collection is open in at most one tab; choosing one in the tree opens it in the preview tab,
 * which the next choice reuses until the request is edited or sent (then the tab stays).
 * Tabs follow the document: a renamed or moved request keeps its tab, a deleted one closes it.
 * Tabs whose request differs from the file (or a scratch request that is not empty) are marked
 * with ●, and closing one asks first (Save, Discard, Cancel).
 */
class RequestTabs : public QTabWidget {
    Q_OBJECT
public:
    enum class CloseAnswer { Save, Discard, Cancel };
    /** Asked before a modified tab closes; title names its request. */
    using CloseConfirmer = std::function<CloseAnswer(const QString &title)>;
    /** Saves a tab's request (the collection file, or a scratch request into it); true when done.
     */
    using Saver = std::function<bool(RequestTab *tab)>;

    RequestTabs(CollectionTreeModel *model, SavedSnapshot *snapshot, QWidget *parent = nullptr);

    RequestTab *current() const;
    QList<RequestTab *> tabs() const;
    /** A new, empty scratch tab (or with scratch's request), made current. */
    RequestTab *newScratch(const CollectionItem &scratch = {});
    /** scratch in the current tab when it is an empty scratch tab, else in a new one. */
    RequestTab *showScratch(const CollectionItem &scratch);
    /** Focuses the tab of the collection's request at index, or opens it; null for a folder. */
    RequestTab *openItem(const QModelIndex &index, bool preview = true);
    /** The tab showing the collection's request at index, or null. */
    RequestTab *tabFor(const QModelIndex &index) const;
    /** Closes tab, asking first when it is modified; false when the user kept it open. */
    bool closeTab(RequestTab *tab);
    /** Moves to the next (step 1) or previous (step -1) tab, wrapping around. */
    void cycle(int step);
    /** The tab is no preview any more: the next chosen request opens in a tab of its own. */
    void keep(RequestTab *tab);

    /** Has unsaved edits: differs from the file, or a scratch request that is not empty. */
    bool isModified(const RequestTab *tab) const;
    /** The request with its folders (a scratch request has none). */
    RequestPath pathOf(const RequestTab *tab) const;
    /** The request as the tab sends it: the document's, or the scratch request. */
    const RequestSpec &requestOf(const RequestTab *tab) const;
    /** "Folder › Request" for the editor's title line. */
    QString crumbsOf(const RequestTab *tab) const;
    /** The tab's request settings changed in its editor: into the document (undoable), or the
     * scratch request. */
    void submitSettings(RequestTab *tab, const RequestSettings &settings);
    /** The tab's request auth changed in its Auth tab: into the document (undoable), or the
     * scratch request; nullopt inherits. */
    void submitAuth(RequestTab *tab, const std::optional<AuthSpec> &auth);
    /** The tab's request description changed: into the document (undoable), or the scratch
     * request. */
    void submitDescription(RequestTab *tab, const QString &description);
    /** The editor shows the tab's request as it is now. */
    void reload(RequestTab *tab);

    /**
     * New tab (Ctrl+T), close tab (Ctrl+W), next and previous tab (Ctrl+Tab, Ctrl+Shift+Tab):
     * window shortcuts, for the window's menu. The first is the new tab's.
     */
    QList<QAction *> actions() const { return m_actions; }

    void setCloseConfirmer(CloseConfirmer confirmer) { m_confirm = std::move(confirmer); }
    void setSaver(Saver saver) { m_save = std::move(saver); }

    /** The tabs for the session file. */
    QList<TabSession::Tab> sessionTabs() const;
    /** Opens the session's tabs (after its collection); requests no longer there are skipped. */
    void restore(const TabSession::Workspace &session);

Q_SIGNALS:
    /** A tab was made; the window connects its editor. */
    void tabOpened(Playground::RequestTab *tab);
    /** Another tab is current, or the current one shows another request (never null). */
    void currentTabChanged(Playground::RequestTab *tab);
    /** The user edited the request of tab (it is applied already). */
    void requestEdited(Playground::RequestTab *tab);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    RequestTab *addRequestTab();
    void onEdited(RequestTab *tab);
    void onDocumentChanged(const DocumentChange &change);
    /** Tabs whose request is gone (deleted, its insertion undone, another collection) close. */
    void closeGoneTabs();
    void removeRequestTab(RequestTab *tab);
    void updateTab(RequestTab *tab);
    void updateAllTabs();
    void ensureOneTab();

    CollectionTreeModel *m_model;
    SavedSnapshot *m_snapshot;
    QPointer<RequestTab> m_preview;
    QList<QAction *> m_actions;
    bool m_applyingEdit = false; ///< a tab's own edit is being applied (no reload)
    CloseConfirmer m_confirm;
    Saver m_save;
};

} // namespace Playground
