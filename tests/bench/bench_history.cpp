// History at scale: fills a history of N sends (default 100 000) the way the window records them
// (one transaction per send), then times the queries the panel makes, next to a bare QSqlQuery
// floor on the same SQLite settings (one row per send, no codec, no redaction, no bound).
//   build/tests/bench/bench_history [N]
#include "app/history/HistoryStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Playground;

namespace {

const QList<QByteArray> Methods { "GET", "POST", "PUT", "DELETE" };
const QList<int> Statuses { 200, 201, 204, 301, 404, 500, 0 };

QString urlFor(int i)
{
    return QStringLiteral("https://api.example.com/v1/campaigns/%1/messages?page=%2")
        .arg(i)
        .arg(i % 7);
}

QByteArray bodyFor(int i)
{
    return QByteArrayLiteral(R"({"id": )") + QByteArray::number(i)
        + QByteArrayLiteral(R"(, "items": [)") + QByteArray(900, 'x') + "]}";
}

void print(const char *what, double ms, const char *unit = "ms")
{
    std::printf("  %-46s %10.3f %s\n", what, ms, unit);
}

template <typename F> double timed(F &&f, int repeat = 1)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < repeat; ++i)
        f();
    return t.nsecsElapsed() / 1e6 / repeat;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 100'000;
    QTemporaryDir dir;
    HistoryLimits limits;
    limits.maxEntries = n + 1;
    limits.maxBytes = qint64(n) * 8 * 1024;
    std::printf("History with %d sends (%s)\n", n, qPrintable(dir.path()));

    // HistoryStore: what the window does.
    {
        HistoryStore store(limits);
        if (!store.open(dir.filePath(QStringLiteral("history.sqlite")))) {
            std::fprintf(stderr, "cannot open the history\n");
            return 1;
        }
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
        const double fill = timed([&] {
            for (int i = 0; i < n; ++i) {
                RequestSpec request;
                request.method = QString::fromLatin1(Methods.at(i % Methods.size()));
                request.url
                    = UrlSpec::fromRaw(QStringLiteral("{{baseUrl}}/v1/campaigns/%1").arg(i));
                request.headers.append(
                    { QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}") });
                Exchange e;
                e.method = Methods.at(i % Methods.size());
                e.url = urlFor(i);
                e.status = Statuses.at(i % Statuses.size());
                e.failure = e.status ? FailureKind::None : FailureKind::Transport;
                e.requestHeaders = { { "Authorization", "Bearer ***" }, { "Accept", "*/*" } };
                e.responseHeaders = { { "Content-Type", "application/json" } };
                e.body = bodyFor(i);
                e.bodySize = e.body.size();
                e.timings.total = 12.5;
                HistoryContext where;
                where.time = start.addSecs(i * 20);
                where.itemPath
                    = QStringList { QStringLiteral("Campaigns"), QStringLiteral("List") };
                where.redactions = QStringList { QStringLiteral("a-secret-token-value") };
                if (!store.record(request, e, where)) {
                    std::fprintf(stderr, "record failed at %d\n", i);
                    std::exit(1);
                }
            }
        });
        std::printf("HistoryStore (record: codec, redaction, one transaction each)\n");
        print("fill, total", fill);
        print("record one, mean", fill * 1000 / n, "µs");
        const HistoryEntryId newest = store.list({}).first().id;
        HistoryFilter filter;
        print("list newest 500", timed([&] { store.list(filter); }, 20));
        filter.text = QStringLiteral("campaigns/4242/");
        print("search, rare text (scans every row)", timed([&] { store.list(filter); }, 5));
        filter.text = QStringLiteral("messages");
        print("search, common text", timed([&] { store.list(filter); }, 20));
        filter = {};
        filter.method = QStringLiteral("DELETE");
        print("method DELETE", timed([&] { store.list(filter); }, 20));
        filter = {};
        filter.statusClass = StatusClass::ClientError;
        print("status 4xx", timed([&] { store.list(filter); }, 20));
        filter.statusClass = StatusClass::Failed;
        print("failed", timed([&] { store.list(filter); }, 20));
        filter.text = QStringLiteral("campaigns/4242/");
        print("count matching, rare text", timed([&] { store.countMatching(filter); }, 5));
        print("load one entry", timed([&] { store.entry(newest); }, 100));
        print("delete one (with log checkpoint)",
            timed([&] { store.remove(store.list({}).last().id); }, 5));
        std::printf(
            "  %-46s %10.1f MiB\n", "stored bytes counted", store.storedBytes() / 1024.0 / 1024.0);
        const QFileInfo file(store.path());
        std::printf("  %-46s %10.1f MiB\n", "file size", file.size() / 1024.0 / 1024.0);
    }
    {
        HistoryStore store(limits);
        print("open (quick_check, totals)",
            timed([&] { store.open(dir.filePath(QStringLiteral("history.sqlite"))); }));
    }

    // Floor: bare QSqlQuery, same pragmas, one insert per transaction, no codec.
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("floor"));
        db.setDatabaseName(dir.filePath(QStringLiteral("floor.sqlite")));
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(
            QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, sent_at INTEGER, method TEXT,"
                           " url TEXT, status INTEGER, body BLOB)"));
        q.exec(QStringLiteral("CREATE INDEX t_time ON t (sent_at)"));
        const double fill = timed([&] {
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral(
                "INSERT INTO t (sent_at, method, url, status, body) VALUES (?, ?, ?, ?, ?)"));
            for (int i = 0; i < n; ++i) {
                db.transaction();
                insert.addBindValue(i);
                insert.addBindValue(QString::fromLatin1(Methods.at(i % Methods.size())));
                insert.addBindValue(urlFor(i));
                insert.addBindValue(Statuses.at(i % Statuses.size()));
                insert.addBindValue(bodyFor(i));
                insert.exec();
                db.commit();
            }
        });
        std::printf("Floor: bare QSqlQuery, one table, one transaction per insert\n");
        print("fill, total", fill);
        print("insert one, mean", fill * 1000 / n, "µs");
        const auto select = [&](const QString &sql) {
            QSqlQuery s(db);
            s.setForwardOnly(true);
            s.exec(sql);
            while (s.next())
                s.value(0);
        };
        print("newest 500",
            timed(
                [&] {
                    select(QStringLiteral("SELECT id, url FROM t ORDER BY sent_at DESC LIMIT 500"));
                },
                20));
        print("search, rare text (scans every row)",
            timed(
                [&] {
                    select(QStringLiteral("SELECT id, url FROM t WHERE url LIKE '%campaigns/4242/%'"
                                          " ORDER BY sent_at DESC LIMIT 500"));
                },
                5));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("floor"));
    return 0;
}
