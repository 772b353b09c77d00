#include "app/formats/JsonFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

namespace Playground {

Result<QJsonObject> JsonFile::readObject(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Result<QJsonObject>::failure(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        return Result<QJsonObject>::failure(
            QStringLiteral("%1: is a folder, not a file").arg(path));
    if (info.size() > MaxBytes)
        return Result<QJsonObject>::failure(
            QStringLiteral("%1: file is %2 MiB, larger than the %3 MiB limit")
                .arg(path)
                .arg(info.size() / (1024 * 1024))
                .arg(MaxBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QJsonObject>::failure(
            QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    return parseObject(file.read(MaxBytes + 1), path);
}

Result<QJsonObject> JsonFile::parseObject(const QByteArray &bytes, const QString &origin)
{
    if (bytes.size() > MaxBytes)
        return Result<QJsonObject>::failure(QStringLiteral("%1: larger than the %2 MiB limit")
                                                .arg(origin)
                                                .arg(MaxBytes / (1024 * 1024)));
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
