#include "app/http/SpillFolder.h"

#include "app/core/PrivateFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <mutex>

#include <cerrno>
#include <csignal>

namespace Playground {

namespace {

    const QString Prefix = QStringLiteral("api-playground-body-");

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
    return QDir(folder).filePath(
        Prefix + QString::number(QCoreApplication::applicationPid()) + QStringLiteral("-XXXXXX"));
}

int SpillFolder::sweep(const QString &folder)
{
    static const QRegularExpression name(
        QStringLiteral("^%1(\\d+)-").arg(QRegularExpression::escape(Prefix)));
    int removed = 0;
    const QFileInfoList files
        = QDir(folder).entryInfoList({ Prefix + QLatin1Char('*') }, QDir::Files);
    for (const QFileInfo &file : files) {
        const QRegularExpressionMatch match = name.match(file.fileName());
        if (match.hasMatch() && !isRunning(match.captured(1).toLongLong())
            && QFile::remove(file.filePath()))
            ++removed;
    }
    return removed;
}

} // namespace Playground
