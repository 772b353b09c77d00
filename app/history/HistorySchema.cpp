#include "app/history/HistorySchema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace Playground {

namespace {

    Status run(QSqlDatabase &db, const QStringList &statements)
    {
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (!query.exec(statement))
                return Status::failure(query.lastError().text());
        }
        return {};
    }

} // namespace

Result<int> HistorySchema::version(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")))
        return Result<int>::failure(query.lastError().text());
    if (!query.next() || query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(QStringLiteral("SELECT max(version) FROM schema_version")))
        return Result<int>::failure(query.lastError().text());
    return query.next() ? query.value(0).toInt() : 0;
}

Status HistorySchema::migrate(QSqlDatabase &db, int from)
{
    if (!db.transaction())
        return Status::failure(db.lastError().text());
    // One entry per version: steps[v] takes a database from version v to v + 1.
    using Step = Status (*)(QSqlDatabase &);
    static constexpr Step steps[CurrentVersion] = { &HistorySchema::toVersion1 };
    for (int v = from; v < CurrentVersion; ++v) {
        if (Status s = steps[v](db); !s) {
            db.rollback();
            return s;
        }
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
    query.addBindValue(CurrentVersion);
    if (!query.exec() || !db.commit()) {
        const QString error
            = query.lastError().isValid() ? query.lastError().text() : db.lastError().text();
        db.rollback();
        return Status::failure(error);
    }
    return {};
}

Status HistorySchema::toVersion1(QSqlDatabase &db)
{
    return run(db,
        {
            QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO schema_version (version) VALUES (0)"),
            // What the list shows and filters on: small rows, so a text search scans little.
            QStringLiteral("CREATE TABLE entries ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " sent_at INTEGER NOT NULL," // ms since the epoch, UTC
                           " method TEXT NOT NULL,"
                           " url TEXT NOT NULL," // the final URL, redacted
                           " status INTEGER NOT NULL," // 0: no response
                           " failure TEXT NOT NULL," // failureKindName(): none, transport, ...
                           " duration_ms REAL NOT NULL,"
                           " request_size INTEGER NOT NULL,"
                           " response_size INTEGER NOT NULL,"
                           " collection_id TEXT NOT NULL,"
                           " collection_path TEXT NOT NULL,"
                           " item_path TEXT NOT NULL," // JSON array: folders, then the request
                           " stored_bytes INTEGER NOT NULL)"), // what the size bound counts
            QStringLiteral("CREATE INDEX entries_by_time ON entries (sent_at, id)"),
            QStringLiteral("CREATE INDEX entries_by_method ON entries (method, sent_at)"),
            QStringLiteral("CREATE INDEX entries_by_status ON entries (status, sent_at)"),
            // What reopening needs: the templates (a Postman v2.1 collection holding the one
            // request) and the exchange (JSON without bodies; bodies as bytes, cut at the bound).
            QStringLiteral("CREATE TABLE entry_data ("
                           " id INTEGER PRIMARY KEY,"
                           " request TEXT NOT NULL,"
                           " exchange TEXT NOT NULL,"
                           " request_body BLOB NOT NULL,"
                           " response_body BLOB NOT NULL)"),
        });
}

} // namespace Playground
