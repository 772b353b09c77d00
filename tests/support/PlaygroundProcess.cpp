#include "tests/support/PlaygroundProcess.h"

#include "tests/support/TestPaths.h"

#include <QProcess>
#include <QSignalSpy>

namespace Playground::Test {

ProcessResult runPlayground(
    const QStringList &args, const QProcessEnvironment &env, const QByteArray &stdinBytes)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QSignalSpy exited(&p, &QProcess::finished);
    p.start(playgroundBinary(), args);
    p.write(stdinBytes);
    p.closeWriteChannel();
    if (!exited.wait(60'000)) {
        p.kill();
        p.waitForFinished();
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

} // namespace Playground::Test
