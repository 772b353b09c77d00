#pragma once

#include "app/model/Variable.h"

#include <QJsonObject>

namespace Playground {

/** A Postman environment: named variables; secret values live in the keychain, not the file. */
struct Environment {
    QString id;
    QString name;
    VariableList values;
    QJsonObject extra;
};

} // namespace Playground
