#pragma once

#include "app/document/DocumentCommand.h"
#include "app/model/RequestEdit.h"

namespace Playground {

/** The editor's fields of one request (method, URL, headers, body) changed. */
class EditRequestCommand : public DocumentCommand {
public:
    EditRequestCommand(QList<int> path, RequestEdit before, RequestEdit after);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;
    /** Consecutive edits of the same request are one undo step. */
    bool absorb(const DocumentCommand &next) override;

private:
    QList<int> m_path;
    RequestEdit m_before;
    RequestEdit m_after;
};

} // namespace Playground
