#include "ui/OrderedUndoCommand.h"

namespace Playground {

namespace {

    quint64 nextOrder()
    {
        static quint64 order = 0; // the UI thread's only
        return ++order;
    }

} // namespace

OrderedUndoCommand::OrderedUndoCommand(const QString &text)
    : QUndoCommand(text)
    , m_order(nextOrder())
{
}

} // namespace Playground
