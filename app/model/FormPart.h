#pragma once

#include <QJsonObject>
#include <QString>

namespace Playground {

/** One multipart/form-data part: text, or a file read at send time. */
struct FormPart {
    QString key;
    QString value; ///< text parts
    QString src; ///< file parts: path of the file
    bool isFile = false;
    QString contentType;
    bool enabled = true;
    QString description;
    QJsonObject extra;
};

} // namespace Playground
