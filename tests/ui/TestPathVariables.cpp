// A URL's ":name" path segments, as in Postman: typing one adds its row to the Params tab's path
// variables table, a value typed there reaches the wire (percent-encoded), an empty one leaves
// the segment as written, a name removed from the URL drops its row, and a save writes them to
// the file's url.variable.
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/MainWindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Playground;
using Test::find;

class TestPathVariables : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void segmentsGetRowsAndReachTheWire();
};

void TestPathVariables::segmentsGetRowsAndReachTheWire()
{
    Test::TestServer server;
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QByteArray json = QStringLiteral(
        "{\"info\":{\"name\":\"Shop\"},\"variable\":[{\"key\":\"baseUrl\",\"value\":\"%1\"}],"
        "\"item\":[{\"name\":\"Order\",\"request\":{\"method\":\"GET\",\"url\":"
        "\"{{baseUrl}}/echo\"}}]}")
                                .arg(server.baseUrl())
                                .toUtf8();
    const QString path = Test::writeFile(dir, QStringLiteral("shop.json"), json);
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(tree->model()->index(0, 0));
    auto *table = find<QTableWidget>(&window, "pathVariablesTableWidget");
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    QVERIFY(!table->isVisibleTo(&window)); // no ":name" in the URL: no table

    // Typed into the URL: a row per name, in order; the host's ":port" is not one.
    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("{{baseUrl}}/echo/users/:id/orders/:orderId?x=1"));
    QVERIFY(table->isVisibleTo(&window));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral(":id"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral(":orderId"));
    QVERIFY(!(table->item(0, 0)->flags() & Qt::ItemIsEditable));

    table->item(0, 1)->setText(QStringLiteral("42"));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 1);
    // No value for :orderId: sent as written.
    QCOMPARE(server.requests().at(0).path, QByteArray("/echo/users/42/orders/:orderId"));
    QTRY_VERIFY(find<QPushButton>(&window, "sendButton")->text() == QLatin1String("Send"));

    table->item(1, 1)->setText(QStringLiteral("a b/c"));
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
    QTRY_COMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(1).path, QByteArray("/echo/users/42/orders/a%20b%2Fc"));
    QTRY_VERIFY(find<QPushButton>(&window, "sendButton")->text() == QLatin1String("Send"));

    // A name taken out of the URL drops its row; the other keeps its value.
    url->setText(QStringLiteral("{{baseUrl}}/echo/users/:id"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("42"));

    QVERIFY(window.saveCollection());
    QTRY_VERIFY(!window.isWindowModified());
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QVERIFY2(bytes.contains("\"variable\""), bytes.constData());
    QVERIFY(bytes.contains("\"42\""));
    QVERIFY(!bytes.contains("orderId"));
}

QTEST_MAIN(TestPathVariables)
#include "TestPathVariables.moc"
