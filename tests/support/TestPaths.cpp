#include "tests/support/TestPaths.h"

#include <QDir>

namespace Playground::Test {

QString sourcePath(const QString &relative)
{
    return QDir(qEnvironmentVariable("PLAYGROUND_SOURCE_DIR")).filePath(relative);
}

QString playgroundBinary()
{
    return qEnvironmentVariable("PLAYGROUND_BINARY");
}

} // namespace Playground::Test
