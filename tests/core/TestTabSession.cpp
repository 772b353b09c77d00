// The open tabs file: what is written, what comes back, what never reaches the disk.
#include "app/session/TabSession.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;

class TestTabSession : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void tabsComeBackInOrder();
    void literalCredentialsAreNotWritten();
    void aBrokenFileNamesItself();
    void currentStaysInRange();
    void anOlderFileWithOneCollectionIsRead();
    void defaultPathIsInTheConfigFolder();
};

namespace {

TabSession::Tab itemTab(const QStringList &names)
{
    TabSession::Tab tab;
    tab.itemNames = names;
    return tab;
}

TabSession::Tab scratchTab(const QString &method, const QString &url)
{
    TabSession::Tab tab;
    tab.scratch.request.method = method;
    tab.scratch.request.url = UrlSpec::fromRaw(url);
    return tab;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestTabSession::tabsComeBackInOrder()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deep/tabs.json"));
    TabSession session;
    TabSession::Workspace shop;
    shop.collectionPath = QStringLiteral("/data/shop.postman_collection.json");
    shop.tabs = { itemTab({ QStringLiteral("Users"), QStringLiteral("List users") }),
        scratchTab(QStringLiteral("PATCH"), QStringLiteral("{{baseUrl}}/items/7?x=1")),
        itemTab({ QStringLiteral("Health") }),
        scratchTab(QStringLiteral("GET"), QStringLiteral("https://example.com/")) };
    shop.current = 2;
    TabSession::Workspace billing;
    billing.collectionPath = QStringLiteral("/data/billing.postman_collection.json");
    billing.tabs = { scratchTab(QStringLiteral("DELETE"), QStringLiteral("https://b.test/1")),
        itemTab({ QStringLiteral("Invoices") }) };
    billing.current = 1;
    session.workspaces = { shop, billing };
    session.currentWorkspace = 1;
    session.windowGeometry = QByteArray("\x01\x02geometry", 10);
    session.splitterState = QByteArray("splitter\xff", 9);
    const Status written = TabSession::write(path, session);
    QVERIFY2(written.ok(), qPrintable(written.error()));

    const Result<TabSession> read = TabSession::read(path);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->workspaces.size(), 2);
    QCOMPARE(read->currentWorkspace, 1);
    const TabSession::Workspace &first = read->workspaces.at(0);
    QCOMPARE(first.collectionPath, shop.collectionPath);
    QCOMPARE(first.tabs.size(), 4);
    QCOMPARE(first.tabs.at(0).itemNames,
        QStringList({ QStringLiteral("Users"), QStringLiteral("List users") }));
    QVERIFY(first.tabs.at(1).itemNames.isEmpty());
    QCOMPARE(first.tabs.at(1).scratch.request.method, QStringLiteral("PATCH"));
    QCOMPARE(first.tabs.at(1).scratch.request.url.raw(), QStringLiteral("{{baseUrl}}/items/7?x=1"));
    QCOMPARE(first.tabs.at(2).itemNames, QStringList { QStringLiteral("Health") });
    QCOMPARE(first.tabs.at(3).scratch.request.url.raw(), QStringLiteral("https://example.com/"));
    QCOMPARE(first.current, 2);
    const TabSession::Workspace &second = read->workspaces.at(1);
    QCOMPARE(second.collectionPath, billing.collectionPath);
    QCOMPARE(second.tabs.size(), 2);
    QCOMPARE(second.tabs.at(0).scratch.request.method, QStringLiteral("DELETE"));
    QCOMPARE(second.tabs.at(1).itemNames, QStringList { QStringLiteral("Invoices") });
    QCOMPARE(second.current, 1);
    QCOMPARE(read->windowGeometry, session.windowGeometry);
    QCOMPARE(read->splitterState, session.splitterState);
}

void TestTabSession::anOlderFileWithOneCollectionIsRead()
{
    // What version 1 wrote: one collection in the file's root.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tabs.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"version\": 1, \"collection\": \"/data/shop.json\", \"current\": 1,"
               " \"tabs\": [ { \"item\": [\"Health\"] }, { \"scratch\": { \"name\": \"s\","
               " \"request\": { \"method\": \"PUT\", \"url\": \"https://x.test/\" } } } ] }");
    file.close();
    const Result<TabSession> read = TabSession::read(path);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->workspaces.size(), 1);
    QCOMPARE(read->workspaces.at(0).collectionPath, QStringLiteral("/data/shop.json"));
    QCOMPARE(read->workspaces.at(0).tabs.size(), 2);
    QCOMPARE(read->workspaces.at(0).tabs.at(1).scratch.request.method, QStringLiteral("PUT"));
    QCOMPARE(read->workspaces.at(0).current, 1);
}

void TestTabSession::literalCredentialsAreNotWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tabs.json"));
    TabSession::Tab tab = scratchTab(QStringLiteral("GET"), QStringLiteral("https://x.test/me"));
    tab.scratch.request.headers.append(
        { QStringLiteral("Authorization"), QStringLiteral("Bearer literal-token-77") });
    tab.scratch.request.headers.append(
        { QStringLiteral("X-Api-Key"), QStringLiteral("literal-key-88") });
    tab.scratch.request.headers.append(
        { QStringLiteral("Cookie"), QStringLiteral("sid=literal-cookie-99") });
    tab.scratch.request.body.mode = RequestBody::Mode::Raw;
    tab.scratch.request.body.raw
        = QStringLiteral("{\"user\": {\"password\": \"literal-json-pw-66\"}}");
    TabSession session;
    session.workspaces = { TabSession::Workspace { {}, { tab }, 0 } };
    QVERIFY(TabSession::write(path, session).ok());

    const QByteArray bytes = readAll(path);
    QVERIFY(bytes.contains("https://x.test/me"));
    QVERIFY2(!bytes.contains("literal-token-77"), bytes.constData());
    QVERIFY2(!bytes.contains("literal-key-88"), bytes.constData());
    QVERIFY2(!bytes.contains("literal-cookie-99"), bytes.constData());
    QVERIFY2(!bytes.contains("literal-json-pw-66"), bytes.constData());
    // The header is still there, as a reference to a value that stayed in memory.
    const Result<TabSession> read = TabSession::read(path);
    QVERIFY(read.ok());
    QCOMPARE(read->workspaces.at(0).tabs.at(0).scratch.request.headers.size(), 3);
    QCOMPARE(read->workspaces.at(0).tabs.at(0).scratch.request.headers.at(0).key,
        QStringLiteral("Authorization"));
    QVERIFY(read->workspaces.at(0).tabs.at(0).scratch.request.headers.at(0).value.contains(
        QLatin1String("{{")));
}

void TestTabSession::aBrokenFileNamesItself()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tabs.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"tabs\": [ ");
    file.close();
    const Result<TabSession> read = TabSession::read(path);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().contains(path), qPrintable(read.error()));
    // Nothing is overwritten by reading.
    QCOMPARE(readAll(path), QByteArray("{ \"tabs\": [ "));
}

void TestTabSession::currentStaysInRange()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tabs.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"current\": 9, \"tabs\": [ { \"item\": [\"A\"] }, { \"item\": [] }, 7,"
               " { \"scratch\": { \"name\": \"s\", \"request\": { \"method\": \"GET\","
               " \"url\": \"https://a.test/\" } } } ] }");
    file.close();
    const Result<TabSession> read = TabSession::read(path);
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QCOMPARE(read->workspaces.size(), 1);
    QCOMPARE(read->workspaces.at(0).tabs.size(), 2); // entries naming nothing are skipped
    QCOMPARE(read->workspaces.at(0).current, 1);
}

void TestTabSession::defaultPathIsInTheConfigFolder()
{
    const QString path = TabSession::defaultPath();
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)));
    QVERIFY(path.endsWith(QLatin1String("/tabs.json")));
}

QTEST_MAIN(TestTabSession)
#include "TestTabSession.moc"
