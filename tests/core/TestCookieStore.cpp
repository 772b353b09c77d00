// The window's cookie jars on disk: one file, per environment, owner-only, atomic, and a broken
// file moved aside with a message instead of a crash or a silent loss.
#include "app/http/CookieJar.h"
#include "app/http/CookieStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkCookie>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/stat.h>

using namespace Playground;

namespace {

/** The file's permission bits as the system keeps them (0600: read and write for the owner). */
int modeBits(const QString &path)
{
    struct stat info { };
    return stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

} // namespace

namespace {

void set(CookieJar *jar, const char *setCookie, const char *url)
{
    jar->store(QNetworkCookie::parseCookies(QByteArray(setCookie)), QUrl(QLatin1String(url)));
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCookieStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jarsComeBackPerEnvironment();
    void theFileIsForItsOwnerOnly();
    void expiredCookiesAreNotKept();
    void aBrokenFileIsMovedAsideWithAMessage_data();
    void aBrokenFileIsMovedAsideWithAMessage();
    void anUnwritableFolderIsReported();
};

void TestCookieStore::jarsComeBackPerEnvironment()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("data/cookies.json"));
    {
        CookieStore store(path);
        set(store.jar(QStringLiteral("Local")), "session=local-1; HttpOnly",
            "http://127.0.0.1:8080/login");
        set(store.jar(QStringLiteral("Staging")),
            "session=staging-2; Path=/api; Secure; Max-Age=86400", "https://staging.example.com/");
        QVERIFY(store.problem().isEmpty());
    }
    CookieStore store(path);
    QCOMPARE(store.jar(QStringLiteral("Local"))->cookieHeader(QUrl("http://127.0.0.1:9/")),
        QByteArray("session=local-1"));
    QCOMPARE(
        store.jar(QStringLiteral("Local"))->cookieHeader(QUrl("https://staging.example.com/api")),
        QByteArray());
    CookieJar *staging = store.jar(QStringLiteral("Staging"));
    QCOMPARE(staging->cookieHeader(QUrl("https://staging.example.com/api/x")),
        QByteArray("session=staging-2"));
    QCOMPARE(staging->cookieHeader(QUrl("https://staging.example.com/other")), QByteArray());
    const QNetworkCookie cookie = staging->cookies().constFirst();
    QVERIFY(cookie.isSecure());
    QVERIFY(!cookie.isSessionCookie());
    QVERIFY(store.jar(QStringLiteral("Local"))->cookies().constFirst().isHttpOnly());
    QVERIFY(store.jar(QString())->cookies().isEmpty());
}

void TestCookieStore::theFileIsForItsOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cookies.json"));
    CookieStore store(path);
    set(store.jar(QString()), "a=1", "https://example.com/");
    QVERIFY(QFile::exists(path));
    QCOMPARE(modeBits(path), 0600);
    // Atomic: no temporary file left beside it.
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("cookies.json") });
    QVERIFY(read(path).contains("\"a\""));

    // A file someone left readable by all is the owner's only again once rewritten.
    QVERIFY(QFile::setPermissions(path,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther));
    QCOMPARE(modeBits(path), 0644);
    CookieStore reopened(path);
    set(reopened.jar(QString()), "b=2", "https://example.com/");
    QCOMPARE(modeBits(path), 0600);
    QVERIFY(read(path).contains("\"b\""));
}

void TestCookieStore::expiredCookiesAreNotKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cookies.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "environments": {"": [
        {"name": "old", "value": "1", "domain": "example.com", "path": "/", "expires": "2001-01-01T00:00:00Z"},
        {"name": "new", "value": "2", "domain": "example.com", "path": "/", "expires": "2999-01-01T00:00:00Z"}]}})");
    file.close();
    CookieStore store(path);
    QVERIFY(store.problem().isEmpty());
    QCOMPARE(store.jar(QString())->cookieHeader(QUrl("https://example.com/")), QByteArray("new=2"));
}

void TestCookieStore::aBrokenFileIsMovedAsideWithAMessage_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("not JSON") << QByteArray("{\"version\": 1, \"environ");
    QTest::newRow("another version") << QByteArray(R"({"version": 7, "environments": {}})");
    QTest::newRow("a list that is not") << QByteArray(R"({"version": 1, "environments": {"": 3}})");
    QTest::newRow("a cookie without a name")
        << QByteArray(R"({"version": 1, "environments": {"": [{"value": "x"}]}})");
}

void TestCookieStore::aBrokenFileIsMovedAsideWithAMessage()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cookies.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();

    CookieStore store(path);
    QVERIFY2(store.problem().contains(QDir::toNativeSeparators(path)), qPrintable(store.problem()));
    QVERIFY(store.problem().contains(QStringLiteral("moved to")));
    const QStringList aside
        = QDir(dir.path()).entryList({ QStringLiteral("cookies.json.broken-*") }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QCOMPARE(read(dir.filePath(aside.constFirst())), contents); // the user's bytes, untouched
    QVERIFY(store.jar(QString())->cookies().isEmpty());
    // The store goes on working: the next cookie makes a new, readable file.
    set(store.jar(QString()), "a=1", "https://example.com/");
    CookieStore again(path);
    QVERIFY(again.problem().isEmpty());
    QCOMPARE(again.jar(QString())->cookieHeader(QUrl("https://example.com/")), QByteArray("a=1"));
}

void TestCookieStore::anUnwritableFolderIsReported()
{
    QTemporaryDir dir;
    // A file where the folder should be: nothing can be written under it.
    QFile blocker(dir.filePath(QStringLiteral("data")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    CookieStore store(dir.filePath(QStringLiteral("data/cookies.json")));
    QSignalSpy problems(&store, &CookieStore::problemOccurred);
    set(store.jar(QString()), "a=1", "https://example.com/");
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.constFirst().constFirst().toString().contains(
        QStringLiteral("could not be saved")));
    // The cookie still works for this session.
    QCOMPARE(store.jar(QString())->cookieHeader(QUrl("https://example.com/")), QByteArray("a=1"));
}

QTEST_GUILESS_MAIN(TestCookieStore)
#include "TestCookieStore.moc"
