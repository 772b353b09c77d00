// The collection runner as the window drives it: some requests left out, several iterations, a
// pause between requests, stopped in the middle; the results table follows it, checked by
// QAbstractItemModelTester throughout. Against the loopback test server.
#include "app/http/HttpExecutor.h"
#include "app/response/ResponseFormatter.h"
#include "app/runner/CollectionRunner.h"
#include "app/runner/JsonReporter.h"
#include "app/runner/JunitReporter.h"
#include "app/runner/RunResultsModel.h"
#include "tests/support/TestServer.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Playground;
using Playground::Test::TestServer;

namespace {

CollectionItem request(const QString &name, const QString &method, const QString &url)
{
    CollectionItem item;
    item.name = name;
    item.request.method = method;
    item.request.url = UrlSpec::fromRaw(url);
    return item;
}

CollectionItem folder(const QString &name, const QList<CollectionItem> &children)
{
    CollectionItem f;
    f.isFolder = true;
    f.name = name;
    f.children = children;
    return f;
}

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestCollectionRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void iterationsRepeatTheTickedRequestsInOrder();
    void aFolderRunsOnlyItsRequests();
    void stopCancelsTheRequestInFlightAndTheRestAreNotRun();
    void stopDuringThePauseSendsNothingMore();
    void reportsNameTheIteration();

private:
    Collection shop() const;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpExecutor> m_executor;
};

void TestCollectionRunner::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
    m_executor = std::make_unique<HttpExecutor>();
}

Collection TestCollectionRunner::shop() const
{
    Collection c;
    c.name = "Shop";
    c.variables = { Variable { "base", m_server->baseUrl() } };
    c.items = { folder("Users",
                    { request("List users", "GET", "{{base}}/echo/users"),
                        request("Missing user", "GET", "{{base}}/status/404") }),
        request("Health", "HEAD", "{{base}}/echo/health"),
        request("Create order", "POST", "{{base}}/echo/orders") };
    return c;
}

void TestCollectionRunner::iterationsRepeatTheTickedRequestsInOrder()
{
    CollectionRunner runner(shop(), m_executor.get());
    runner.leaveOut({ 2 }); // not "Health"
    runner.setIterations(2);
    runner.setDelayMs(5);
    QCOMPARE(runner.requestCount(), 6);
    RunResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.follow(&runner);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(cell(model, 0, RunResultsModel::StatusColumn), QString());
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(done.wait(10'000));

    QCOMPARE(m_server->count("/echo/health"), 0);
    QCOMPARE(m_server->count("/echo/users"), 2);
    QCOMPARE(m_server->count("/echo/orders"), 2);
    const QStringList names { "Users / List users", "Users / Missing user", "Create order" };
    for (int row = 0; row < 6; ++row) {
        QCOMPARE(cell(model, row, RunResultsModel::NumberColumn), QString::number(row + 1));
        QCOMPARE(cell(model, row, RunResultsModel::IterationColumn), QString::number(row / 3 + 1));
        QCOMPARE(cell(model, row, RunResultsModel::NameColumn), names.at(row % 3));
    }
    QCOMPARE(cell(model, 0, RunResultsModel::StatusColumn), "200 OK");
    QCOMPARE(cell(model, 1, RunResultsModel::StatusColumn), "404 Not Found");
    QCOMPARE(cell(model, 1, RunResultsModel::FailureColumn), "HTTP 404 Not Found");
    QCOMPARE(cell(model, 0, RunResultsModel::FailureColumn), QString());
    QCOMPARE(cell(model, 2, RunResultsModel::MethodColumn), "POST");
    QCOMPARE(model.index(1, RunResultsModel::StatusColumn)
                 .data(RunResultsModel::StatusClassRole)
                 .toInt(),
        int(ResponseFormatter::StatusClass::ClientError));
    const RunResultsModel::Summary summary = model.summary();
    QCOMPARE(summary.passed, 4);
    QCOMPARE(summary.failed, 2);
    QCOMPARE(summary.notRun, 0);
    QVERIFY(!summary.running);
    QCOMPARE(model.results().size(), 6);
}

void TestCollectionRunner::aFolderRunsOnlyItsRequests()
{
    CollectionRunner runner(shop(), m_executor.get());
    QVERIFY(!runner.setFolderPath({ 1 })); // a request, not a folder
    QVERIFY(!runner.setFolderPath({ 7 }));
    QVERIFY(runner.setFolderPath({ 0 }));
    QCOMPARE(runner.requestCount(), 2);
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(done.wait(10'000));
    QCOMPARE(m_server->count("/echo/users"), 1);
    QCOMPARE(m_server->count("/status/404"), 1);
    QCOMPARE(m_server->count("/echo/orders"), 0);
}

void TestCollectionRunner::stopCancelsTheRequestInFlightAndTheRestAreNotRun()
{
    Collection c = shop();
    c.items.prepend(request("Slow", "GET", "{{base}}/slow?delay_ms=20000"));
    CollectionRunner runner(c, m_executor.get());
    runner.setIterations(2);
    RunResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.follow(&runner);
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->count("/slow"), 1, 5000);
    QCOMPARE(cell(model, 0, RunResultsModel::StatusColumn), "sending…");
    runner.stop();
    QVERIFY(done.count() == 1 || done.wait(5000));
    QVERIFY(!runner.isRunning());

    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(cell(model, 0, RunResultsModel::StatusColumn), "cancelled");
    for (int row = 1; row < 10; ++row) {
        QCOMPARE(cell(model, row, RunResultsModel::StatusColumn), "not run");
        QCOMPARE(cell(model, row, RunResultsModel::FailureColumn), "not run: the run was stopped");
    }
    QCOMPARE(model.summary().failed, 1);
    QCOMPARE(model.summary().notRun, 9);
    QCOMPARE(runner.results().size(), 10);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestCollectionRunner::stopDuringThePauseSendsNothingMore()
{
    CollectionRunner runner(shop(), m_executor.get());
    runner.setDelayMs(60'000);
    QSignalSpy done(&runner, &CollectionRunner::finished);
    QSignalSpy finishedOne(&runner, &CollectionRunner::requestFinished);
    runner.start();
    QVERIFY(finishedOne.wait(5000));
    QCOMPARE(m_server->requests().size(), 1);
    runner.stop();
    QCOMPARE(done.count(), 1);
    QCOMPARE(runner.results().size(), 4);
    QCOMPARE(runner.results().at(1).exchange.error, "not run: the run was stopped");
    QCOMPARE(m_server->requests().size(), 1);
}

void TestCollectionRunner::reportsNameTheIteration()
{
    CollectionRunner runner(shop(), m_executor.get());
    runner.setFolderPath({ 0 });
    runner.setIterations(2);
    QSignalSpy done(&runner, &CollectionRunner::finished);
    runner.start();
    QVERIFY(done.wait(10'000));
    const RunReport report { "Shop", runner.results(), 1 };
    const QJsonArray requests = QJsonDocument::fromJson(JsonReporter().render(report).value())
                                    .object()["requests"]
                                    .toArray();
    QCOMPARE(requests.size(), 4);
    QCOMPARE(requests.at(0)["iteration"].toInt(), 1);
    QCOMPARE(requests.at(3)["iteration"].toInt(), 2);
    const QByteArray junit = JunitReporter().render(report).value();
    QVERIFY(junit.contains("name=\"List users\""));
    QVERIFY(junit.contains("name=\"List users (iteration 2)\""));
}

QTEST_GUILESS_MAIN(TestCollectionRunner)
#include "TestCollectionRunner.moc"
