#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace Playground::Test {

/** What a run of the api-playground executable left: exit code (-1 if it crashed or hung), output.
 */
struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/**
 * Runs the executable under test with args, feeding stdinBytes, while this thread's event loop
 * keeps running (an in-process test server must answer it). Killed after 60 s.
 */
ProcessResult runPlayground(const QStringList &args,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
    const QByteArray &stdinBytes = {});

} // namespace Playground::Test
