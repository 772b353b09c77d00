#pragma once

#include "app/core/Result.h"
#include "app/formats/Imported.h"

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
    static constexpr qint64 MaxInputBytes = 128LL * 1024 * 1024;

    struct Arguments {
        QString input; ///< a path, or "-" for stdin
        QString to;
        QString from = QStringLiteral("auto");
        QString outPath;
        bool includeSecrets = false;
    };
    static Result<Arguments> parse(const QStringList &args);

    /** The format of bytes read from origin: curl, markdown, http, openapi or postman. */
    static QString detect(const QByteArray &bytes, const QString &origin);
    /** Reads bytes in format into a collection. */
    static Result<ImportedCollection> import(
        const QByteArray &bytes, const QString &format, const QString &origin);
    /** Writes collection in format (postman, curl, http, har). */
    static Result<QByteArray> exportAs(const Collection &collection, const QString &format,
        bool includeSecrets, QStringList *warnings);

    static int exec(const QStringList &args);
};

} // namespace Playground
