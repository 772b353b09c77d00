// The Body tab driven like a user: every body mode reaches the loopback test server byte for byte
// as curl would send it; JSON is checked (line and column) and beautified with {{variables}} kept.
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/BodyEditor.h"
#include "ui/MainWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;
using Test::find;
using Test::writeFile;

namespace {

enum BodyMode { NoBody, Raw, UrlEncoded, FormData, BinaryFile, GraphQl };

/** A scratch POST to server's /echo in a shown window. */
void startPost(MainWindow &window, const Test::TestServer &server)
{
    window.show();
    QTest::keyClicks(find<QLineEdit>(&window, "urlLineEdit"), server.baseUrl() + "/echo");
    find<QComboBox>(&window, "methodComboBox")->setCurrentText(QStringLiteral("POST"));
}

void chooseMode(MainWindow &window, BodyMode mode)
{
    find<QTabWidget>(&window, "requestTabWidget")
        ->setCurrentWidget(find<QWidget>(&window, "bodyEditor"));
    find<QComboBox>(&window, "bodyModeComboBox")->setCurrentIndex(mode);
}

void send(MainWindow &window)
{
    QTest::mouseClick(find<QPushButton>(&window, "sendButton"), Qt::LeftButton);
}

} // namespace

class TestRequestBodies : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void urlEncodedFieldsAreEncodedLikeCurl();
    void multipartTextAndFilePartsReachTheServer();
    void binaryFileIsSentByteForByte();
    void aMissingFileIsNamedAndNothingIsSent();
    void invalidJsonIsMarkedAtLineAndColumnAndCanStillBeSent();
    void beautifyKeepsTemplates();
    void graphQlQueryAndVariablesAreSentAsJson();

private:
    Test::TestServer m_server;
};

void TestRequestBodies::urlEncodedFieldsAreEncodedLikeCurl()
{
    QVERIFY(m_server.start());
    m_server.clear();
    MainWindow window;
    startPost(window, m_server);
    chooseMode(window, UrlEncoded);
    auto *table = find<QTableWidget>(&window, "urlEncodedTableWidget");
    QVERIFY(table->isVisible());
    table->item(0, 1)->setText(QStringLiteral("name"));
    table->item(0, 2)->setText(QStringLiteral("Ada Lovelace"));
    table->item(1, 1)->setText(QStringLiteral("note"));
    table->item(1, 2)->setText(QStringLiteral("a&b=c+d/é ~*'"));
    table->item(2, 1)->setText(QStringLiteral("skipped"));
    table->item(2, 0)->setCheckState(Qt::Unchecked);
    QCOMPARE(find<QTabWidget>(&window, "requestTabWidget")->tabText(3),
        QStringLiteral("Body · urlencoded"));
    send(window);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 1, 10000);
    const Test::RecordedRequest r = m_server.requests().first();
    // Postman's encoding (RFC 3986 unreserved characters kept, a space as %20). curl 7.88's
    // `--data-urlencode 'name=Ada Lovelace' --data-urlencode "note=a&b=c+d/é ~*'"` sends the same
    // bytes except '+' for each space (checked by hand); form parsers read both as a space.
    QCOMPARE(r.body, QByteArray("name=Ada%20Lovelace&note=a%26b%3Dc%2Bd%2F%C3%A9%20~%2A%27"));
    QCOMPARE(r.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(r.header("Content-Length"), QByteArray::number(r.body.size()));
}

void TestRequestBodies::multipartTextAndFilePartsReachTheServer()
{
    QVERIFY(m_server.start());
    m_server.clear();
    QTemporaryDir dir;
    const QByteArray fileBytes("line one\r\nline two\n\x01\xff end");
    const QString path = writeFile(dir, QStringLiteral("notes.txt"), fileBytes);
    MainWindow window;
    startPost(window, m_server);
    chooseMode(window, FormData);
    find<BodyEditor>(&window, "bodyEditor")->setFileChooser([path](QWidget *, const QString &) {
        return path;
    });
    auto *table = find<QTableWidget>(&window, "formDataTableWidget");
    table->item(0, 1)->setText(QStringLiteral("title"));
    table->item(0, 3)->setText(QStringLiteral("Hello world"));
    table->setCurrentCell(1, 1); // the blank row: "Choose file…" makes it a file part
    QTest::mouseClick(find<QPushButton>(&window, "formDataFileButton"), Qt::LeftButton);
    QCOMPARE(table->item(1, 2)->checkState(), Qt::Checked);
    QCOMPARE(table->item(1, 3)->text(), path);
    table->item(1, 1)->setText(QStringLiteral("upload"));
    QCOMPARE(table->rowCount(), 3);
    send(window);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 1, 10000);
    const Test::RecordedRequest r = m_server.requests().first();
    const QByteArray type = r.header("Content-Type");
    QVERIFY2(type.startsWith("multipart/form-data; boundary="), type.constData());
    const QByteArray boundary = type.mid(type.indexOf('=') + 1);
    // What `curl -F 'title=Hello world' -F upload=@notes.txt` sends, with its own boundary.
    const QByteArray expected = "--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello world\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"notes.txt\"\r\n"
          "Content-Type: text/plain\r\n\r\n"
        + fileBytes + "\r\n--" + boundary + "--\r\n";
    QCOMPARE(r.body, expected);
    QCOMPARE(r.header("Content-Length"), QByteArray::number(expected.size()));
}

void TestRequestBodies::binaryFileIsSentByteForByte()
{
    QVERIFY(m_server.start());
    m_server.clear();
    QTemporaryDir dir;
    QByteArray bytes;
    for (int i = 0; i < 70'000; ++i)
        bytes.append(char(i * 7 % 256));
    const QString path = writeFile(dir, QStringLiteral("blob.bin"), bytes);
    MainWindow window;
    startPost(window, m_server);
    chooseMode(window, BinaryFile);
    find<BodyEditor>(&window, "bodyEditor")->setFileChooser([path](QWidget *, const QString &) {
        return path;
    });
    QTest::mouseClick(find<QPushButton>(&window, "bodyFileButton"), Qt::LeftButton);
    QCOMPARE(find<QLineEdit>(&window, "bodyFileLineEdit")->text(), path);
    send(window);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 1, 10000);
    QCOMPARE(m_server.requests().first().body, bytes);
}

void TestRequestBodies::aMissingFileIsNamedAndNothingIsSent()
{
    QVERIFY(m_server.start());
    m_server.clear();
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("gone-report.pdf"));
    MainWindow window;
    startPost(window, m_server);
    chooseMode(window, BinaryFile);
    QTest::keyClicks(find<QLineEdit>(&window, "bodyFileLineEdit"), missing);
    send(window);
    auto *banner = find<QWidget>(&window, "errorBanner");
    QTRY_VERIFY(banner->isVisible());
    const QString text = find<QLabel>(&window, "errorBannerLabel")->text();
    QVERIFY2(text.contains(missing), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("does not exist")), qPrintable(text));
    QCOMPARE(m_server.connectionCount(), 0);
    // The path typed stays for the user to fix.
    QCOMPARE(find<QLineEdit>(&window, "bodyFileLineEdit")->text(), missing);
}

void TestRequestBodies::invalidJsonIsMarkedAtLineAndColumnAndCanStillBeSent()
{
    QVERIFY(m_server.start());
    m_server.clear();
    MainWindow window;
    startPost(window, m_server);
    chooseMode(window, Raw);
    auto *body = find<QPlainTextEdit>(&window, "bodyPlainTextEdit");
    const QString text = QStringLiteral("{\n  \"a\": 1,\n  \"b\" 2\n}");
    QTest::keyClicks(body, QStringLiteral("{"));
    body->setPlainText(text);
    QCOMPARE(
        find<QComboBox>(&window, "rawLanguageComboBox")->currentText(), QStringLiteral("JSON"));
    auto *check = find<QLabel>(&window, "bodyCheckLabel");
    QVERIFY2(check->text().startsWith(QLatin1String("Line 3, column 7: expected ':'")),
        qPrintable(check->text()));
    QVERIFY(check->isVisible());
    // The character at fault is marked in the editor.
    const QList<QTextEdit::ExtraSelection> marks = body->extraSelections();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(marks.first().cursor.selectedText(), QStringLiteral("2"));
    QCOMPARE(marks.first().cursor.blockNumber(), 2);
    QVERIFY(
        find<QTabWidget>(&window, "requestTabWidget")->tabText(3).endsWith(QStringLiteral("⚠")));
    // Beautify leaves an invalid body as typed.
    QTest::mouseClick(find<QPushButton>(&window, "beautifyButton"), Qt::LeftButton);
    QCOMPARE(body->toPlainText(), text);
    // The user decides: it is sent as typed.
    send(window);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 1, 10000);
    QCOMPARE(m_server.requests().first().body, text.toUtf8());
    // Fixed, the mark goes.
    QTextCursor cursor = marks.first().cursor;
    cursor.insertText(QStringLiteral(": 2"));
    QVERIFY(check->text().isEmpty());
    QVERIFY(body->extraSelections().isEmpty());
}

void TestRequestBodies::beautifyKeepsTemplates()
{
    QVERIFY(m_server.start());
    m_server.clear();
    MainWindow window;
    startPost(window, m_server);
    chooseMode(window, Raw);
    auto *body = find<QPlainTextEdit>(&window, "bodyPlainTextEdit");
    QTest::keyClicks(body, QStringLiteral("{\"id\":{{$randomInt}},\"tags\":[\"{{tag}}\",2]}"));
    QTest::mouseClick(find<QPushButton>(&window, "beautifyButton"), Qt::LeftButton);
    const QString pretty = QStringLiteral(
        "{\n  \"id\": {{$randomInt}},\n  \"tags\": [\n    \"{{tag}}\",\n    2\n  ]\n}");
    QCOMPARE(body->toPlainText(), pretty);
    QTest::mouseClick(find<QPushButton>(&window, "minifyButton"), Qt::LeftButton);
    QCOMPARE(
        body->toPlainText(), QStringLiteral("{\"id\":{{$randomInt}},\"tags\":[\"{{tag}}\",2]}"));
    QTest::mouseClick(find<QPushButton>(&window, "beautifyButton"), Qt::LeftButton);
    // The beautified body is the one sent: {{$randomInt}} resolved, its layout as shown.
    body->setPlainText(body->toPlainText().replace(QLatin1String("{{tag}}"), QLatin1String("red")));
    send(window);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 1, 10000);
    const QByteArray sent = m_server.requests().first().body;
    const QRegularExpression shape(
        QStringLiteral("^\\{\n  \"id\": \\d+,\n  \"tags\": \\[\n    \"red\",\n    2\n  \\]\n\\}$"));
    QVERIFY2(shape.match(QString::fromUtf8(sent)).hasMatch(), sent.constData());
    QCOMPARE(m_server.requests().first().header("Content-Type"), QByteArray("application/json"));
}

void TestRequestBodies::graphQlQueryAndVariablesAreSentAsJson()
{
    QVERIFY(m_server.start());
    m_server.clear();
    MainWindow window;
    startPost(window, m_server);
    chooseMode(window, GraphQl);
    auto *query = find<QPlainTextEdit>(&window, "graphQlQueryEdit");
    auto *variables = find<QPlainTextEdit>(&window, "graphQlVariablesEdit");
    QVERIFY(query->isVisible() && variables->isVisible());
    QTest::keyClicks(query, QStringLiteral("query { user(id: 7) { name } }"));
    QTest::keyClicks(variables, QStringLiteral("{\"first\": 2}"));
    QCOMPARE(find<QTabWidget>(&window, "requestTabWidget")
                 ->tabText(find<QTabWidget>(&window, "requestTabWidget")->currentIndex()),
        QStringLiteral("Body · GraphQL"));
    send(window);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 1, 10000);
    const Test::RecordedRequest r = m_server.requests().first();
    // What Postman sends for a GraphQL body.
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(r.body,
        QByteArray("{\"query\":\"query { user(id: 7) { name } }\",\"variables\":{\"first\": 2}}"));
}

QTEST_MAIN(TestRequestBodies)
#include "TestRequestBodies.moc"
