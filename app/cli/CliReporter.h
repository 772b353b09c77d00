#pragma once

#include "app/runner/RunReport.h"

namespace Playground {

/** A plain-text summary table for people. */
class CliReporter : public Reporter {
public:
    Result<QByteArray> render(const RunReport &report) const override;
    /** One progress line for a finished request (stderr while running). */
    static QString progressLine(int index, int count, const RunResult &result);
};

} // namespace Playground
