#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Playground {

/** One key/value row: a header, query parameter, url-encoded field or path variable. */
struct KeyValue {
    QString key;
    QString value;
    bool enabled = true;
    QString description;
    QJsonObject extra; ///< fields of the file we do not use, kept for the round trip
};

using KeyValueList = QList<KeyValue>;

} // namespace Playground
