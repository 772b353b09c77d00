// The history list a view shows: days as headers (newest first), sends under them, filters
// applied, following the store; checked by QAbstractItemModelTester throughout.
#include "app/history/HistoryListModel.h"
#include "app/history/HistoryStore.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;

namespace {

void record(HistoryStore &store, const QString &method, const QString &url, int status,
    const QDateTime &time, FailureKind failure = FailureKind::None)
{
    RequestSpec request;
    request.method = method;
    request.url = UrlSpec::fromRaw(url);
    Exchange exchange;
    exchange.method = method.toLatin1();
    exchange.url = url;
    exchange.status = status;
    exchange.failure = failure;
    HistoryContext where;
    where.time = time;
    QVERIFY(store.record(request, exchange, where));
}

QStringList rows(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r)
        out.append(model.index(r, 0, parent).data().toString());
    return out;
}

} // namespace

class TestHistoryListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void groupedByDayNewestFirst();
    void rowSaysMethodStatusUrlTime();
    void followsTheStore();
    void filterNarrowsTheList();
    void limitShowsNewestAndCountsTheRest();
    void dayTitles();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
};

void TestHistoryListModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistoryListModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<HistoryStore>();
    QVERIFY(m_store->open(m_dir->filePath("history.sqlite")));
}

void TestHistoryListModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestHistoryListModel::groupedByDayNewestFirst()
{
    HistoryListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = QDateTime::currentDateTime();
    record(*m_store, "GET", "https://x.test/three-days", 200, now.addDays(-3));
    record(*m_store, "GET", "https://x.test/today-1", 200, now.addSecs(-1));
    record(*m_store, "GET", "https://x.test/yesterday", 200, now.addDays(-1));
    record(*m_store, "GET", "https://x.test/today-2", 200, now);

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), "Today (2)");
    QCOMPARE(model.index(1, 0).data().toString(), "Yesterday (1)");
    QVERIFY(model.index(2, 0).data(HistoryListModel::IsDayRole).toBool());
    QCOMPARE(model.entryId(model.index(0, 0)), 0);
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsSelectable));
    const QModelIndex today = model.index(0, 0);
    QCOMPARE(model.rowCount(today), 2);
    QVERIFY(
        model.index(0, 0, today).data(HistoryListModel::UrlRole).toString().endsWith("today-2"));
    QVERIFY(
        model.index(1, 0, today).data(HistoryListModel::UrlRole).toString().endsWith("today-1"));
    QVERIFY(model.flags(model.index(0, 0, today)) & Qt::ItemIsSelectable);
    QCOMPARE(model.entryCount(), 4);
    // An entry's index is found again by its id, under its day.
    const HistoryEntryId id = model.entryId(model.index(0, 0, model.index(1, 0)));
    QVERIFY(id != 0);
    QCOMPARE(model.indexOf(id), model.index(0, 0, model.index(1, 0)));
    QCOMPARE(model.indexOf(id).parent(), model.index(1, 0));
}

void TestHistoryListModel::rowSaysMethodStatusUrlTime()
{
    const QDateTime time(QDate::currentDate(), QTime(14, 3, 12));
    record(*m_store, "POST", "https://x.test/users", 201, time);
    record(*m_store, "GET", "https://x.test/down", 0, time.addSecs(1), FailureKind::Transport);
    record(*m_store, "GET", "https://x.test/slow", 0, time.addSecs(2), FailureKind::Deadline);
    record(*m_store, "GET", "{{baseUrl}}/x", 0, time.addSecs(3), FailureKind::Unresolved);
    HistoryListModel model(m_store.get());
    QCOMPARE(rows(model, model.index(0, 0)),
        (QStringList { "GET not sent {{baseUrl}}/x 14:03:15",
            "GET timeout https://x.test/slow 14:03:14", "GET failed https://x.test/down 14:03:13",
            "POST 201 https://x.test/users 14:03:12" }));
    const QModelIndex failed = model.index(2, 0, model.index(0, 0));
    QVERIFY(failed.data(HistoryListModel::FailedRole).toBool());
    QCOMPARE(failed.data(HistoryListModel::StatusRole).toInt(), 0);
    QVERIFY(failed.data(Qt::ToolTipRole).toString().contains("https://x.test/down"));
}

void TestHistoryListModel::followsTheStore()
{
    HistoryListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    record(*m_store, "GET", "https://x.test/a", 200, QDateTime::currentDateTime());
    record(*m_store, "GET", "https://x.test/b", 200, QDateTime::currentDateTime());
    QCOMPARE(model.entryCount(), 2);
    QVERIFY(m_store->remove(model.entryId(model.index(0, 0, model.index(0, 0)))));
    QCOMPARE(model.entryCount(), 1);
    QVERIFY(rows(model, model.index(0, 0)).first().contains("https://x.test/a"));
    QVERIFY(m_store->clear());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.entryCount(), 0);
}

void TestHistoryListModel::filterNarrowsTheList()
{
    const QDateTime now = QDateTime::currentDateTime();
    record(*m_store, "GET", "https://x.test/users", 200, now.addDays(-1));
    record(*m_store, "DELETE", "https://x.test/users/1", 404, now);
    HistoryListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HistoryFilter filter;
    filter.statusClass = StatusClass::ClientError;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1); // only today's day remains
    QCOMPARE(rows(model, model.index(0, 0)).size(), 1);
    QVERIFY(rows(model, model.index(0, 0)).first().startsWith("DELETE 404 "));
    filter = {};
    filter.text = "nothing like this";
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
}

void TestHistoryListModel::limitShowsNewestAndCountsTheRest()
{
    const QDateTime now = QDateTime::currentDateTime();
    for (int i = 0; i < 7; ++i)
        record(*m_store, "GET", QStringLiteral("https://x.test/%1").arg(i), 200, now.addSecs(i));
    HistoryListModel model(m_store.get());
    HistoryFilter filter;
    filter.limit = 5;
    model.setFilter(filter);
    QCOMPARE(model.entryCount(), 5);
    QCOMPARE(model.matchingCount(), 7);
    QVERIFY(rows(model, model.index(0, 0)).first().contains("https://x.test/6"));
}

void TestHistoryListModel::dayTitles()
{
    const QDate today(2026, 3, 10);
    QCOMPARE(HistoryListModel::dayTitle(today, today), "Today");
    QCOMPARE(HistoryListModel::dayTitle(today.addDays(-1), today), "Yesterday");
    const QString older = HistoryListModel::dayTitle(QDate(2026, 3, 2), today);
    QVERIFY2(older.contains("2026") && older != "Today", qPrintable(older));
}

QTEST_GUILESS_MAIN(TestHistoryListModel)
#include "TestHistoryListModel.moc"
