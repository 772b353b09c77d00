#pragma once

#include <QJsonValue>
#include <QString>

namespace Playground {

/** A JSON value as the text a user types: strings as is, numbers and booleans written out,
 * objects and arrays as compact JSON, null as nothing. */
QString jsonScalarText(const QJsonValue &value);

} // namespace Playground
