#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QUndoStack;

namespace Playground {

/**
 * The window's Edit › Undo and Redo over two undo stacks as one timeline: the current collection's
 * (each collection has its own) and the environments' (which belong to no collection). Undo takes
 * back the newer of the two stacks' last steps, redo brings back the older of their next ones, so
 * the steps come and go in the order the user made them. Steps are OrderedUndoCommands.
 */
class UndoTimeline : public QObject {
    Q_OBJECT
public:
    UndoTimeline(QUndoStack *environments, QObject *parent = nullptr);

    /** The current collection's stack (null: none). */
    void setCollectionStack(QUndoStack *stack);

    /** Undo and Redo for a menu, enabled and named after the step they act on. */
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }

    void undo();
    void redo();

private:
    QUndoStack *stackToUndo() const;
    QUndoStack *stackToRedo() const;
    void watch(QUndoStack *stack);
    void update();

    QPointer<QUndoStack> m_environments;
    QPointer<QUndoStack> m_collection;
    QAction *m_undoAction;
    QAction *m_redoAction;
};

} // namespace Playground
