#include "app/http/SpillFolder.h"

#include "app/core/PrivateFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QSysInfo>
#include <mutex>

#include <cerrno>
#include <csignal>

namespace Playground {

namespace {

    const QString Prefix = QStringLiteral("api-playground-body-");

    /** Files of this machine: a home shared by several (NFS) holds others' live spills. */
    QString machinePrefix()
    {
        QString host = QSysInfo::machineHostName();
        host.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.]")), QStringLiteral("_"));
        return Prefix + host + QLatin1Char('-');
    }

    bool isRunning(qint64 pid)
    {
        return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH);
    }

} // namespace

QString SpillFolder::path()
{
    const QString folder
        = PrivateFolder::filePath(QStandardPaths::CacheLocation, QStringLiteral("spill"));
    static std::once_flag swept;
    std::call_once(swept, [&] {
        if (QDir().mkpath(folder))
            sweep(folder);
    });
    return folder;
}

QString SpillFolder::fileTemplate(const QString &folder)
{
    return QDir(folder).filePath(machinePrefix()
        + QString::number(QCoreApplication::applicationPid()) + QStringLiteral("-XXXXXX"));
}

int SpillFolder::sweep(const QString &folder)
{
    const QRegularExpression name(
        QStringLiteral("^%1(\\d+)-").arg(QRegularExpression::escape(machinePrefix())));
    int removed = 0;
    const QFileInfoList files = QDir(folder).entryInfoList(
        { machinePrefix() + QLatin1Char('*') }, QDir::Files | QDir::System);
    for (const QFileInfo &file : files) {
        const QRegularExpressionMatch match = name.match(file.fileName());
        if (match.hasMatch() && !isRunning(match.captured(1).toLongLong())
            && QFile::remove(file.filePath()))
            ++removed;
    }
    return removed;
}

} // namespace Playground
