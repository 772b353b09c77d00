#include "app/formats/JsonFile.h"

#include "app/formats/InputFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

namespace Playground {

namespace {

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
    const Result<QByteArray> bytes = InputFile::read(path, MaxBytes);
    if (!bytes)
        return Result<QJsonObject>::failure(bytes.error());
    return parseObject(bytes.value(), path);
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
