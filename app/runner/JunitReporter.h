#pragma once

#include "app/runner/RunReport.h"

namespace Playground {

/** JUnit XML as CI tools read it: one testsuite, one testcase per request. */
class JunitReporter : public Reporter {
public:
    Result<QByteArray> render(const RunReport &report) const override;
};

} // namespace Playground
