#include "app/formats/JsonScalar.h"

#include "app/formats/OrderedJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Playground {

QString jsonScalarText(const QJsonValue &v)
{
    if (const QString digits = OrderedJson::exactIntegerDigits(v); !digits.isEmpty())
        return digits;
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isObject() || v.isArray()) // in the order of its keys when it was read with one
        return QString::fromUtf8(OrderedJson::toJson(v, QJsonDocument::Compact));
    return QString();
}

} // namespace Playground
