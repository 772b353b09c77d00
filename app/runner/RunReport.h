#pragma once

#include "app/core/Result.h"
#include "app/runner/RunResult.h"

namespace Playground {

/** Everything a reporter needs about a finished run. */
struct RunReport {
    QString collectionName;
    QList<RunResult> results;
    double totalMs = 0;

    int failures() const;
};

/** Formats a finished run: cli (a table for people), json, junit. */
class Reporter {
public:
    virtual ~Reporter() = default;
    /** The report's bytes, well-formed whatever the names and messages hold; an error if not. */
    virtual Result<QByteArray> render(const RunReport &report) const = 0;
};

} // namespace Playground
