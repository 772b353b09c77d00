#pragma once

#include "app/session/TabSession.h"

#include <QObject>
#include <QString>
#include <optional>

class QUndoStack;
class QWidget;

namespace Playground {

class CollectionDocument;
class CollectionPanel;
class CollectionTreeModel;
class EnvironmentSet;
class HistoryStore;
class RequestSender;
class RequestTabs;
class SavedSnapshot;
class SendService;

/**
 * One collection of a window: its document with its own undo stack, the tree model and its panel
 * in the sidebar, the request tabs opened from it (and scratch tabs made beside it), and the
 * sender of those tabs. The window holds one per collection of its sidebar and shows the tabs of
 * the current one; closing the collection deletes all of it.
 */
class CollectionWorkspace : public QObject {
    Q_OBJECT
public:
    /** parentWidget: the window (the panel and the tabs are placed by it). */
    CollectionWorkspace(SendService *sending, EnvironmentSet *environments, HistoryStore *history,
        QWidget *parentWidget);
    ~CollectionWorkspace() override;

    CollectionDocument *document() const { return m_document; }
    QUndoStack *undoStack() const { return m_undo; }
    CollectionTreeModel *model() const { return m_model; }
    CollectionPanel *panel() const { return m_panel; }
    RequestTabs *tabs() const { return m_tabs; }
    RequestSender *sender() const { return m_sender; }

    /** No collection here yet: a collection opened next goes here instead of beside it. */
    bool isBlank() const;
    /**
     * A collection of the last session whose file could not be opened (problem says why): it
     * stays in the sidebar, and its entry in the session, until it opens or is closed.
     */
    void setUnopened(const TabSession::Workspace &saved, const QString &problem);
    const std::optional<TabSession::Workspace> &unopened() const { return m_unopened; }
    void clearUnopened() { m_unopened.reset(); }
    /** Has edits that would be lost: the collection differs from its file. */
    bool isModified() const;
    /** The collection's name, else its file's name. */
    QString name() const;

private:
    CollectionDocument *m_document;
    QUndoStack *m_undo;
    CollectionTreeModel *m_model;
    SavedSnapshot *m_snapshot;
    CollectionPanel *m_panel;
    RequestTabs *m_tabs;
    RequestSender *m_sender;
    std::optional<TabSession::Workspace> m_unopened;
};

} // namespace Playground
