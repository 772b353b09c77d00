#include "app/formats/InputFile.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace Playground {

namespace {

    const QString NotRegular = QStringLiteral(
        "%1: not a regular file (a pipe, device or socket); give the path of a file");

    QString mebibytes(qint64 bytes)
    {
        return QString::number(bytes / (1024 * 1024));
    }

} // namespace

Result<QByteArray> InputFile::read(const QString &path, qint64 maxBytes)
{
    return readUpTo(path, maxBytes, true);
}

Result<QByteArray> InputFile::readStart(const QString &path, qint64 maxBytes)
{
    return readUpTo(path, maxBytes, false);
}

Result<QByteArray> InputFile::readUpTo(const QString &path, qint64 maxBytes, bool whole)
{
    using R = Result<QByteArray>;
    const QFileInfo info(path);
    if (!info.exists())
        return R::failure(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        return R::failure(QStringLiteral("%1: is a folder, not a file").arg(path));
    // Before opening: opening a FIFO for reading waits for a writer, forever.
    if (!info.isFile())
        return R::failure(NotRegular.arg(path));
    if (whole && info.size() > maxBytes)
        return R::failure(QStringLiteral("%1: file is %2 MiB, larger than the %3 MiB limit")
                              .arg(path, mebibytes(info.size()), mebibytes(maxBytes)));
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
    QByteArray bytes = file.read(whole ? maxBytes + 1 : maxBytes);
    if (bytes.size() > maxBytes)
        return R::failure(
            QStringLiteral("%1: larger than the %2 MiB limit").arg(path, mebibytes(maxBytes)));
    asUtf8(bytes);
    return bytes;
}

namespace {

    /** The UTF-16 or UTF-32 that bytes begin with, by its byte order mark or NUL pattern. */
    std::optional<QStringConverter::Encoding> wideEncoding(const QByteArray &bytes)
    {
        if (bytes.startsWith(QByteArrayView("\xFF\xFE\0\0", 4)))
            return QStringConverter::Utf32LE;
        if (bytes.startsWith(QByteArrayView("\0\0\xFE\xFF", 4)))
            return QStringConverter::Utf32BE;
        if (bytes.startsWith("\xFF\xFE"))
            return QStringConverter::Utf16LE;
        if (bytes.startsWith("\xFE\xFF"))
            return QStringConverter::Utf16BE;
        // No mark: text of the formats read starts with ASCII, so its NULs tell (UTF-32 first:
        // "x\0\0\0" also begins like UTF-16LE's "x\0").
        if (bytes.size() < 4)
            return std::nullopt;
        const auto nul = [&](qsizetype i) { return bytes.at(i) == '\0'; };
        if (!nul(0) && nul(1) && nul(2) && nul(3))
            return QStringConverter::Utf32LE;
        if (nul(0) && nul(1) && nul(2) && !nul(3))
            return QStringConverter::Utf32BE;
        if (!nul(0) && nul(1) && !nul(2) && nul(3))
            return QStringConverter::Utf16LE;
        if (nul(0) && !nul(1) && nul(2) && !nul(3))
            return QStringConverter::Utf16BE;
        return std::nullopt;
    }

} // namespace

void InputFile::asUtf8(QByteArray &bytes)
{
    // Notepad and some editors start UTF-8 text with a mark; it is not part of the text.
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
        return;
    }
    // PowerShell's `>` and Notepad's "Unicode" write UTF-16: re-encoded, its mark dropped.
    if (const auto encoding = wideEncoding(bytes)) {
        QStringDecoder decoder(*encoding);
        bytes = QString(decoder.decode(bytes)).toUtf8();
    }
}

} // namespace Playground
