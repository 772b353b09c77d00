#pragma once

#include "app/history/HistorySummary.h"
#include "app/model/RequestSpec.h"

namespace Playground {

/** A recorded send, whole: reopened in the editor or sent again. */
struct HistoryEntry {
    HistorySummary summary;
    QString collectionId;
    RequestSpec request; ///< the templates as the user sent them ({{variables}} unresolved)
    Exchange exchange; ///< as recorded: redacted, bodies cut at HistoryLimits::maxBodyBytes
    bool requestBodyCut = false; ///< the request body was longer than what history kept
    bool responseBodyCut = false; ///< the response body was longer than what history kept
};

} // namespace Playground
