#include "app/runner/RunReport.h"

namespace Playground {

int RunReport::failures() const
{
    return int(std::count_if(
        results.begin(), results.end(), [](const RunResult &r) { return r.failed(); }));
}

} // namespace Playground
