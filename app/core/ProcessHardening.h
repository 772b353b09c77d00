#pragma once

namespace Playground {

/** Settings a process holding secrets applies to itself as its very first step. */
class ProcessHardening {
public:
    /**
     * No core file and no ptrace by other processes of the user: a crash must not write keychain
     * secrets to disk (prctl PR_SET_DUMPABLE 0, RLIMIT_CORE 0). False if either call failed.
     */
    static bool disableCoreDumps();
};

} // namespace Playground
