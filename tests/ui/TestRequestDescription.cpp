// A request's Description tab: its Markdown shown formatted, safely (HTML stays text, no image is
// loaded from anywhere, links are not followed); Edit, type, Done changes the request in the
// collection (marked unsaved, undoable), and a save writes it to the file.
#include "app/model/CollectionTreeModel.h"
#include "tests/support/TestServer.h"
#include "tests/ui/WindowTestSupport.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>

#include <sys/stat.h>

using namespace Playground;
using Test::find;

class TestRequestDescription : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void markdownIsShownSafelyAndEditable();
};

void TestRequestDescription::markdownIsShownSafelyAndEditable()
{
    Test::TestServer server;
    QVERIFY(server.start());
    QTemporaryDir dir;
    QImage pixel(4, 4, QImage::Format_RGB32);
    pixel.fill(Qt::red);
    const QString image = dir.filePath(QStringLiteral("local.png"));
    QVERIFY(pixel.save(image));
    const QString remote = server.url(QStringLiteral("/pixel.png")).toString();
    // A FIFO: a view that tried to read it as an image would hang here.
    const QString fifo = dir.filePath(QStringLiteral("pipe.png"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QString markdown
        = QStringLiteral("# Orders\n\nLists **every** order.\n\n![remote](%1)\n\n![local](%2)\n\n"
                         "![fifo](%3) ![bare](%4)\n\n<img src=\"%1\"> <b>not bold</b>\n\n"
                         "[the docs](%1 \"<h1>Session expired</h1>\")\n")
              .arg(remote, QUrl::fromLocalFile(image).toString(), fifo, image);
    QJsonObject request { { "method", "GET" }, { "url", "https://example.com/orders" },
        { "description", markdown } };
    const QJsonObject file { { "info", QJsonObject { { "name", "Shop" } } },
        { "item", QJsonArray { QJsonObject { { "name", "Orders" }, { "request", request } } } } };
    const QString path = Test::writeFile(
        dir, QStringLiteral("shop.json"), QJsonDocument(file).toJson(QJsonDocument::Compact));

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    tree->setCurrentIndex(tree->model()->index(0, 0));
    auto *tabs = find<QTabWidget>(&window, "requestTabWidget");
    auto *browser = find<QTextBrowser>(&window, "descriptionBrowser");
    tabs->setCurrentWidget(find<QWidget>(&window, "descriptionView"));
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.grab(); // laid out and painted, as on screen

    // Formatted: a heading and bold text; the HTML is shown as the text it is.
    const QString shown = browser->toPlainText();
    QVERIFY2(shown.startsWith(QLatin1String("Orders\n")), qPrintable(shown));
    QVERIFY(shown.contains(QLatin1String("Lists every order.")));
    QVERIFY2(shown.contains(QLatin1String("<img src=")), qPrintable(shown));
    QVERIFY(shown.contains(QLatin1String("<b>not bold</b>")));
    // Images are named, not drawn.
    QVERIFY2(shown.contains(QLatin1String("[image: remote]")), qPrintable(shown));
    QVERIFY(shown.contains(QLatin1String("[image: local]")));
    QVERIFY2(shown.contains(QLatin1String("[image: fifo] [image: bare]")), qPrintable(shown));
    // Tooltips (a link's title, an image's address) are text, never HTML.
    QStringList tips;
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (const QString tip = it.fragment().charFormat().toolTip(); !tip.isEmpty())
                tips.append(tip);
        }
    }
    QVERIFY2(tips.contains(QStringLiteral("<qt>&lt;h1&gt;Session expired&lt;/h1&gt;</qt>")),
        qPrintable(tips.join(QLatin1Char('\n'))));
    for (const QString &tip : std::as_const(tips))
        QVERIFY2(tip.startsWith(QLatin1String("<qt>")) && !tip.contains(QLatin1String("<h1>")),
            qPrintable(tip));
    QVERIFY(browser->toHtml().contains(QLatin1String("font-weight:700")));
    // Nothing was loaded: no request reached the server, and not even a local image is read.
    QVERIFY(server.requests().isEmpty());
    QVERIFY(!browser->document()
                 ->resource(QTextDocument::ImageResource, QUrl::fromLocalFile(image))
                 .isValid());
    // A link is not followed by a click.
    QVERIFY(!browser->openLinks() && !browser->openExternalLinks());

    // Edit, type, Done: the request's description in the document, undoable.
    auto *edit = find<QPushButton>(&window, "descriptionEditButton");
    QTest::mouseClick(edit, Qt::LeftButton);
    auto *editor = find<QPlainTextEdit>(&window, "descriptionEdit");
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->toPlainText(), markdown);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Now *short*."));
    QTest::mouseClick(edit, Qt::LeftButton);
    QTRY_VERIFY(browser->isVisible());
    QCOMPARE(browser->toPlainText().trimmed(), QStringLiteral("Now short."));
    const CollectionTreeModel *model = window.collectionModel();
    QCOMPARE(model->collection().items.first().request.description, QStringLiteral("Now *short*."));
    QVERIFY(window.isWindowModified());

    find<QAction>(&window, "undoAction")->trigger();
    QCOMPARE(model->collection().items.first().request.description, markdown);
    QTRY_VERIFY(browser->toPlainText().startsWith(QLatin1String("Orders")));
    find<QAction>(&window, "redoAction")->trigger();
    QVERIFY(window.saveCollection());
    QTRY_VERIFY(!window.isWindowModified());
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().contains("Now *short*."));
}

QTEST_MAIN(TestRequestDescription)
#include "TestRequestDescription.moc"
