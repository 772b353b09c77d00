#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace Playground {

/**
 * JSON objects that remember the order their keys were written in. QJsonObject sorts its keys,
 * so a document's order (an OpenAPI file's paths, an example body's members) would be lost;
 * YamlJson can record it in each object under OrderKey, and these functions read it back. An
 * object without it gives its keys sorted, as before.
 */
namespace OrderedJson {

    /** The member that holds the order: a name no document uses (it starts with U+0000). */
    const QString &orderKey();
    /** The keys of object in the order they were written (OrderKey itself never). */
    QStringList keys(const QJsonObject &object);
    /** The first key written; empty for an empty object. */
    QString firstKey(const QJsonObject &object);
    /**
     * An integer too large for a double (an id of 2^63), as a value toJson() writes as the
     * number it is and jsonScalarText() as its digits: a string marked by a leading U+0000.
     */
    QJsonValue exactInteger(const QString &digits);
    /** The digits of a value made by exactInteger(); empty for any other value. */
    QString exactIntegerDigits(const QJsonValue &value);
    /** Records keys as object's order. */
    void setOrder(QJsonObject &object, const QStringList &keys);
    /**
     * value as JSON text in its keys' order, as QJsonDocument writes it in format (without the
     * final line break of Indented), OrderKey left out.
     */
    QByteArray toJson(const QJsonValue &value, QJsonDocument::JsonFormat format);

} // namespace OrderedJson

} // namespace Playground
