#pragma once

#include "app/core/Result.h"
#include "app/formats/CollectionImport.h"

#include <QStringList>

namespace Playground {

/**
 * `api-playground convert INPUT --to FORMAT`: the importers and exporters, headless. Returns the
 * exit code (0 converted, 2 bad input); the output goes to stdout or --out, warnings to stderr.
 */
class ConvertCommand {
public:
    static constexpr int ExitOk = 0;
    static constexpr int ExitBadInput = 2;
    static constexpr qint64 MaxInputBytes = CollectionImport::MaxInputBytes;

    struct Arguments {
        QString input; ///< a path, or "-" for stdin
        QString to;
        QString from = QStringLiteral("auto");
        QString outPath;
        bool includeSecrets = false;
    };
    static Result<Arguments> parse(const QStringList &args);

    /** Writes collection in format (postman, curl, http, har). */
    static Result<QByteArray> exportAs(const Collection &collection, const QString &format,
        bool includeSecrets, QStringList *warnings);

    static int exec(const QStringList &args);
};

} // namespace Playground
