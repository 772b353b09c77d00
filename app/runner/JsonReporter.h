#pragma once

#include "app/runner/RunReport.h"

namespace Playground {

/** Machine-readable results: per request name, method, final URL (redacted), status, timings,
 * bytes, error. */
class JsonReporter : public Reporter {
public:
    Result<QByteArray> render(const RunReport &report) const override;
};

} // namespace Playground
