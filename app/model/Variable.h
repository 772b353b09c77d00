#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Playground {

/** A declared variable with its default value. Secret ones are never written to files. */
struct Variable {
    QString key;
    QString value;
    bool enabled = true;
    QString type; ///< Postman's type ("string", "secret", ...), kept as read
    QString description;
    QJsonObject extra;

    bool isSecret() const { return type == QLatin1String("secret"); }
};

using VariableList = QList<Variable>;

} // namespace Playground
