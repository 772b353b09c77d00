#pragma once

#include "app/model/Exchange.h"

#include <QDateTime>
#include <QStringList>

namespace Playground {

/** The id of a recorded send; 0 is none. Ids are never reused. */
using HistoryEntryId = qint64;

/** One row of the history list: what a person scans for. Values are redacted. */
struct HistorySummary {
    HistoryEntryId id = 0;
    QDateTime time; ///< when the send began (UTC)
    QString method;
    QString url; ///< the final URL, redacted
    int status = 0; ///< 0: no response
    FailureKind failure = FailureKind::None;
    double durationMs = -1;
    qint64 requestSize = 0; ///< request body bytes
    qint64 responseSize = 0; ///< response body bytes
    QString collectionPath;
    QStringList itemPath; ///< folders, then the request's name; empty for a scratch request
};

} // namespace Playground
