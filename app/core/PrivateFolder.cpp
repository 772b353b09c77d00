#include "app/core/PrivateFolder.h"

#include <QDir>
#include <QFile>

namespace Playground {

QString PrivateFolder::filePath(QStandardPaths::StandardLocation location, const QString &name)
{
    const QString folder = QStandardPaths::writableLocation(location);
    // Failures surface where the file is written, with the message that names it.
    if (QDir().mkpath(folder))
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return QDir(folder).filePath(name);
}

} // namespace Playground
