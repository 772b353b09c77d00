// The response viewer driven like a user: whole large bodies, find with count and previous,
// Pretty/Raw/Tree, readable colours on a dark palette, a status line that never clips.
#include "app/response/JsonTreeModel.h"
#include "ui/BodyTextView.h"
#include "ui/ResponseView.h"
#include "ui/SyntaxColors.h"
#include "ui/TimelineView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryFile>
#include <QTest>
#include <QTreeView>

using namespace Playground;

namespace {

template <typename T> T *find(QWidget *parent, const char *name)
{
    T *child = parent->findChild<T *>(QString::fromLatin1(name));
    if (!child)
        qFatal("no child %s", name);
    return child;
}

Exchange jsonExchange(const QByteArray &body)
{
    Exchange exchange;
    exchange.method = "GET";
    exchange.url = QStringLiteral("http://127.0.0.1/items");
    exchange.status = 200;
    exchange.responseHeaders = { { "Content-Type", "application/json" } };
    exchange.body = body;
    exchange.bodySize = body.size();
    return exchange;
}

/** A compact JSON array of about `bytes`, spilled to a file as the executor does past 8 MiB;
 * "needle" is in the first, the middle and the last item. */
Exchange spilledJson(qint64 bytes, QTemporaryDir &dir)
{
    auto file = std::make_shared<QTemporaryFile>(dir.filePath(QStringLiteral("body-XXXXXX")));
    if (!file->open())
        qFatal("cannot write the body");
    const QByteArray item = "{\"id\":1,\"name\":\"a name long enough to fill lines\",\"ok\":true},";
    const qint64 count = bytes / item.size();
    QByteArray chunk = "[";
    for (qint64 i = 0; i < count; ++i) {
        if (i == 0 || i == count / 2)
            chunk += "{\"id\":0,\"name\":\"needle\"},";
        chunk += item;
        if (chunk.size() > 1 << 20) {
            file->write(chunk);
            chunk.clear();
        }
    }
    chunk += "{\"id\":2,\"last\":\"Needle at the end\"}]";
    file->write(chunk);
    file->flush();
    Exchange exchange = jsonExchange({});
    exchange.bodyFile = file;
    exchange.bodySize = file->size();
    return exchange;
}

} // namespace

class TestResponseView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theLastLineOfA50MBBodyIsReachable();
    void findCountsAcrossTheWholeBodyAndGoesBack();
    void findCaseOption();
    void findRegexOption();
    void jsonFilterShowsTheMatches();
    void jsonFilterOnALargeBody();
    void prettyAndRawSwitch();
    void treeShowsKeysAndExpandsLazily();
    void binaryBodiesShowHex();
    void imagesShowAsPictures();
    void timelineShowsEachPhase();
    void darkPaletteIsReadable();
    void statusLineIsNeverClipped();
    void compressedBodyShowsItsSizeOnTheWire();
    void aWarningDoesNotMoveTheBody();
};

void TestResponseView::theLastLineOfA50MBBodyIsReachable()
{
    QTemporaryDir dir;
    const Exchange exchange = spilledJson(50LL * 1024 * 1024, dir);
    ResponseView view;
    view.resize(900, 600);
    view.show();
    QSignalSpy ready(&view, &ResponseView::bodyReady);
    view.showExchange(exchange);
    QVERIFY(ready.wait(120'000));
    auto *body = find<BodyTextView>(&view, "responseBodyView");
    QVERIFY(body->lineCount() > 3'000'000); // pretty: one line per member
    body->setFocus();
    QTest::keyClick(body, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(body->lastVisibleLine(), body->lineCount() - 1);
    QCOMPARE(body->source()->lineText(body->lineCount() - 1), QStringLiteral("]"));
    QCOMPARE(body->source()->lineText(body->lineCount() - 3),
        QStringLiteral("    \"last\": \"Needle at the end\""));
    QVERIFY(find<QLabel>(&view, "responseBodyNoteLabel")
                ->text()
                .contains(QLatin1String("JSON, formatted")));

    // Raw: one long line, broken for display, and its end is reachable too.
    QTest::mouseClick(find<QAbstractButton>(&view, "rawModeButton"), Qt::LeftButton);
    QTest::keyClick(body, Qt::Key_End, Qt::ControlModifier);
    QVERIFY(body->source()
                ->lineText(body->lineCount() - 1)
                .endsWith(QLatin1String("\"last\":\"Needle at the end\"}]")));
}

void TestResponseView::findCountsAcrossTheWholeBodyAndGoesBack()
{
    QTemporaryDir dir;
    const Exchange exchange = spilledJson(12LL * 1024 * 1024, dir);
    ResponseView view;
    view.resize(900, 600);
    view.show();
    QSignalSpy ready(&view, &ResponseView::bodyReady);
    view.showExchange(exchange);
    QVERIFY(ready.wait(60'000));
    auto *findEdit = find<QLineEdit>(&view, "responseFindLineEdit");
    auto *count = find<QLabel>(&view, "responseFindCountLabel");
    auto *body = find<BodyTextView>(&view, "responseBodyView");
    QSignalSpy searched(&view, &ResponseView::searchFinished);
    findEdit->setFocus();
    QTest::keyClicks(findEdit, QStringLiteral("needle"));
    QVERIFY(searched.wait(60'000));
    QCOMPARE(count->text(), QStringLiteral("1 of 3"));
    QCOMPARE(body->selectedText(), QStringLiteral("needle"));

    QTest::keyClick(findEdit, Qt::Key_Return);
    QCOMPARE(count->text(), QStringLiteral("2 of 3"));
    QTest::keyClick(findEdit, Qt::Key_F3);
    QCOMPARE(count->text(), QStringLiteral("3 of 3"));
    // The last one is past the first megabytes: it is on screen and selected.
    QCOMPARE(body->selectedText(), QStringLiteral("Needle"));
    QVERIFY(body->lastVisibleLine() > body->lineCount() - 10);
    QTest::keyClick(findEdit, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(count->text(), QStringLiteral("2 of 3"));
    QTest::keyClick(findEdit, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(count->text(), QStringLiteral("1 of 3"));
    QTest::mouseClick(find<QAbstractButton>(&view, "findPreviousButton"), Qt::LeftButton);
    QCOMPARE(count->text(), QStringLiteral("3 of 3")); // wraps around
    QTest::mouseClick(find<QAbstractButton>(&view, "findNextButton"), Qt::LeftButton);
    QCOMPARE(count->text(), QStringLiteral("1 of 3"));
}

void TestResponseView::findCaseOption()
{
    ResponseView view;
    view.show();
    view.showExchange(jsonExchange("{\"Name\":\"name\",\"other\":\"NAME\"}"));
    auto *findEdit = find<QLineEdit>(&view, "responseFindLineEdit");
    auto *count = find<QLabel>(&view, "responseFindCountLabel");
    QTest::keyClicks(findEdit, QStringLiteral("name"));
    QCOMPARE(count->text(), QStringLiteral("1 of 3"));
    QTest::mouseClick(find<QAbstractButton>(&view, "findCaseCheckBox"), Qt::LeftButton);
    QCOMPARE(count->text(), QStringLiteral("1 of 1"));
    findEdit->setText(QStringLiteral("absent"));
    QCOMPARE(count->text(), QStringLiteral("No matches"));
}

void TestResponseView::findRegexOption()
{
    ResponseView view;
    view.show();
    view.showExchange(jsonExchange("{\"id\":12,\"näme\":\"x\",\"ids\":[345,6]}"));
    auto *findEdit = find<QLineEdit>(&view, "responseFindLineEdit");
    auto *count = find<QLabel>(&view, "responseFindCountLabel");
    auto *body = find<BodyTextView>(&view, "responseBodyView");
    QTest::mouseClick(find<QAbstractButton>(&view, "findRegexCheckBox"), Qt::LeftButton);
    QTest::keyClicks(findEdit, QStringLiteral("\\d+"));
    QCOMPARE(count->text(), QStringLiteral("1 of 3"));
    QCOMPARE(body->selectedText(), QStringLiteral("12"));
    QTest::keyClick(findEdit, Qt::Key_Return);
    QCOMPARE(body->selectedText(), QStringLiteral("345")); // past a multi-byte character
    findEdit->setText(QStringLiteral("[0-9"));
    QCOMPARE(count->text(), QStringLiteral("Invalid pattern"));
    QVERIFY(count->toolTip().contains(QLatin1String("regular expression")));
    QTest::mouseClick(find<QAbstractButton>(&view, "findRegexCheckBox"), Qt::LeftButton);
    QCOMPARE(count->text(), QStringLiteral("No matches")); // the same text, literally
}

void TestResponseView::jsonFilterShowsTheMatches()
{
    ResponseView view;
    view.show();
    view.showExchange(jsonExchange(
        R"({"data":[{"id":1,"name":"Ada"},{"id":2,"name":"Grace"}],"meta":{"id":9}})"));
    auto *filter = find<QLineEdit>(&view, "jsonFilterLineEdit");
    auto *body = find<BodyTextView>(&view, "responseBodyView");
    auto *note = find<QLabel>(&view, "responseBodyNoteLabel");
    QVERIFY(filter->isVisible());
    const QString whole = body->text();
    filter->setText(QStringLiteral("$..id"));
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_COMPARE(body->text(), QStringLiteral("[\n  1,\n  2,\n  9\n]"));
    QCOMPARE(note->text(), QStringLiteral("3 matches of $..id"));
    // Find searches what is shown.
    auto *findEdit = find<QLineEdit>(&view, "responseFindLineEdit");
    findEdit->setText(QStringLiteral("9"));
    QCOMPARE(find<QLabel>(&view, "responseFindCountLabel")->text(), QStringLiteral("1 of 1"));
    // A mistake says where; the body comes back whole.
    filter->setText(QStringLiteral("$.data[0"));
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_COMPARE(body->text(), whole);
    QVERIFY2(note->text().contains(QLatin1String("column 9")), qPrintable(note->text()));
    filter->setText(QStringLiteral("data[1].name"));
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_COMPARE(body->text(), QStringLiteral("[\n  \"Grace\"\n]"));
    filter->clear();
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_COMPARE(body->text(), whole);
    // Not JSON: no filter.
    Exchange text = jsonExchange("plain words");
    text.responseHeaders = { { "Content-Type", "text/plain" } };
    view.showExchange(text);
    QVERIFY(!filter->isVisible());
}

void TestResponseView::jsonFilterOnALargeBody()
{
    // 12 MiB spilled to disk: the filter runs on a worker and reaches the last item.
    QTemporaryDir dir;
    ResponseView view;
    view.resize(900, 600);
    view.show();
    QSignalSpy ready(&view, &ResponseView::bodyReady);
    view.showExchange(spilledJson(12LL * 1024 * 1024, dir));
    QVERIFY(ready.wait(60'000));
    auto *filter = find<QLineEdit>(&view, "jsonFilterLineEdit");
    auto *body = find<BodyTextView>(&view, "responseBodyView");
    filter->setText(QStringLiteral("$[-1].last"));
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(
        body->text(), QStringLiteral("[\n  \"Needle at the end\"\n]"), 30'000);
}

void TestResponseView::prettyAndRawSwitch()
{
    ResponseView view;
    view.show();
    view.showExchange(jsonExchange("{\"id\":7,\"tags\":[\"a\"],\"e\":{}}"));
    auto *body = find<BodyTextView>(&view, "responseBodyView");
    QCOMPARE(body->text(),
        QStringLiteral("{\n  \"id\": 7,\n  \"tags\": [\n    \"a\"\n  ],\n  \"e\": {}\n}"));
    QVERIFY(find<QAbstractButton>(&view, "prettyModeButton")->isChecked());
    QTest::mouseClick(find<QAbstractButton>(&view, "rawModeButton"), Qt::LeftButton);
    QCOMPARE(body->text(), QStringLiteral("{\"id\":7,\"tags\":[\"a\"],\"e\":{}}"));
    QCOMPARE(view.bodyMode(), ResponseView::BodyMode::Raw);
    // The choice sticks for the next response.
    view.showExchange(jsonExchange("[1,2]"));
    QCOMPARE(body->text(), QStringLiteral("[1,2]"));
    QTest::mouseClick(find<QAbstractButton>(&view, "prettyModeButton"), Qt::LeftButton);
    QCOMPARE(body->text(), QStringLiteral("[\n  1,\n  2\n]"));
}

void TestResponseView::treeShowsKeysAndExpandsLazily()
{
    QByteArray items;
    for (int i = 0; i < 1200; ++i)
        items += (i ? "," : "") + QByteArray::number(i);
    ResponseView view;
    view.show();
    view.showExchange(
        jsonExchange("{\"id\":7,\"owner\":{\"login\":\"ada\"},\"items\":[" + items + "]}"));
    QTest::mouseClick(find<QAbstractButton>(&view, "treeModeButton"), Qt::LeftButton);
    auto *tree = find<QTreeView>(&view, "responseTreeView");
    auto *model = qobject_cast<JsonTreeModel *>(tree->model());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10'000);
    QVERIFY(tree->isVisible());
    QCOMPARE(model->index(0, JsonTreeModel::KeyColumn).data().toString(), QStringLiteral("id"));
    QCOMPARE(model->index(0, JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("7"));
    QCOMPARE(model->index(1, JsonTreeModel::KeyColumn).data().toString(), QStringLiteral("owner"));
    const QModelIndex itemsIndex = model->index(2, 0);
    QCOMPARE(model->index(2, JsonTreeModel::ValueColumn).data().toString(),
        QStringLiteral("[1200 items]"));
    QCOMPARE(model->rowCount(itemsIndex), 0); // nothing made before it is expanded
    tree->expand(itemsIndex);
    QVERIFY(model->rowCount(itemsIndex) >= JsonTreeModel::FetchBatch);
    QCOMPARE(model->pathOf(model->index(3, 0, itemsIndex)), QStringLiteral("$.items[3]"));
    tree->expand(model->index(1, 0));
    QCOMPARE(model->index(0, 1, model->index(1, 0)).data().toString(), QStringLiteral("\"ada\""));
}

void TestResponseView::binaryBodiesShowHex()
{
    ResponseView view;
    view.show();
    Exchange exchange = jsonExchange(QByteArray("\x1f\x8b\x08\0\0\0\0\0\0\0\rIHDR", 16));
    exchange.responseHeaders = { { "Content-Type", "application/gzip" } };
    view.showExchange(exchange);
    QCOMPARE(view.bodyMode(), ResponseView::BodyMode::Hex);
    QVERIFY(!find<QAbstractButton>(&view, "previewModeButton")->isVisible());
    QVERIFY(!find<QAbstractButton>(&view, "treeModeButton")->isVisible());
    QVERIFY(find<BodyTextView>(&view, "responseBodyView")
                ->text()
                .startsWith(QLatin1String("00000000  1f 8b 08 00 00 00 00 00 00 00 0d")));
    QVERIFY(find<QLabel>(&view, "responseBodyNoteLabel")
                ->text()
                .contains(QLatin1String("application/gzip")));
}

void TestResponseView::imagesShowAsPictures()
{
    QImage picture(40, 30, QImage::Format_RGB32);
    picture.fill(QColor(0x20, 0x90, 0xd0));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(picture.save(&buffer, "PNG"));
    Exchange exchange = jsonExchange(png);
    exchange.responseHeaders = { { "Content-Type", "application/octet-stream" } }; // mislabelled
    ResponseView view;
    view.resize(600, 400);
    view.show();
    auto *note = find<QLabel>(&view, "responseBodyNoteLabel");
    view.showExchange(exchange);
    QCOMPARE(view.bodyMode(), ResponseView::BodyMode::Preview);
    auto *label = find<QLabel>(&view, "responseImageLabel");
    QTRY_VERIFY(!label->pixmap().isNull());
    QCOMPARE(label->pixmap().size(), QSize(40, 30));
    QCOMPARE(label->pixmap().toImage().pixelColor(5, 5), QColor(0x20, 0x90, 0xd0));
    QVERIFY2(note->text().contains(QStringLiteral("PNG · 40 × 30 px")), qPrintable(note->text()));
    // Hex is one click away; the bytes are all there.
    QTest::mouseClick(find<QAbstractButton>(&view, "hexModeButton"), Qt::LeftButton);
    QVERIFY(
        find<BodyTextView>(&view, "responseBodyView")->text().startsWith("00000000  89 50 4e 47"));
    QTest::mouseClick(find<QAbstractButton>(&view, "previewModeButton"), Qt::LeftButton);

    // A truncated picture says so instead of crashing or showing garbage.
    exchange.body = png.left(60);
    exchange.bodySize = 60;
    view.showExchange(exchange);
    QTRY_VERIFY2(note->text().contains(QLatin1String("cannot be shown")), qPrintable(note->text()));
    QVERIFY(label->pixmap().isNull());
}

void TestResponseView::timelineShowsEachPhase()
{
    Exchange exchange = jsonExchange("{}");
    exchange.timings = Timings { 5, 40, 41, 120, 130 };
    exchange.hops = { RedirectHop { QStringLiteral("http://127.0.0.1/old"), 301,
        QStringLiteral("http://127.0.0.1/items"), false } };
    ResponseView view;
    view.resize(800, 500);
    view.show();
    view.showExchange(exchange);
    auto *timeline = find<TimelineView>(&view, "responseTimelineView");
    const QStringList lines = timeline->text().split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("Prepare\t5.0 ms"));
    QCOMPARE(lines.value(1), QStringLiteral("Connect + TLS\t35 ms"));
    QCOMPARE(lines.value(3), QStringLiteral("Wait\t79 ms"));
    QCOMPARE(lines.value(5), QStringLiteral("Total\t130 ms"));
    QVERIFY(lines.value(6).contains(QLatin1String("1 redirect")));
    // Drawn: the Wait bar (green) is the longest on screen.
    auto *tabs = timeline->parentWidget()->parentWidget();
    static_cast<QTabWidget *>(tabs)->setCurrentWidget(timeline);
    const QImage image = timeline->grab().toImage();
    int green = 0, blue = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb c = image.pixel(x, y);
            green += c == qRgb(0x22, 0xa0, 0x6b);
            blue += c == qRgb(0x3b, 0x82, 0xf6);
        }
    QVERIFY2(green > blue && blue > 0, qPrintable(QStringLiteral("%1 %2").arg(green).arg(blue)));
}

void TestResponseView::darkPaletteIsReadable()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::WindowText, Qt::white);
    dark.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, Qt::white);
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    const QPalette light = QApplication::style()->standardPalette();
    for (const QPalette &palette : { light, dark }) {
        for (TokenKind kind : { TokenKind::Key, TokenKind::String, TokenKind::Number,
                 TokenKind::Keyword, TokenKind::Punctuation, TokenKind::Tag, TokenKind::Attribute,
                 TokenKind::Comment }) {
            const double ratio
                = contrastRatio(syntaxColor(kind, palette), palette.color(QPalette::Base));
            QVERIFY2(ratio >= 4.5,
                qPrintable(QStringLiteral("kind %1 contrast %2 on %3")
                               .arg(int(kind))
                               .arg(ratio)
                               .arg(palette.color(QPalette::Base).name())));
        }
    }

    ResponseView view;
    view.setPalette(dark);
    view.resize(900, 500);
    view.show();
    Exchange exchange = jsonExchange(
        "{\"id\":7,\"name\":\"Ada\",\"active\":true,\"score\":1.5,\"tags\":[\"x\",null]}");
    exchange.timings.total = 42;
    view.showExchange(exchange);
    QTest::keyClicks(find<QLineEdit>(&view, "responseFindLineEdit"), QStringLiteral("Ada"));
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.grab().toImage();
    // The body is painted on the dark Base, not on a light default.
    auto *body = find<BodyTextView>(&view, "responseBodyView");
    const QPoint corner
        = body->viewport()->mapTo(&view, body->viewport()->rect().bottomRight()) - QPoint(4, 4);
    QCOMPARE(QColor(image.pixel(corner)).lightness() < 80, true);
    const QString shots = qEnvironmentVariable("PLAYGROUND_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        image.save(QDir(shots).filePath(QStringLiteral("response-view-dark.png")));
}

void TestResponseView::statusLineIsNeverClipped()
{
    ResponseView view;
    view.resize(420, 400);
    view.show();
    view.showSending(QStringLiteral("GET"),
        QStringLiteral("http://127.0.0.1:8080/a/very/long/path/that/does/not/fit/anywhere"));
    view.showProgress(29'150'000);
    auto *status = find<QLabel>(&view, "statusLabel");
    QCOMPARE(status->text(), QStringLiteral("Receiving… 27.8 MiB"));
    QCoreApplication::sendPostedEvents(); // the layout request
    QVERIFY2(status->width() >= status->fontMetrics().horizontalAdvance(status->text()),
        qPrintable(QStringLiteral("%1 < %2")
                       .arg(status->width())
                       .arg(status->fontMetrics().horizontalAdvance(status->text()))));
}

void TestResponseView::compressedBodyShowsItsSizeOnTheWire()
{
    ResponseView view;
    view.resize(800, 400);
    view.show();
    Exchange gzipped = jsonExchange(QByteArray(1'258'291, ' ') + "{}");
    gzipped.responseHeaders.append(HeaderPair { "Content-Encoding", "gzip" });
    gzipped.bodyWireSize = 38 * 1024;
    view.showExchange(gzipped);
    auto *status = find<QLabel>(&view, "statusLabel");
    QVERIFY2(status->text().endsWith(QStringLiteral("1.2 MiB (38.0 KiB on the wire)")),
        qPrintable(status->text()));
    QVERIFY2(status->toolTip().contains(QStringLiteral("compressed (gzip)")),
        qPrintable(status->toolTip()));

    // Sent as it is: one size, no tooltip.
    Exchange plain = jsonExchange("{\"a\":1}");
    plain.bodyWireSize = plain.bodySize;
    view.showExchange(plain);
    QVERIFY2(status->text().endsWith(QStringLiteral("7 B")), qPrintable(status->text()));
    QVERIFY(status->toolTip().isEmpty());
}

void TestResponseView::aWarningDoesNotMoveTheBody()
{
    ResponseView view;
    view.resize(800, 500);
    view.show();
    Exchange plain = jsonExchange("{}");
    view.showExchange(plain);
    QCoreApplication::sendPostedEvents();
    const int top = find<BodyTextView>(&view, "responseBodyView")->mapTo(&view, QPoint()).y();
    Exchange warned = plain;
    warned.warnings = { QStringLiteral("Sent with certificate checks off (--insecure)") };
    view.showExchange(warned);
    QCoreApplication::sendPostedEvents();
    QVERIFY(find<QLabel>(&view, "warningsLabel")->isVisible());
    QCOMPARE(find<BodyTextView>(&view, "responseBodyView")->mapTo(&view, QPoint()).y(), top);
}

QTEST_MAIN(TestResponseView)
#include "TestResponseView.moc"
