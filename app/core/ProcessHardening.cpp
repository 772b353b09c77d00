#include "app/core/ProcessHardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace Playground {

bool ProcessHardening::disableCoreDumps()
{
    // Both: RLIMIT_CORE alone does not stop a core piped to systemd-coredump (core_pattern "|…").
    const rlimit none { 0, 0 };
    const bool limited = ::setrlimit(RLIMIT_CORE, &none) == 0;
    const bool undumpable = ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    return limited && undumpable;
}

} // namespace Playground
