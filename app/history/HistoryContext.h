#pragma once

#include <QDateTime>
#include <QStringList>

namespace Playground {

/** Where and when a recorded send happened; what HistoryStore::record needs besides the send. */
struct HistoryContext {
    QString collectionId; ///< the collection's info._postman_id; empty for a scratch request
    QString collectionPath; ///< the collection file
    QStringList itemPath; ///< folder names, then the request's name; empty for a scratch request
    QDateTime time; ///< when the send began; invalid: now
    /**
     * The send's secret values and credentials (SendSession::redactionValues()): used only to
     * mask what is recorded (a server may echo a token in its response), never stored.
     */
    QStringList redactions;
};

} // namespace Playground
