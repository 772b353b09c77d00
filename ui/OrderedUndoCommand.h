#pragma once

#include <QUndoCommand>

namespace Playground {

/**
 * An undo step stamped with when it was made, in one order across every undo stack of the
 * process: UndoTimeline undoes the newest of several stacks' steps first. A step merged into
 * another makes it as new as itself.
 */
class OrderedUndoCommand : public QUndoCommand {
public:
    explicit OrderedUndoCommand(const QString &text = {});

    quint64 order() const { return m_order; }

protected:
    /** After mergeWith(newer): this step now ends when newer was made. */
    void takeOrderOf(const OrderedUndoCommand &newer) { m_order = newer.m_order; }

private:
    quint64 m_order;
};

} // namespace Playground
