#include "app/formats/JsonFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Playground {

namespace {

    const QString NotRegular = QStringLiteral(
        "%1: not a regular file (a pipe, device or socket); give the path of a JSON file");

    /**
     * Values and keys in a JSON text, counted cheaply without building anything: every '{', '['
     * ',' and ':' outside strings starts one. Stops counting past limit.
     */
    qint64 countValues(const QByteArray &bytes, qint64 limit)
    {
        qint64 count = 0;
        bool inString = false;
        const char *p = bytes.constData();
        const char *end = p + bytes.size();
        for (; p < end && count <= limit; ++p) {
            const char c = *p;
            if (inString) {
                if (c == '\\')
                    ++p;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[' || c == ',' || c == ':') {
                ++count;
            }
        }
        return count;
    }

} // namespace

Result<QJsonObject> JsonFile::readObject(const QString &path)
{
    using R = Result<QJsonObject>;
    const QFileInfo info(path);
    if (!info.exists())
        return R::failure(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        return R::failure(QStringLiteral("%1: is a folder, not a file").arg(path));
    // Before opening: opening a FIFO for reading waits for a writer, forever.
    if (!info.isFile())
        return R::failure(NotRegular.arg(path));
    if (info.size() > MaxBytes)
        return R::failure(QStringLiteral("%1: file is %2 MiB, larger than the %3 MiB limit")
                              .arg(path)
                              .arg(info.size() / (1024 * 1024))
                              .arg(MaxBytes / (1024 * 1024)));
    // Non-blocking and checked again on the open file: the path may have been swapped meanwhile.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return R::failure(QStringLiteral("%1: cannot read: %2")
                              .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    struct stat st { };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return R::failure(NotRegular.arg(path));
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return R::failure(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    }
    return parseObject(file.read(MaxBytes + 1), path);
}

Result<QJsonObject> JsonFile::parseObject(const QByteArray &bytes, const QString &origin)
{
    if (bytes.size() > MaxBytes)
        return Result<QJsonObject>::failure(QStringLiteral("%1: larger than the %2 MiB limit")
                                                .arg(origin)
                                                .arg(MaxBytes / (1024 * 1024)));
    if (countValues(bytes, MaxValues) > MaxValues)
        return Result<QJsonObject>::failure(
            QStringLiteral("%1: holds more than %2 JSON values (objects, arrays, keys and values "
                           "counted), the limit for one file")
                .arg(origin)
                .arg(MaxValues));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(error.offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
        return Result<QJsonObject>::failure(QStringLiteral("%1:%2:%3: not valid JSON: %4")
                                                .arg(origin)
                                                .arg(line)
                                                .arg(column)
                                                .arg(error.errorString()));
    }
    if (!doc.isObject())
        return Result<QJsonObject>::failure(
            QStringLiteral("%1: expected a JSON object at the top level").arg(origin));
    return doc.object();
}

Status JsonFile::writeObject(const QString &path, const QJsonObject &object)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(
            QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(
            QStringLiteral("%1: could not save: %2 (the previous file is unchanged)")
                .arg(path, file.errorString()));
    return {};
}

} // namespace Playground
