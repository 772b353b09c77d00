#pragma once

#include "app/core/Result.h"

class QSqlDatabase;

namespace Playground {

/**
 * The history database's tables and how to bring an older one up to date. The version lives in
 * the schema_version table; a database without it is version 0 (nothing recorded yet). Each step
 * migrates one version, all of them in one transaction, so a failed migration leaves the file as
 * it was.
 */
class HistorySchema {
public:
    static constexpr int CurrentVersion = 1;

    /** The version db was written with: 0 for a database without the version table. */
    static Result<int> version(QSqlDatabase &db);
    /** Migrates db from version from (0 ≤ from < CurrentVersion) to CurrentVersion. */
    static Status migrate(QSqlDatabase &db, int from);

private:
    static Status toVersion1(QSqlDatabase &db);
};

} // namespace Playground
