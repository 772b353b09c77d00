#pragma once

#include "app/core/Result.h"
#include "app/model/Variable.h"

#include <QStringList>

namespace Playground {

/** The arguments of `api-playground run`. */
struct RunArguments {
    QString collectionPath;
    QString environmentPath;
    QString folder;
    VariableList overrides;
    QString reporter = QStringLiteral("cli");
    QString outPath;
    QString caCertPath;
    int timeoutMs = 0;
    bool insecure = false;
    bool allowHttpErrors = false;

    /** Parses the words after "run"; the error is one line naming the bad argument. */
    static Result<RunArguments> parse(const QStringList &args);
    static QString usage();
};

} // namespace Playground
