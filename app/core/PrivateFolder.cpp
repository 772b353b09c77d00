#include "app/core/PrivateFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Playground {

QString PrivateFolder::filePath(QStandardPaths::StandardLocation location, const QString &name)
{
    const QString folder = QStandardPaths::writableLocation(location);
    // Failures surface where the file is written, with the message that names it.
    const QFileInfo info(folder);
    if (info.isSymLink() || !QDir().mkpath(folder))
        return QDir(folder).filePath(name); // a link is the user's own arrangement: left as is
    const QFileDevice::Permissions ownerOnly
        = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    if (QFileInfo(folder).permissions() & others) {
        QFile::setPermissions(folder, ownerOnly);
        // What an older version wrote there (history and its -wal/-shm, cookies) closes too.
        const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::Hidden);
        for (const QFileInfo &file : files) {
            if (!file.isSymLink())
                QFile::setPermissions(
                    file.filePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    return QDir(folder).filePath(name);
}

} // namespace Playground
