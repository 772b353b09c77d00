#include "app/core/AppSettings.h"

#include "app/core/PrivateFolder.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <mutex>

namespace Playground {

namespace {

    /** Settings an older version wrote in QSettings' default place move into path. */
    void moveOlderSettings(const QString &path)
    {
        if (QFile::exists(path))
            return;
        QSettings older;
        const QStringList keys = older.allKeys();
        if (keys.isEmpty())
            return;
        QSettings settings(path, QSettings::IniFormat);
        for (const QString &key : keys)
            settings.setValue(key, older.value(key));
        settings.sync();
        if (settings.status() == QSettings::NoError)
            QFile::remove(older.fileName());
    }

} // namespace

QString AppSettings::path()
{
    const QString path = PrivateFolder::filePath(
        QStandardPaths::AppConfigLocation, QStringLiteral("settings.ini"));
    static std::once_flag moved;
    std::call_once(moved, [&] { moveOlderSettings(path); });
    return path;
}

} // namespace Playground
