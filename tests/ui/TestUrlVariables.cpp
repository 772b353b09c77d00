// The URL field's {{variables}}: coloured resolved or not as the variables change, each with a
// tooltip naming value and scope (secrets masked, text escaped); the automatic headers shown
// greyed.
#include "tests/ui/WindowTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/SyntaxColors.h"
#include "ui/VariableFieldHighlighter.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Playground;
using Test::find;
using Test::writeFile;

class TestUrlVariables : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void variablesAreColouredAndExplained();
    void coloursAreReadableLightAndDark();
    void automaticHeadersAreShown();
    void theNoValueLineNeverMovesTheEditor();

private:
    void open(MainWindow &window, const QTemporaryDir &dir);
};

void TestUrlVariables::open(MainWindow &window, const QTemporaryDir &dir)
{
    const QByteArray json
        = "{\"info\":{\"name\":\"Shop\",\"_postman_id\":\"c-url\"},"
          "\"variable\":[{\"key\":\"baseUrl\",\"value\":\"http://127.0.0.1:9/<b>x</b>\"},"
          "{\"key\":\"apiToken\",\"value\":\"tok-hidden-42\",\"type\":\"secret\"}],"
          "\"auth\":{\"type\":\"apikey\",\"apikey\":[{\"key\":\"key\",\"value\":\"X-Token\"},"
          "{\"key\":\"value\",\"value\":\"{{apiToken}}\"}]},"
          "\"item\":[{\"name\":\"Orders\",\"request\":{\"method\":\"POST\",\"url\":"
          "\"{{baseUrl}}/orders?t={{apiToken}}&m={{missing}}\",\"body\":{\"mode\":\"urlencoded\","
          "\"urlencoded\":[{\"key\":\"a\",\"value\":\"1\"}]}}}]}";
    const QString path = writeFile(dir, QStringLiteral("shop.json"), json);
    window.show();
    window.openCollection(path);
    auto *tree = find<QTreeView>(&window, "collectionTreeView");
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
        QStringLiteral("Orders"), 1, Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    tree->setCurrentIndex(found.first());
}

void TestUrlVariables::variablesAreColouredAndExplained()
{
    QTemporaryDir dir;
    MainWindow window;
    open(window, dir);
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    auto *highlighter = find<VariableFieldHighlighter>(&window, "urlLineEditVariableHighlighter");
    QVERIFY(highlighter);
    QTRY_COMPARE(highlighter->spans().size(), 3);
    QVERIFY(highlighter->spans().at(0).resolved);
    QVERIFY(highlighter->spans().at(1).resolved);
    QVERIFY(!highlighter->spans().at(2).resolved);

    // The tooltip of {{baseUrl}}: its value, escaped (never read as HTML), and its scope.
    const QString baseTip = highlighter->toolTipAt(3);
    QCOMPARE(baseTip,
        QStringLiteral("<qt>{{baseUrl}} = http://127.0.0.1:9/&lt;b&gt;x&lt;/b&gt; "
                       "(collection)</qt>"));
    // A secret's value is never in it.
    const int tokenAt = int(url->text().indexOf(QLatin1String("{{apiToken}}"))) + 2;
    const QString secretTip = highlighter->toolTipAt(tokenAt);
    QVERIFY2(secretTip.contains(QLatin1String("secret")), qPrintable(secretTip));
    QVERIFY(!secretTip.contains(QLatin1String("tok-hidden")));
    const int missingAt = int(url->text().indexOf(QLatin1String("{{missing}}"))) + 2;
    QVERIFY(highlighter->toolTipAt(missingAt).contains(QLatin1String("no value")));

    // Typing changes what is resolved at once.
    url->end(false);
    QTest::keyClicks(url, QStringLiteral("&b={{baseUrl}}"));
    QCOMPARE(highlighter->spans().size(), 4);
    QVERIFY(highlighter->spans().at(3).resolved);
}

void TestUrlVariables::coloursAreReadableLightAndDark()
{
    for (const QColor base : { QColor(Qt::white), QColor(0x1e, 0x1e, 0x1e) }) {
        QPalette palette;
        palette.setColor(QPalette::Base, base);
        QVERIFY(contrastRatio(VariableFieldHighlighter::resolvedColor(palette), base) >= 4.5);
        QVERIFY(contrastRatio(VariableFieldHighlighter::unresolvedColor(palette), base) >= 4.5);
        QVERIFY(VariableFieldHighlighter::resolvedColor(palette)
            != VariableFieldHighlighter::unresolvedColor(palette));
    }
}

void TestUrlVariables::automaticHeadersAreShown()
{
    QTemporaryDir dir;
    MainWindow window;
    open(window, dir);
    auto *table = find<QTableWidget>(&window, "automaticHeadersTableWidget");
    QHash<QString, QString> shown;
    QTRY_VERIFY(table->rowCount() > 0);
    for (int r = 0; r < table->rowCount(); ++r) {
        shown.insert(table->item(r, 0)->text(), table->item(r, 1)->text());
        QVERIFY(!(table->item(r, 1)->flags() & Qt::ItemIsEditable));
    }
    QCOMPARE(shown.value(QStringLiteral("X-Token")), QStringLiteral("<redacted, from Auth>"));
    QCOMPARE(shown.value(QStringLiteral("Content-Type")),
        QStringLiteral("application/x-www-form-urlencoded"));
    QVERIFY(shown.contains(QStringLiteral("Content-Length")));
    QVERIFY(shown.value(QStringLiteral("User-Agent")).startsWith(QLatin1String("api-playground/")));
    // A Content-Type of the user's own replaces the automatic one.
    auto *headers = find<QTableWidget>(&window, "headersTableWidget");
    headers->item(0, 1)->setText(QStringLiteral("Content-Type"));
    headers->item(0, 2)->setText(QStringLiteral("text/plain"));
    bool listed = false;
    for (int r = 0; r < table->rowCount(); ++r)
        listed = listed || table->item(r, 0)->text() == QLatin1String("Content-Type");
    QVERIFY(!listed);
}

void TestUrlVariables::theNoValueLineNeverMovesTheEditor()
{
    QTemporaryDir dir;
    MainWindow window;
    window.resize(1280, 800);
    open(window, dir);
    auto *url = find<QLineEdit>(&window, "urlLineEdit");
    auto *tabs = find<QTabWidget>(&window, "requestTabWidget");
    auto *missing = find<QLabel>(&window, "variablesLabel");
    // Every variable has a value: no line, yet the tabs below stay where they will be with one.
    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("{{baseUrl}}/orders"));
    QTRY_VERIFY(!missing->isVisible());
    const int tabsAt = tabs->mapTo(&window, QPoint()).y();
    const int heightBefore = tabs->height();

    // Many names without a value: one line, cut with "…", the whole list in its tooltip.
    QString many = QStringLiteral("{{baseUrl}}/orders?");
    for (int i = 0; i < 40; ++i)
        many += QStringLiteral("p%1={{unsetVariableNumber%1}}&").arg(i);
    url->selectAll();
    QTest::keyClicks(url, many);
    QTRY_VERIFY(missing->isVisible());
    QVERIFY2(missing->text().endsWith(QChar(0x2026)), qPrintable(missing->text()));
    QVERIFY(missing->toolTip().contains(QLatin1String("{{unsetVariableNumber39}}")));
    QVERIFY(missing->fontMetrics().horizontalAdvance(missing->text())
        <= missing->contentsRect().width() + 1);
    QCOMPARE(missing->height(), missing->fontMetrics().height());
    QCOMPARE(tabs->mapTo(&window, QPoint()).y(), tabsAt);
    QCOMPARE(tabs->height(), heightBefore);
}

QTEST_MAIN(TestUrlVariables)
#include "TestUrlVariables.moc"
