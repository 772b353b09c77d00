#include "ui/UndoTimeline.h"

#include "ui/OrderedUndoCommand.h"

#include <QAction>
#include <QUndoStack>

namespace Playground {

namespace {

    /** When the step at index of stack was made; 0 for none. */
    quint64 orderAt(const QUndoStack *stack, int index)
    {
        if (!stack || index < 0 || index >= stack->count())
            return 0;
        const auto *command = dynamic_cast<const OrderedUndoCommand *>(stack->command(index));
        return command ? command->order() : 0;
    }

} // namespace

UndoTimeline::UndoTimeline(QUndoStack *environments, QObject *parent)
    : QObject(parent)
    , m_environments(environments)
    , m_undoAction(new QAction(tr("&Undo"), this))
    , m_redoAction(new QAction(tr("&Redo"), this))
{
    connect(m_undoAction, &QAction::triggered, this, &UndoTimeline::undo);
    connect(m_redoAction, &QAction::triggered, this, &UndoTimeline::redo);
    watch(environments);
    update();
}

void UndoTimeline::setCollectionStack(QUndoStack *stack)
{
    if (m_collection)
        m_collection->disconnect(this);
    m_collection = stack;
    watch(stack);
    update();
}

void UndoTimeline::watch(QUndoStack *stack)
{
    if (!stack)
        return;
    connect(stack, &QUndoStack::indexChanged, this, &UndoTimeline::update);
    connect(stack, &QUndoStack::undoTextChanged, this, &UndoTimeline::update);
    connect(stack, &QUndoStack::redoTextChanged, this, &UndoTimeline::update);
    connect(stack, &QObject::destroyed, this, &UndoTimeline::update, Qt::QueuedConnection);
}

QUndoStack *UndoTimeline::stackToUndo() const
{
    QUndoStack *newest = nullptr;
    quint64 newestOrder = 0;
    for (QUndoStack *stack : { m_collection.data(), m_environments.data() }) {
        if (!stack || !stack->canUndo())
            continue;
        const quint64 order = orderAt(stack, stack->index() - 1);
        if (!newest || order > newestOrder) {
            newest = stack;
            newestOrder = order;
        }
    }
    return newest;
}

QUndoStack *UndoTimeline::stackToRedo() const
{
    QUndoStack *oldest = nullptr;
    quint64 oldestOrder = 0;
    for (QUndoStack *stack : { m_collection.data(), m_environments.data() }) {
        if (!stack || !stack->canRedo())
            continue;
        const quint64 order = orderAt(stack, stack->index());
        if (!oldest || order < oldestOrder) {
            oldest = stack;
            oldestOrder = order;
        }
    }
    return oldest;
}

void UndoTimeline::undo()
{
    if (QUndoStack *stack = stackToUndo())
        stack->undo();
}

void UndoTimeline::redo()
{
    if (QUndoStack *stack = stackToRedo())
        stack->redo();
}

void UndoTimeline::update()
{
    const QUndoStack *undo = stackToUndo();
    const QUndoStack *redo = stackToRedo();
    m_undoAction->setEnabled(undo);
    m_redoAction->setEnabled(redo);
    m_undoAction->setText(
        undo && !undo->undoText().isEmpty() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
    m_redoAction->setText(
        redo && !redo->redoText().isEmpty() ? tr("&Redo %1").arg(redo->redoText()) : tr("&Redo"));
}

} // namespace Playground
