#include "app/history/HistoryStore.h"

#include "app/core/PrivateFolder.h"
#include "app/formats/LiteralCredentials.h"
#include "app/history/HistoryCodec.h"
#include "app/history/HistorySchema.h"
#include "app/http/Redactor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace Playground {

namespace {

    constexpr int SqliteCorrupt = 11;
    constexpr int SqliteNotADatabase = 26;
    /** Bytes an entry costs beyond its texts and bodies (row, index entries), for the bound. */
    constexpr qint64 RowOverhead = 96;

    bool isUnreadable(const QSqlError &error)
    {
        const int code = error.nativeErrorCode().toInt() & 0xff; // primary result code
        return code == SqliteCorrupt || code == SqliteNotADatabase;
    }

    QString escapedLike(QString text)
    {
        text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        text.replace(QLatin1Char('%'), QLatin1String("\\%"));
        text.replace(QLatin1Char('_'), QLatin1String("\\_"));
        return QLatin1Char('%') + text + QLatin1Char('%');
    }

    /** The WHERE clause of filter (with a leading space), its values appended to binds. */
    QString whereClause(const HistoryFilter &filter, QVariantList *binds)
    {
        QStringList terms;
        if (!filter.text.trimmed().isEmpty()) {
            terms.append(
                QStringLiteral("(url LIKE ? ESCAPE '\\' OR item_path LIKE ? ESCAPE '\\')"));
            const QString pattern = escapedLike(filter.text.trimmed());
            binds->append(pattern);
            binds->append(pattern);
        }
        if (!filter.method.isEmpty()) {
            terms.append(QStringLiteral("method = ?"));
            binds->append(filter.method);
        }
        const auto range = [&](int from) {
            terms.append(QStringLiteral("status BETWEEN ? AND ?"));
            binds->append(from);
            binds->append(from + 99);
        };
        switch (filter.statusClass) {
        case StatusClass::Any:
            break;
        case StatusClass::Informational:
            range(100);
            break;
        case StatusClass::Success:
            range(200);
            break;
        case StatusClass::Redirect:
            range(300);
            break;
        case StatusClass::ClientError:
            range(400);
            break;
        case StatusClass::ServerError:
            range(500);
            break;
        case StatusClass::Failed:
            terms.append(QStringLiteral("failure <> 'none'"));
            break;
        }
        return terms.isEmpty() ? QString()
                               : QStringLiteral(" WHERE ") + terms.join(QLatin1String(" AND "));
    }

    QStringList itemPathFrom(const QByteArray &json)
    {
        QStringList out;
        for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
            out.append(v.toString());
        return out;
    }

    FailureKind failureNamed(const QString &name)
    {
        for (int k = 0; k <= static_cast<int>(FailureKind::Disk); ++k) {
            if (failureKindName(static_cast<FailureKind>(k)) == name)
                return static_cast<FailureKind>(k);
        }
        return FailureKind::None;
    }

    /** text bound as '' rather than NULL (the columns are NOT NULL). */
    QString nonNull(const QString &text)
    {
        return text.isNull() ? QString(QLatin1String("")) : text;
    }
    QByteArray nonNull(const QByteArray &bytes)
    {
        return bytes.isNull() ? QByteArray("") : bytes;
    }

    QString sizeText(qint64 bytes)
    {
        return QLocale::c().formattedDataSize(bytes);
    }

    const QString SummaryColumns = QStringLiteral(
        "id, sent_at, method, url, status, failure, duration_ms, request_size, response_size,"
        " collection_path, item_path");

    HistorySummary summaryFrom(const QSqlQuery &q)
    {
        HistorySummary s;
        s.id = q.value(0).toLongLong();
        s.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        s.method = q.value(2).toString();
        s.url = q.value(3).toString();
        s.status = q.value(4).toInt();
        s.failure = failureNamed(q.value(5).toString());
        s.durationMs = q.value(6).toDouble();
        s.requestSize = q.value(7).toLongLong();
        s.responseSize = q.value(8).toLongLong();
        s.collectionPath = q.value(9).toString();
        s.itemPath = itemPathFrom(q.value(10).toByteArray());
        return s;
    }

} // namespace

HistoryStore::HistoryStore(const HistoryLimits &limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_connection(QStringLiteral("playground-history-%1").arg(quintptr(this), 0, 16))
{
}

HistoryStore::~HistoryStore()
{
    close();
}

QString HistoryStore::defaultPath()
{
    return PrivateFolder::filePath(
        QStandardPaths::AppDataLocation, QStringLiteral("history.sqlite"));
}

QSqlDatabase HistoryStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

void HistoryStore::close()
{
    m_open = false;
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = database();
        db.close(); // the last connection checkpoints the log into the file and removes it
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Status HistoryStore::open(const QString &path)
{
    Status status = openFile(path);
    m_openError = status.error();
    Q_EMIT opened();
    return status;
}

Status HistoryStore::openFile(const QString &path)
{
    close();
    m_notice.clear();
    m_movedAside.clear();
    m_count = 0;
    m_storedBytes = 0;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Status::failure(QStringLiteral("History is off: Qt's SQLite driver is not installed "
                                              "(Debian package libqt6sql6-sqlite)."));
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return Status::failure(
            QStringLiteral("History is off: the folder %1 cannot be created.").arg(folder));

    QString why;
    Outcome outcome = openAt(path, &why);
    if (outcome == Outcome::Unreadable || outcome == Outcome::Newer) {
        close();
        const bool newer = outcome == Outcome::Newer;
        m_movedAside
            = moveAside(path, newer ? QStringLiteral("newer") : QStringLiteral("unreadable"));
        if (m_movedAside.isEmpty())
            return Status::failure(QStringLiteral(
                "History is off: %1 cannot be read (%2) and could not be moved aside.")
                                       .arg(path, why));
        m_notice = newer
            ? QStringLiteral("History was written by a newer version of API Playground (format %1; "
                             "this version reads format %2). It was moved to %3 and a new history "
                             "was started.")
                  .arg(why, QString::number(HistorySchema::CurrentVersion), m_movedAside)
            : QStringLiteral("History could not be read (%1). It was moved to %2 and a new history "
                             "was started.")
                  .arg(why, m_movedAside);
        outcome = openAt(path, &why);
    }
    if (outcome != Outcome::Opened) {
        close();
        return Status::failure(
            QStringLiteral("History is off: %1 cannot be opened (%2).").arg(path, why));
    }
    m_path = path;
    m_open = true;
    if (Status s = loadTotals(); !s) {
        close();
        return Status::failure(QStringLiteral("History is off: %1").arg(s.error()));
    }
    return {};
}

HistoryStore::Outcome HistoryStore::openAt(const QString &path, QString *why)
{
    close();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    // Another window of the app may be writing: wait for it rather than fail.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=3000"));
    if (!db.open()) {
        *why = db.lastError().text();
        return Outcome::Failed;
    }
    QSqlQuery query(db);
    // SQLite reads lazily: the first statement is where a damaged file shows.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(1)"))) {
        *why = query.lastError().databaseText();
        return isUnreadable(query.lastError()) ? Outcome::Unreadable : Outcome::Failed;
    }
    if (!query.next() || query.value(0).toString() != QLatin1String("ok")) {
        *why = QStringLiteral("the file is damaged");
        return Outcome::Unreadable;
    }
    const Result<int> version = HistorySchema::version(db);
    if (!version) {
        *why = version.error();
        return Outcome::Unreadable;
    }
    if (version.value() > HistorySchema::CurrentVersion) {
        *why = QString::number(version.value());
        return Outcome::Newer;
    }
    // Write-ahead log: a commit is in the log before record() returns, so a crash of the app
    // loses nothing recorded (NORMAL syncs at checkpoints: a power cut may lose the last ones).
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()
        || query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        *why = query.lastError().isValid() ? query.lastError().databaseText()
                                           : QStringLiteral("write-ahead logging is unavailable");
        return Outcome::Failed;
    }
    // Deleted entries are overwritten with zeros, not left in free pages.
    if (!query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"))
        || !query.exec(QStringLiteral("PRAGMA secure_delete=ON"))) {
        *why = query.lastError().databaseText();
        return Outcome::Failed;
    }
    if (version.value() < HistorySchema::CurrentVersion) {
        if (Status s = HistorySchema::migrate(db, version.value()); !s) {
            *why = s.error();
            return Outcome::Failed;
        }
    }
    return Outcome::Opened;
}

QString HistoryStore::moveAside(const QString &path, const QString &kind)
{
    const QFileInfo info(path);
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target;
    for (int n = 1; n < 100; ++n) {
        target = info.absolutePath()
            + QStringLiteral("/%1-%2-%3%4.%5")
                  .arg(info.completeBaseName(), kind, stamp,
                      n == 1 ? QString() : QStringLiteral("-%1").arg(n), info.suffix());
        if (!QFile::exists(target))
            break;
    }
    if (!QFile::rename(path, target))
        return {};
    // The log belongs to the file it was written for; the shared-memory index is rebuilt.
    const QString wal = path + QStringLiteral("-wal");
    if (QFile::exists(wal))
        QFile::rename(wal, target + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    return target;
}

Status HistoryStore::loadTotals()
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT count(*), coalesce(sum(stored_bytes), 0) FROM entries"))
        || !query.next())
        return Status::failure(query.lastError().text());
    m_count = query.value(0).toInt();
    m_storedBytes = query.value(1).toLongLong();
    return dropOldest(); // the limits may have shrunk since the last run
}

Result<HistoryEntryId> HistoryStore::record(
    const RequestSpec &templates, const Exchange &exchange, const HistoryContext &where)
{
    using R = Result<HistoryEntryId>;
    if (!m_open)
        return R::failure(QStringLiteral("History is off."));
    QStringList secrets = where.redactions;
    // Credentials typed as text (a JSON client_secret, an access_token in the query) are kept
    // no more than secrets are: masked in the template, the exchange and the bodies.
    secrets += LiteralCredentials::values(templates);
    secrets.removeAll(QString());
    const Redactor redactor(secrets);

    const QByteArray request = HistoryCodec::requestJson(templates, redactor);
    const QByteArray exchangeJson = HistoryCodec::exchangeJson(exchange, redactor);
    const qint64 max = m_limits.maxBodyBytes;
    const QByteArray requestBody = redactor.bytesUpTo(exchange.requestBody, max);
    const QByteArray responseBody
        = redactor.bytesUpTo(exchange.bodyBytes(max + redactor.longestSpelling()), max);
    const QString method = redactor.text(
        exchange.method.isEmpty() ? templates.method : QString::fromLatin1(exchange.method));
    const QString url = redactor.text(exchange.url.isEmpty() ? templates.url.raw() : exchange.url);
    const QByteArray itemPath
        = QJsonDocument(QJsonArray::fromStringList(where.itemPath)).toJson(QJsonDocument::Compact);
    const QString itemPathText = redactor.text(QString::fromUtf8(itemPath));
    const qint64 stored = RowOverhead + request.size() + exchangeJson.size() + requestBody.size()
        + responseBody.size() + url.toUtf8().size() + itemPath.size()
        + where.collectionPath.toUtf8().size();
    const QDateTime time = where.time.isValid() ? where.time : QDateTime::currentDateTimeUtc();

    QSqlDatabase db = database();
    if (!db.transaction())
        return R::failure(
            QStringLiteral("History could not record this send (%1).").arg(db.lastError().text()));
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO entries (sent_at, method, url, status, failure, duration_ms, request_size,"
        " response_size, collection_id, collection_path, item_path, stored_bytes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(time.toMSecsSinceEpoch());
    query.addBindValue(nonNull(method));
    query.addBindValue(nonNull(url));
    query.addBindValue(exchange.status);
    query.addBindValue(failureKindName(exchange.failure));
    query.addBindValue(exchange.timings.total);
    query.addBindValue(exchange.requestBodySize);
    query.addBindValue(exchange.bodySize);
    query.addBindValue(nonNull(where.collectionId));
    query.addBindValue(nonNull(redactor.text(where.collectionPath)));
    query.addBindValue(nonNull(itemPathText));
    query.addBindValue(stored);
    bool ok = query.exec();
    const HistoryEntryId id = query.lastInsertId().toLongLong();
    if (ok) {
        query.prepare(QStringLiteral("INSERT INTO entry_data (id, request, exchange, request_body,"
                                     " response_body) VALUES (?, ?, ?, ?, ?)"));
        query.addBindValue(id);
        query.addBindValue(QString::fromUtf8(request));
        query.addBindValue(QString::fromUtf8(exchangeJson));
        query.addBindValue(nonNull(requestBody));
        query.addBindValue(nonNull(responseBody));
        ok = query.exec();
    }
    if (!ok || !db.commit()) {
        const QString error = query.lastError().isValid() ? query.lastError().databaseText()
                                                          : db.lastError().databaseText();
        db.rollback();
        return R::failure(QStringLiteral("History could not record this send (%1).").arg(error));
    }
    ++m_count;
    m_storedBytes += stored;
    dropOldest(); // a failure here leaves one entry too many, to be dropped next time
    Q_EMIT changed();
    return id;
}

Status HistoryStore::dropOldest()
{
    if (m_count <= m_limits.maxEntries && m_storedBytes <= m_limits.maxBytes)
        return {};
    QSqlDatabase db = database();
    QSqlQuery oldest(db);
    oldest.setForwardOnly(true);
    if (!oldest.exec(QStringLiteral("SELECT id, stored_bytes FROM entries ORDER BY sent_at, id")))
        return Status::failure(oldest.lastError().text());
    QList<HistoryEntryId> ids;
    int count = m_count;
    qint64 bytes = m_storedBytes;
    while ((count > m_limits.maxEntries || bytes > m_limits.maxBytes) && oldest.next()) {
        ids.append(oldest.value(0).toLongLong());
        bytes -= oldest.value(1).toLongLong();
        --count;
    }
    oldest.finish();
    if (!db.transaction())
        return Status::failure(db.lastError().text());
    QSqlQuery remove(db);
    for (const char *table : { "entries", "entry_data" }) {
        remove.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(QLatin1String(table)));
        for (HistoryEntryId id : std::as_const(ids)) {
            remove.addBindValue(id);
            if (!remove.exec()) {
                db.rollback();
                return Status::failure(remove.lastError().text());
            }
        }
    }
    if (!db.commit()) {
        db.rollback();
        return Status::failure(db.lastError().text());
    }
    m_count = count;
    m_storedBytes = bytes;
    return {};
}

QList<HistorySummary> HistoryStore::list(const HistoryFilter &filter) const
{
    QList<HistorySummary> out;
    if (!m_open)
        return out;
    QVariantList binds;
    const QString where = whereClause(filter, &binds);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM entries%2 ORDER BY sent_at DESC, id DESC LIMIT ?")
                      .arg(SummaryColumns, where));
    for (const QVariant &v : std::as_const(binds))
        query.addBindValue(v);
    query.addBindValue(std::max(0, filter.limit));
    if (!query.exec())
        return out;
    while (query.next())
        out.append(summaryFrom(query));
    return out;
}

int HistoryStore::countMatching(const HistoryFilter &filter) const
{
    if (!m_open)
        return 0;
    QVariantList binds;
    const QString where = whereClause(filter, &binds);
    if (where.isEmpty())
        return m_count;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT count(*) FROM entries") + where);
    for (const QVariant &v : std::as_const(binds))
        query.addBindValue(v);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

Result<HistoryEntry> HistoryStore::entry(HistoryEntryId id) const
{
    using R = Result<HistoryEntry>;
    if (!m_open)
        return R::failure(QStringLiteral("History is off."));
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1, e.collection_id, d.request, d.exchange,"
                                 " d.request_body, d.response_body"
                                 " FROM entries e JOIN entry_data d ON d.id = e.id WHERE e.id = ?")
                      .arg(QStringLiteral("e.id, e.sent_at, e.method, e.url, e.status, e.failure,"
                                          " e.duration_ms, e.request_size, e.response_size,"
                                          " e.collection_path, e.item_path")));
    query.addBindValue(id);
    if (!query.exec())
        return R::failure(QStringLiteral("History could not be read (%1).")
                              .arg(query.lastError().databaseText()));
    if (!query.next())
        return R::failure(QStringLiteral("That history entry no longer exists."));
    HistoryEntry entry;
    entry.summary = summaryFrom(query);
    entry.collectionId = query.value(11).toString();
    Result<RequestSpec> request = HistoryCodec::requestFromJson(query.value(12).toByteArray());
    if (!request)
        return R::failure(request.error());
    Result<Exchange> exchange = HistoryCodec::exchangeFromJson(query.value(13).toByteArray());
    if (!exchange)
        return R::failure(exchange.error());
    entry.request = std::move(request).value();
    entry.exchange = std::move(exchange).value();
    entry.exchange.requestBody = query.value(14).toByteArray();
    entry.exchange.body = query.value(15).toByteArray();
    entry.requestBodyCut = entry.exchange.requestBody.size() < entry.exchange.requestBodySize;
    entry.responseBodyCut = entry.exchange.body.size() < entry.exchange.bodySize;
    if (entry.responseBodyCut)
        entry.exchange.warnings.append(
            QStringLiteral("History kept the first %1 of this %2 response body.")
                .arg(sizeText(entry.exchange.body.size()), sizeText(entry.exchange.bodySize)));
    return entry;
}

Status HistoryStore::remove(HistoryEntryId id)
{
    if (!m_open)
        return Status::failure(QStringLiteral("History is off."));
    QSqlDatabase db = database();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT stored_bytes FROM entries WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return Status::failure(QStringLiteral("That history entry no longer exists."));
    const qint64 bytes = query.value(0).toLongLong();
    query.finish();
    if (!db.transaction())
        return Status::failure(db.lastError().text());
    for (const char *table : { "entries", "entry_data" }) {
        query.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(QLatin1String(table)));
        query.addBindValue(id);
        if (!query.exec()) {
            db.rollback();
            return Status::failure(QStringLiteral("The history entry could not be deleted (%1).")
                                       .arg(query.lastError().databaseText()));
        }
    }
    if (!db.commit()) {
        db.rollback();
        return Status::failure(QStringLiteral("The history entry could not be deleted (%1).")
                                   .arg(db.lastError().databaseText()));
    }
    --m_count;
    m_storedBytes -= bytes;
    forgetDeleted();
    Q_EMIT changed();
    return {};
}

Status HistoryStore::clear()
{
    if (!m_open)
        return Status::failure(QStringLiteral("History is off."));
    QSqlDatabase db = database();
    QSqlQuery query(db);
    if (!db.transaction() || !query.exec(QStringLiteral("DELETE FROM entries"))
        || !query.exec(QStringLiteral("DELETE FROM entry_data")) || !db.commit()) {
        const QString error = query.lastError().isValid() ? query.lastError().databaseText()
                                                          : db.lastError().databaseText();
        db.rollback();
        return Status::failure(QStringLiteral("History could not be cleared (%1).").arg(error));
    }
    m_count = 0;
    m_storedBytes = 0;
    query.exec(QStringLiteral("VACUUM")); // give the space back; best effort
    forgetDeleted();
    Q_EMIT changed();
    return {};
}

void HistoryStore::forgetDeleted()
{
    // Deleted rows are zeroed in new page versions; the log still holds the old ones until a
    // checkpoint copies the new ones into the file and truncates it.
    QSqlQuery query(database());
    query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

} // namespace Playground

// Compiled here (not in the library-wide moc unit) so programs that never use it do not link it.
#include "moc_HistoryStore.cpp"
