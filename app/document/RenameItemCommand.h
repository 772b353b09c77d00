#pragma once

#include "app/document/DocumentCommand.h"

namespace Playground {

/** A request or folder got a new name. */
class RenameItemCommand : public DocumentCommand {
public:
    RenameItemCommand(QList<int> path, QString before, QString after);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;

private:
    QList<int> m_path;
    QString m_before;
    QString m_after;
};

} // namespace Playground
