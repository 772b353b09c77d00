#pragma once

#include <QString>

namespace Playground {

/**
 * Where large response bodies spill to disk: a folder in the user's cache that only they can read
 * (a body may hold what a credential unlocked), each file named after the machine and the process
 * writing it.
 * Files of a process that is gone — a crash leaves them — are removed the first time a process
 * asks for the folder.
 */
class SpillFolder {
public:
    /** The folder (made if missing, owner-only), swept once per process. */
    static QString path();
    /** The QTemporaryFile template for a spill in folder: this process's id in the name. */
    static QString fileTemplate(const QString &folder);
    /** Removes the spill files in folder whose process no longer runs; how many. */
    static int sweep(const QString &folder);
};

} // namespace Playground
