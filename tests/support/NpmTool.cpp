#include "tests/support/NpmTool.h"

#include "tests/support/TestPaths.h"

#include <QFileInfo>

namespace Playground::Test {

QString NpmTool::modulesDir()
{
    return sourcePath(QStringLiteral(".tools/node_modules"));
}

NpmTool NpmTool::find(const QString &name)
{
    QString variable = QStringLiteral("PLAYGROUND_") + name.toUpper();
    variable.replace(QLatin1Char('-'), QLatin1Char('_'));
    const QString given = qEnvironmentVariable(qPrintable(variable));
    const QString path = given.isEmpty() ? modulesDir() + QStringLiteral("/.bin/") + name : given;
    if (QFileInfo(path).isExecutable())
        return { path, {} };
    return { {},
        QStringLiteral("%1 is not installed (%2 not found): run packaging/setup.sh test, which "
                       "installs the pinned npm tools into .tools/, or set %3")
            .arg(name, path, variable) };
}

} // namespace Playground::Test
