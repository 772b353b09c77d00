// History on real SQLite files in a temporary folder: what is recorded comes back, bounds drop
// the oldest, a damaged or newer file is moved aside, and no secret ever reaches the disk.
#include "app/auth/TokenManager.h"
#include "app/history/HistorySchema.h"
#include "app/history/HistoryStore.h"
#include "app/http/HttpExecutor.h"
#include "app/secrets/MemorySecretStore.h"
#include "app/send/SendSession.h"
#include "tests/support/TestServer.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;
using Playground::Test::Reply;
using Playground::Test::TestServer;

namespace {

RequestSpec templateRequest(const QString &method, const QString &url)
{
    RequestSpec r;
    r.name = QStringLiteral("List campaigns");
    r.method = method;
    r.url = UrlSpec::fromRaw(url);
    r.headers.append({ QStringLiteral("Accept"), QStringLiteral("application/json") });
    return r;
}

Exchange exchangeFor(const QString &method, const QString &url, int status,
    FailureKind failure = FailureKind::None, const QByteArray &body = "{}")
{
    Exchange e;
    e.method = method.toLatin1();
    e.url = url;
    e.status = status;
    e.failure = failure;
    e.body = body;
    e.bodySize = body.size();
    e.timings.total = 42;
    e.responseHeaders.append(HeaderPair { "Content-Type", "application/json" });
    return e;
}

HistoryContext at(const QDateTime &time)
{
    HistoryContext where;
    where.time = time;
    return where;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** The database and its write-ahead log, as they are on disk now. */
QByteArray diskBytes(const QString &path)
{
    return fileBytes(path) + fileBytes(path + "-wal");
}

QStringList urls(const QList<HistorySummary> &list)
{
    QStringList out;
    for (const HistorySummary &s : list)
        out.append(s.url);
    return out;
}

/** Writes a database by hand, as another version of the app would have. */
void writeDatabase(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "handmade");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        db.close();
    }
    QSqlDatabase::removeDatabase("handmade");
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void defaultPathIsInTheAppDataFolder();
    void recordedSendComesBackWhole();
    void crashLosesNothingRecorded();
    void reopenedHistoryKeepsEntries();
    void searchAndFilters_data();
    void searchAndFilters();
    void listIsNewestFirstAndBounded();
    void oldestDroppedPastTheCount();
    void oldestDroppedPastTheSize();
    void bodyCutAtTheBound();
    void deleteOneRemovesItFromDisk();
    void clearAll();
    void noSecretInTheFiles();
    void pastedCredentialsNotKept();
    void damagedFileMovedAside();
    void newerVersionMovedAside();
    void version0MigratedToCurrent();
    void folderThatCannotExistTurnsHistoryOff();

private:
    QString path() const { return m_dir->filePath("history.sqlite"); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistoryStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHistoryStore::defaultPathIsInTheAppDataFolder()
{
    QVERIFY(HistoryStore::defaultPath().startsWith(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/"));
    QVERIFY(HistoryStore::defaultPath().endsWith("/history.sqlite"));
}

void TestHistoryStore::recordedSendComesBackWhole()
{
    HistoryStore store;
    QVERIFY(store.open(path()));
    QSignalSpy changed(&store, &HistoryStore::changed);
    RequestSpec request = templateRequest("POST", "{{baseUrl}}/campaigns?page={{page}}");
    request.body.mode = RequestBody::Mode::Raw;
    request.body.raw = R"({"name": "{{campaign}}"})";
    request.body.rawLanguage = "json";
    Exchange exchange = exchangeFor(
        "POST", "https://api.example.com/campaigns?page=2", 201, FailureKind::None, R"({"id": 7})");
    exchange.requestBody = R"({"name": "Spring"})";
    exchange.requestBodySize = exchange.requestBody.size();
    exchange.hops.append(
        { "https://api.example.com/old", 301, "https://api.example.com/campaigns", false });
    HistoryContext where = at(QDateTime::currentDateTimeUtc());
    where.collectionId = "c0ffee";
    where.collectionPath = "/home/me/digishare.postman_collection.json";
    where.itemPath = QStringList { "Campaigns", "List campaigns" };

    const Result<HistoryEntryId> id = store.record(request, exchange, where);
    QVERIFY2(id, qPrintable(id.error()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.count(), 1);

    const Result<HistoryEntry> entry = store.entry(id.value());
    QVERIFY2(entry, qPrintable(entry.error()));
    // The templates as the user sent them, to reopen in the editor.
    QCOMPARE(entry->request.method, "POST");
    QCOMPARE(entry->request.url.raw(), "{{baseUrl}}/campaigns?page={{page}}");
    QCOMPARE(entry->request.body.raw, R"({"name": "{{campaign}}"})");
    QCOMPARE(entry->request.headers.first().key, "Accept");
    QCOMPARE(entry->request.name, "List campaigns");
    // The exchange, to show the response again.
    QCOMPARE(entry->exchange.status, 201);
    QCOMPARE(entry->exchange.body, R"({"id": 7})");
    QCOMPARE(entry->exchange.requestBody, R"({"name": "Spring"})");
    QCOMPARE(entry->exchange.responseHeader("content-type"), "application/json");
    QCOMPARE(entry->exchange.hops.size(), 1);
    QCOMPARE(entry->exchange.hops.first().status, 301);
    QCOMPARE(entry->exchange.timings.total, 42.0);
    QCOMPARE(entry->summary.url, "https://api.example.com/campaigns?page=2");
    QCOMPARE(entry->summary.itemPath, where.itemPath);
    QCOMPARE(entry->summary.collectionPath, where.collectionPath);
    QCOMPARE(entry->collectionId, "c0ffee");
    QCOMPARE(entry->summary.time.toMSecsSinceEpoch(), where.time.toMSecsSinceEpoch());
    QVERIFY(!entry->responseBodyCut);

    QVERIFY(!store.entry(id.value() + 1));
    QCOMPARE(store.entry(id.value() + 1).error(), "That history entry no longer exists.");
}

void TestHistoryStore::crashLosesNothingRecorded()
{
    HistoryStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.record(templateRequest("GET", "https://a.example/one"),
        exchangeFor("GET", "https://a.example/one", 200), {}));
    // What a crash leaves: the files as they are, the connection never closed nor checkpointed.
    QVERIFY(QFile::exists(path() + "-wal"));
    const QString copy = m_dir->filePath("after-crash.sqlite");
    QVERIFY(QFile::copy(path(), copy));
    QVERIFY(QFile::copy(path() + "-wal", copy + "-wal"));

    HistoryStore recovered;
    QVERIFY(recovered.open(copy));
    QCOMPARE(urls(recovered.list()), QStringList { "https://a.example/one" });
}

void TestHistoryStore::reopenedHistoryKeepsEntries()
{
    {
        HistoryStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.record(templateRequest("GET", "https://a.example/kept"),
            exchangeFor("GET", "https://a.example/kept", 200), {}));
    }
    HistoryStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.notice().isEmpty());
    QCOMPARE(store.count(), 1);
    QCOMPARE(urls(store.list()), QStringList { "https://a.example/kept" });
}

void TestHistoryStore::searchAndFilters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("statusClass");
    QTest::addColumn<QStringList>("expected"); // newest first

    const QString any;
    QTest::newRow("everything") << any << any << int(StatusClass::Any)
                                << QStringList { "https://x.test/fail", "https://x.test/500",
                                       "https://x.test/Users/404", "https://x.test/301",
                                       "https://x.test/users?q=100%", "https://x.test/users" };
    QTest::newRow("url text, any case")
        << "USERS" << any << int(StatusClass::Any)
        << QStringList { "https://x.test/Users/404", "https://x.test/users?q=100%",
               "https://x.test/users" };
    QTest::newRow("% is text, not a wildcard")
        << "100%" << any << int(StatusClass::Any) << QStringList { "https://x.test/users?q=100%" };
    QTest::newRow("request name") << "Delete user" << any << int(StatusClass::Any)
                                  << QStringList { "https://x.test/Users/404" };
    QTest::newRow("method") << any << "POST" << int(StatusClass::Any)
                            << QStringList { "https://x.test/500", "https://x.test/users?q=100%" };
    QTest::newRow("2xx") << any << any << int(StatusClass::Success)
                         << QStringList { "https://x.test/users?q=100%", "https://x.test/users" };
    QTest::newRow("3xx") << any << any << int(StatusClass::Redirect)
                         << QStringList { "https://x.test/301" };
    QTest::newRow("4xx") << any << any << int(StatusClass::ClientError)
                         << QStringList { "https://x.test/Users/404" };
    QTest::newRow("5xx") << any << any << int(StatusClass::ServerError)
                         << QStringList { "https://x.test/500" };
    QTest::newRow("failed") << any << any << int(StatusClass::Failed)
                            << QStringList { "https://x.test/fail" };
    QTest::newRow("all three") << "users"
                               << "GET" << int(StatusClass::Success)
                               << QStringList { "https://x.test/users" };
    QTest::newRow("nothing") << "nowhere" << any << int(StatusClass::Any) << QStringList {};
}

void TestHistoryStore::searchAndFilters()
{
    QFETCH(QString, text);
    QFETCH(QString, method);
    QFETCH(int, statusClass);
    QFETCH(QStringList, expected);

    HistoryStore store;
    QVERIFY(store.open(path()));
    struct Row {
        const char *method;
        const char *url;
        int status;
        FailureKind failure;
        const char *name;
    };
    const Row rows[] = {
        { "GET", "https://x.test/users", 200, FailureKind::None, "List users" },
        { "POST", "https://x.test/users?q=100%", 201, FailureKind::None, "Create" },
        { "GET", "https://x.test/301", 301, FailureKind::None, "Old" },
        { "DELETE", "https://x.test/Users/404", 404, FailureKind::None, "Delete user" },
        { "POST", "https://x.test/500", 500, FailureKind::None, "Boom" },
        { "GET", "https://x.test/fail", 0, FailureKind::Transport, "Down" },
    };
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-600);
    int n = 0;
    for (const Row &r : rows) {
        HistoryContext where = at(start.addSecs(++n));
        where.itemPath = QStringList { "Folder", QString::fromLatin1(r.name) };
        const QString method = QString::fromLatin1(r.method);
        const QString url = QString::fromLatin1(r.url);
        QVERIFY(store.record(
            templateRequest(method, url), exchangeFor(method, url, r.status, r.failure), where));
    }
    HistoryFilter filter;
    filter.text = text;
    filter.method = method;
    filter.statusClass = StatusClass(statusClass);
    QCOMPARE(urls(store.list(filter)), expected);
    QCOMPARE(store.countMatching(filter), expected.size());
}

void TestHistoryStore::listIsNewestFirstAndBounded()
{
    HistoryStore store;
    QVERIFY(store.open(path()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Recorded out of order: the list goes by the time each was sent.
    for (int days : { 3, 0, 1 }) {
        const QString url = QStringLiteral("https://x.test/%1-days-ago").arg(days);
        QVERIFY(store.record(
            templateRequest("GET", url), exchangeFor("GET", url, 200), at(now.addDays(-days))));
    }
    QCOMPARE(urls(store.list()),
        (QStringList { "https://x.test/0-days-ago", "https://x.test/1-days-ago",
            "https://x.test/3-days-ago" }));
    HistoryFilter two;
    two.limit = 2;
    QCOMPARE(store.list(two).size(), 2);
    QCOMPARE(store.countMatching(two), 3);
}

void TestHistoryStore::oldestDroppedPastTheCount()
{
    HistoryLimits limits;
    limits.maxEntries = 5;
    HistoryStore store(limits);
    QVERIFY(store.open(path()));
    for (int i = 1; i <= 8; ++i) {
        const QString url = QStringLiteral("https://x.test/%1").arg(i);
        QVERIFY(store.record(templateRequest("GET", url), exchangeFor("GET", url, 200), {}));
    }
    QCOMPARE(store.count(), 5);
    QCOMPARE(urls(store.list()),
        (QStringList { "https://x.test/8", "https://x.test/7", "https://x.test/6",
            "https://x.test/5", "https://x.test/4" }));
}

void TestHistoryStore::oldestDroppedPastTheSize()
{
    HistoryLimits limits;
    limits.maxBytes = 64 * 1024;
    HistoryStore store(limits);
    QVERIFY(store.open(path()));
    const QByteArray body(10 * 1024, 'x');
    for (int i = 1; i <= 20; ++i) {
        const QString url = QStringLiteral("https://x.test/%1").arg(i);
        QVERIFY(store.record(templateRequest("GET", url),
            exchangeFor("GET", url, 200, FailureKind::None, body), {}));
    }
    QVERIFY(store.storedBytes() <= limits.maxBytes);
    QVERIFY2(store.count() >= 4 && store.count() < 7, qPrintable(QString::number(store.count())));
    const QStringList kept = urls(store.list());
    QCOMPARE(kept.first(), "https://x.test/20");
    QVERIFY(!kept.contains("https://x.test/1"));
    // The totals kept in memory are those on disk.
    HistoryStore reopened(limits);
    QVERIFY(reopened.open(path()));
    QCOMPARE(reopened.count(), store.count());
    QCOMPARE(reopened.storedBytes(), store.storedBytes());
}

void TestHistoryStore::bodyCutAtTheBound()
{
    HistoryLimits limits;
    limits.maxBodyBytes = 1024;
    HistoryStore store(limits);
    QVERIFY(store.open(path()));
    const QByteArray body = QByteArray(1024, 'a') + QByteArray(9 * 1024, 'b');
    const Result<HistoryEntryId> id = store.record(templateRequest("GET", "https://x.test/big"),
        exchangeFor("GET", "https://x.test/big", 200, FailureKind::None, body), {});
    QVERIFY2(id, qPrintable(id.error()));
    const Result<HistoryEntry> entry = store.entry(id.value());
    QVERIFY(entry);
    QCOMPARE(entry->exchange.body, QByteArray(1024, 'a'));
    QCOMPARE(entry->exchange.bodySize, 10 * 1024);
    QCOMPARE(entry->summary.responseSize, 10 * 1024);
    QVERIFY(entry->responseBodyCut);
    QVERIFY2(entry->exchange.warnings.join("\n").contains("History kept the first"),
        qPrintable(entry->exchange.warnings.join("\n")));
    QVERIFY(!diskBytes(path()).contains(QByteArray(64, 'b')));
}

void TestHistoryStore::deleteOneRemovesItFromDisk()
{
    HistoryStore store;
    QVERIFY(store.open(path()));
    const Result<HistoryEntryId> gone = store.record(templateRequest("GET", "https://x.test/a"),
        exchangeFor("GET", "https://x.test/private-marker-7f3a", 200, FailureKind::None,
            "body-marker-9c1e"),
        {});
    QVERIFY(store.record(templateRequest("GET", "https://x.test/b"),
        exchangeFor("GET", "https://x.test/b", 200), {}));
    QVERIFY(diskBytes(path()).contains("private-marker-7f3a"));
    QSignalSpy changed(&store, &HistoryStore::changed);

    QVERIFY(store.remove(gone.value()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(urls(store.list()), QStringList { "https://x.test/b" });
    QVERIFY(!store.entry(gone.value()));
    // What the person deleted is no longer in the files.
    const QByteArray disk = diskBytes(path());
    QVERIFY(!disk.contains("private-marker-7f3a"));
    QVERIFY(!disk.contains("body-marker-9c1e"));
    QVERIFY(!store.remove(gone.value()));
}

void TestHistoryStore::clearAll()
{
    HistoryStore store;
    QVERIFY(store.open(path()));
    for (int i = 0; i < 3; ++i)
        QVERIFY(store.record(templateRequest("GET", "https://x.test/clear-marker"),
            exchangeFor("GET", "https://x.test/clear-marker", 200), {}));
    QVERIFY(store.clear());
    QCOMPARE(store.count(), 0);
    QCOMPARE(store.storedBytes(), 0);
    QVERIFY(store.list().isEmpty());
    QVERIFY(!diskBytes(path()).contains("clear-marker"));
    // And it goes on recording.
    QVERIFY(store.record(templateRequest("GET", "https://x.test/after"),
        exchangeFor("GET", "https://x.test/after", 200), {}));
    QCOMPARE(store.count(), 1);
}

void TestHistoryStore::noSecretInTheFiles()
{
    const QString token = "tok-9f8e7d6c5b4a-SECRET";
    const QString apiKey = "key-1a2b3c4d-SECRET";
    const QString typed = "typed-literal-SECRET";
    TestServer server;
    QVERIFY(server.start());
    server.route("/cookie", [](const Playground::Test::RecordedRequest &request) {
        Reply reply = Reply::json(200, request.toJson()); // echoes every header and the body
        reply.headers.append(HeaderPair { "Set-Cookie", "session=cookie-SECRET-5e6f; HttpOnly" });
        return reply;
    });

    // The templates: a Bearer token from a secret variable, the API key in the query and the body,
    // a declared secret variable with its value, a header typed with a literal credential.
    RequestSpec request = templateRequest("POST", server.baseUrl() + "/cookie?key={{apiKey}}");
    request.headers.append({ "X-Api-Key", typed });
    request.body.mode = RequestBody::Mode::Raw;
    request.body.raw = R"({"key": "{{apiKey}}"})";
    request.variables.append({ "apiKey", apiKey, true, "secret", {}, {} });
    AuthSpec auth;
    auth.type = "bearer";
    auth.setParam("token", "{{token}}");
    request.auth = auth;
    VariableScopes scopes;
    scopes.set("token", token, true);
    scopes.set("apiKey", apiKey, true);

    HttpExecutor executor;
    MemorySecretStore secrets;
    TokenManager tokens(&executor, &secrets);
    SendSession session(&executor, &tokens, request, auth, scopes, SendOptions {});
    QSignalSpy finished(&session, &SendSession::finished);
    session.start();
    QVERIFY(finished.wait(10'000));
    const Exchange &exchange = session.exchange();
    QCOMPARE(exchange.status, 200);
    // The server saw the secrets and echoed them back: history must not keep them.
    QVERIFY(exchange.bodyBytes().contains(token.toUtf8()));
    QVERIFY(exchange.bodyBytes().contains(apiKey.toUtf8()));

    HistoryStore store;
    QVERIFY(store.open(path()));
    HistoryContext where;
    where.itemPath = QStringList { "Secrets", "Echo" };
    where.redactions = session.redactionValues();
    const Result<HistoryEntryId> id = store.record(request, exchange, where);
    QVERIFY2(id, qPrintable(id.error()));

    const QByteArray disk = diskBytes(path());
    QVERIFY2(disk.contains("/cookie?key=***"), "the send was not recorded where the test looks");
    QVERIFY(disk.contains("{{token}}")); // the templates are kept, as references
    for (const QString &secret : { token, apiKey, typed, QStringLiteral("cookie-SECRET-5e6f") }) {
        QVERIFY2(!disk.contains(secret.toUtf8()), qPrintable(secret + " is on disk"));
        QVERIFY2(!disk.contains(QUrl::toPercentEncoding(secret)), qPrintable(secret));
        QVERIFY2(!disk.contains(secret.toUtf8().toBase64()), qPrintable(secret));
    }
    // And the history still reads as a person expects.
    const Result<HistoryEntry> entry = store.entry(id.value());
    QVERIFY(entry);
    QCOMPARE(entry->request.auth->param("token"), "{{token}}");
    QCOMPARE(entry->request.headers.last().value, "***");
    QVERIFY(entry->exchange.body.contains("***"));
}

void TestHistoryStore::pastedCredentialsNotKept()
{
    // The docs' token request pasted with its values and sent at once (never saved): the client
    // secret in the JSON body and an access_token in the query are credentials typed as text.
    const QString clientSecret = "lit-cs-SECRET-4d2e";
    const QString queryToken = "lit-qt-SECRET-7a1c";
    TestServer server;
    QVERIFY(server.start());
    RequestSpec request
        = templateRequest("POST", server.baseUrl() + "/echo/token?access_token=" + queryToken);
    request.body.mode = RequestBody::Mode::Raw;
    request.body.raw
        = R"({"grant_type": "client_credentials", "client_id": "id-1", "client_secret": ")"
        + clientSecret + R"("})";

    HttpExecutor executor;
    MemorySecretStore secrets;
    TokenManager tokens(&executor, &secrets);
    SendSession session(
        &executor, &tokens, request, AuthSpec {}, VariableScopes {}, SendOptions {});
    QSignalSpy finished(&session, &SendSession::finished);
    session.start();
    QVERIFY(finished.wait(10'000));
    QCOMPARE(session.exchange().status, 200);
    QVERIFY(server.requests().constLast().raw.contains(clientSecret.toUtf8()));

    HistoryStore store;
    QVERIFY(store.open(path()));
    HistoryContext where;
    where.redactions = session.redactionValues();
    const Result<HistoryEntryId> id = store.record(request, session.exchange(), where);
    QVERIFY2(id, qPrintable(id.error()));
    const QByteArray disk = diskBytes(path());
    QVERIFY2(disk.contains("/echo/token"), "the send was not recorded where the test looks");
    for (const QString &secret : { clientSecret, queryToken })
        QVERIFY2(!disk.contains(secret.toUtf8()), qPrintable(secret + " is on disk"));
    // What a person reads back: the request, its fields masked.
    const Result<HistoryEntry> entry = store.entry(id.value());
    QVERIFY(entry);
    QVERIFY2(entry->request.body.raw.contains(R"("client_secret": "***")"),
        qPrintable(entry->request.body.raw));
}

void TestHistoryStore::damagedFileMovedAside()
{
    QFile garbage(path());
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray("this is not a database, just some text\n").repeated(200));
    garbage.close();

    HistoryStore store;
    QVERIFY(store.open(path()));
    QVERIFY(store.isOpen());
    QVERIFY2(store.notice().startsWith("History could not be read ("), qPrintable(store.notice()));
    QVERIFY2(store.notice().contains(
                 "It was moved to " + store.movedAsidePath() + " and a new history was started."),
        qPrintable(store.notice()));
    QVERIFY(QFileInfo(store.movedAsidePath()).fileName().startsWith("history-unreadable-"));
    QVERIFY(fileBytes(store.movedAsidePath()).startsWith("this is not a database"));
    QCOMPARE(store.count(), 0);
    QVERIFY(store.record(templateRequest("GET", "https://x.test/fresh"),
        exchangeFor("GET", "https://x.test/fresh", 200), {}));
}

void TestHistoryStore::newerVersionMovedAside()
{
    writeDatabase(path(),
        { "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            "INSERT INTO schema_version VALUES (7)", "CREATE TABLE future (x)" });
    HistoryStore store;
    QVERIFY(store.open(path()));
    QCOMPARE(store.notice(),
        QStringLiteral("History was written by a newer version of API Playground (format 7; this "
                       "version reads format %1). It was moved to %2 and a new history was "
                       "started.")
            .arg(HistorySchema::CurrentVersion)
            .arg(store.movedAsidePath()));
    QVERIFY(QFileInfo(store.movedAsidePath()).fileName().startsWith("history-newer-"));
    QVERIFY(QFile::exists(store.movedAsidePath()));
    QVERIFY(store.record(templateRequest("GET", "https://x.test/fresh"),
        exchangeFor("GET", "https://x.test/fresh", 200), {}));
    QCOMPARE(store.count(), 1);
}

void TestHistoryStore::version0MigratedToCurrent()
{
    // Version 0: a database with no version table (a file SQLite made, nothing recorded yet).
    writeDatabase(path(), { "PRAGMA user_version = 0", "CREATE TABLE unrelated (x)" });
    {
        HistoryStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.notice().isEmpty());
        QVERIFY(store.record(templateRequest("GET", "https://x.test/v1"),
            exchangeFor("GET", "https://x.test/v1", 200), {}));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "check");
        db.setDatabaseName(path());
        QVERIFY(db.open());
        const Result<int> version = HistorySchema::version(db);
        QVERIFY(version);
        QCOMPARE(version.value(), HistorySchema::CurrentVersion);
        QSqlQuery q(db);
        QVERIFY(q.exec("SELECT count(*) FROM unrelated")); // nothing else touched
        db.close();
    }
    QSqlDatabase::removeDatabase("check");
    HistoryStore store;
    QVERIFY(store.open(path()));
    QCOMPARE(urls(store.list()), QStringList { "https://x.test/v1" });
}

void TestHistoryStore::folderThatCannotExistTurnsHistoryOff()
{
    QFile file(m_dir->filePath("a-file"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    HistoryStore store;
    QSignalSpy opened(&store, &HistoryStore::opened); // a panel shows why history is off
    const Status s = store.open(m_dir->filePath("a-file/history.sqlite"));
    QVERIFY(!s);
    QCOMPARE(opened.count(), 1);
    QVERIFY2(s.error().startsWith("History is off: the folder "), qPrintable(s.error()));
    QCOMPARE(store.openError(), s.error());
    QVERIFY(!store.isOpen());
    QVERIFY(
        !store.record(templateRequest("GET", "https://x.test/"), exchangeFor("GET", "x", 200), {}));
    QVERIFY(store.list().isEmpty());
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "TestHistoryStore.moc"
