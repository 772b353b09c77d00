#pragma once

#include <QStringList>

namespace Playground {

/** `api-playground run`: headless collection run. Needs a QCoreApplication; returns the exit code.
 */
class RunCommand {
public:
    static constexpr int ExitPassed = 0;
    static constexpr int ExitFailed = 1;
    static constexpr int ExitBadInput = 2;

    static int exec(const QStringList &args);
};

} // namespace Playground
