// The history panel as a person uses it: sends listed by day, search and filters, open, send
// again, Del, clear all (asked first), the empty state and the message when history was moved.
#include "app/history/HistoryListModel.h"
#include "app/history/HistoryStore.h"
#include "ui/HistoryPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Playground;

class TestHistoryPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void emptyHistorySaysWhatWillAppear();
    void sendsListedUnderTheirDay();
    void searchNarrowsTheList();
    void methodAndStatusFilters();
    void enterOpensAndSendAgainAsks();
    void delDeletesAndSelectsTheNext();
    void clearAllAsksFirst();
    void movedAsideHistoryIsSaid();
    void everyControlHasAnAccessibleName();
    void windowMayDeleteTheStoreFirst();
    void pickedSendsExportAsHarAndCurl();

private:
    template <typename T> T *find(const char *name) const
    {
        T *w = m_panel->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no widget named %s", name);
        return w;
    }
    HistoryEntryId record(const QString &method, const QString &url, int status,
        const QDateTime &time = QDateTime::currentDateTime());
    void makePanel();
    /** The rows the tree shows, day headers included, top to bottom. */
    QStringList shownRows() const;
    void select(const QString &rowStart);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryPanel> m_panel;
    QStringList m_questions;
    bool m_answer = false;
};

void TestHistoryPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistoryPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<HistoryStore>();
    QVERIFY(m_store->open(m_dir->filePath("history.sqlite")));
    m_questions.clear();
    m_answer = false;
}

void TestHistoryPanel::cleanup()
{
    m_panel.reset();
    m_store.reset();
    m_dir.reset();
}

void TestHistoryPanel::makePanel()
{
    m_panel = std::make_unique<HistoryPanel>(m_store.get());
    m_panel->setConfirmer([this](const QString &question) {
        m_questions.append(question);
        return m_answer;
    });
    m_panel->resize(500, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

HistoryEntryId TestHistoryPanel::record(
    const QString &method, const QString &url, int status, const QDateTime &time)
{
    RequestSpec request;
    request.method = method;
    request.url = UrlSpec::fromRaw(url);
    Exchange exchange;
    exchange.method = method.toLatin1();
    exchange.url = url;
    exchange.status = status;
    if (status == 0)
        exchange.failure = FailureKind::Transport;
    HistoryContext where;
    where.time = time;
    const Result<HistoryEntryId> id = m_store->record(request, exchange, where);
    return id ? id.value() : 0;
}

QStringList TestHistoryPanel::shownRows() const
{
    QStringList out;
    auto *tree = find<QTreeView>("historyTreeView");
    if (!tree->isVisible())
        return out;
    for (QModelIndex i = tree->model()->index(0, 0); i.isValid(); i = tree->indexBelow(i))
        out.append(i.data().toString());
    return out;
}

void TestHistoryPanel::select(const QString &rowStart)
{
    auto *tree = find<QTreeView>("historyTreeView");
    for (QModelIndex i = tree->model()->index(0, 0); i.isValid(); i = tree->indexBelow(i)) {
        if (i.data().toString().startsWith(rowStart)) {
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(i).center());
            return;
        }
    }
    QFAIL(qPrintable("no row starts with " + rowStart));
}

void TestHistoryPanel::emptyHistorySaysWhatWillAppear()
{
    makePanel();
    auto *empty = find<QLabel>("historyEmptyLabel");
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), "No requests sent yet. Every request you send is listed here, by day.");
    QVERIFY(!find<QTreeView>("historyTreeView")->isVisible());
    QVERIFY(!find<QPushButton>("historyOpenButton")->isEnabled());
    QVERIFY(!find<QPushButton>("historyClearButton")->isEnabled());
    // The first send shows up without anything else to do.
    record("GET", "https://x.test/first", 200);
    QVERIFY(!empty->isVisible());
    QCOMPARE(shownRows().size(), 2);
    QVERIFY(find<QPushButton>("historyClearButton")->isEnabled());
}

void TestHistoryPanel::sendsListedUnderTheirDay()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime early(now.date(), QTime(0, 0, 1));
    record("GET", "https://x.test/old", 200, now.addDays(-1));
    record("POST", "https://x.test/users", 201, early);
    makePanel();
    QCOMPARE(shownRows(),
        (QStringList { "Today (1)", "POST 201 https://x.test/users 00:00:01", "Yesterday (1)",
            QStringLiteral("GET 200 https://x.test/old %1")
                .arg(now.addDays(-1).time().toString("HH:mm:ss")) }));
}

void TestHistoryPanel::searchNarrowsTheList()
{
    record("GET", "https://x.test/users", 200);
    record("GET", "https://x.test/orders", 200);
    makePanel();
    QTest::keyClicks(find<QLineEdit>("historySearchLineEdit"), "ORDERS");
    QTRY_COMPARE(shownRows().size(), 2);
    QVERIFY(shownRows().last().contains("https://x.test/orders"));
    find<QLineEdit>("historySearchLineEdit")->setText("nowhere");
    QTRY_VERIFY(find<QLabel>("historyEmptyLabel")->isVisible());
    QCOMPARE(find<QLabel>("historyEmptyLabel")->text(), "No sent request matches this search.");
    find<QLineEdit>("historySearchLineEdit")->clear();
    QTRY_COMPARE(shownRows().size(), 3);
}

void TestHistoryPanel::methodAndStatusFilters()
{
    record("GET", "https://x.test/ok", 200);
    record("POST", "https://x.test/missing", 404);
    record("POST", "https://x.test/down", 0);
    makePanel();
    auto *method = find<QComboBox>("historyMethodComboBox");
    auto *status = find<QComboBox>("historyStatusComboBox");
    method->setCurrentIndex(method->findText("POST"));
    QCOMPARE(shownRows().size(), 3);
    status->setCurrentIndex(status->findText("4xx client error"));
    QCOMPARE(shownRows().size(), 2);
    QVERIFY(shownRows().last().startsWith("POST 404 https://x.test/missing"));
    status->setCurrentIndex(status->findText("Failed or not sent"));
    QVERIFY(shownRows().last().startsWith("POST failed https://x.test/down"));
    method->setCurrentIndex(method->findText("GET"));
    QVERIFY(shownRows().isEmpty());
    QCOMPARE(find<QLabel>("historyEmptyLabel")->text(), "No sent request matches this search.");
}

void TestHistoryPanel::enterOpensAndSendAgainAsks()
{
    const HistoryEntryId older = record("GET", "https://x.test/a", 200);
    const HistoryEntryId newer = record("GET", "https://x.test/b", 200);
    makePanel();
    QSignalSpy open(m_panel.get(), &HistoryPanel::openRequested);
    QSignalSpy again(m_panel.get(), &HistoryPanel::sendAgainRequested);
    select("GET 200 https://x.test/a");
    QCOMPARE(m_panel->currentEntry(), older);
    QVERIFY(find<QPushButton>("historyOpenButton")->isEnabled());
    QTest::keyClick(find<QTreeView>("historyTreeView"), Qt::Key_Return);
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.first().first().value<HistoryEntryId>(), older);

    select("GET 200 https://x.test/b");
    QTest::mouseClick(find<QPushButton>("historySendAgainButton"), Qt::LeftButton);
    QCOMPARE(again.count(), 1);
    QCOMPARE(again.first().first().value<HistoryEntryId>(), newer);
    QTest::mouseClick(find<QPushButton>("historyOpenButton"), Qt::LeftButton);
    QCOMPARE(open.count(), 2);
    QCOMPARE(open.last().first().value<HistoryEntryId>(), newer);

    // A new send recorded meanwhile keeps the selection where it was.
    record("GET", "https://x.test/c", 200);
    QCOMPARE(m_panel->currentEntry(), newer);
}

void TestHistoryPanel::delDeletesAndSelectsTheNext()
{
    const QDateTime now = QDateTime::currentDateTime();
    record("GET", "https://x.test/1", 200, now.addSecs(-3));
    const HistoryEntryId second = record("GET", "https://x.test/2", 200, now.addSecs(-2));
    record("GET", "https://x.test/3", 200, now.addSecs(-1));
    makePanel();
    select("GET 200 https://x.test/3");
    QTest::keyClick(find<QTreeView>("historyTreeView"), Qt::Key_Delete);
    QCOMPARE(m_store->count(), 2);
    QCOMPARE(shownRows().size(), 3);
    QVERIFY(!shownRows().join("\n").contains("https://x.test/3"));
    QCOMPARE(m_panel->currentEntry(), second); // Del again goes on down the list
    QTest::keyClick(find<QTreeView>("historyTreeView"), Qt::Key_Delete);
    QCOMPARE(m_store->count(), 1);
    QTest::keyClick(find<QTreeView>("historyTreeView"), Qt::Key_Delete);
    QCOMPARE(m_store->count(), 0);
    QVERIFY(find<QLabel>("historyEmptyLabel")->isVisible());
    QVERIFY(m_questions.isEmpty()); // deleting one never asks
}

void TestHistoryPanel::clearAllAsksFirst()
{
    record("GET", "https://x.test/1", 200);
    record("GET", "https://x.test/2", 200);
    makePanel();
    auto *clear = find<QPushButton>("historyClearButton");
    m_answer = false;
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(m_questions,
        QStringList { "Delete all 2 sent request(s) from history? This cannot be undone." });
    QCOMPARE(m_store->count(), 2);
    QCOMPARE(shownRows().size(), 3);
    m_answer = true;
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(m_store->count(), 0);
    QVERIFY(find<QLabel>("historyEmptyLabel")->isVisible());
    QVERIFY(!clear->isEnabled());
}

void TestHistoryPanel::movedAsideHistoryIsSaid()
{
    m_store.reset();
    QFile garbage(m_dir->filePath("history.sqlite"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(4096, 'x'));
    garbage.close();
    m_store = std::make_unique<HistoryStore>();
    QVERIFY(m_store->open(m_dir->filePath("history.sqlite")));
    makePanel();
    auto *message = find<QLabel>("historyMessageLabel");
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains("moved to " + m_store->movedAsidePath()),
        qPrintable(message->text()));
    QCOMPARE(message->textFormat(), Qt::PlainText);
}

void TestHistoryPanel::everyControlHasAnAccessibleName()
{
    makePanel();
    for (const char *name : { "historySearchLineEdit", "historyMethodComboBox",
             "historyStatusComboBox", "historyTreeView", "historyOpenButton",
             "historySendAgainButton", "historyDeleteButton", "historyClearButton" }) {
        auto *w = find<QWidget>(name);
        QVERIFY2(w && !w->accessibleName().isEmpty(), name);
    }
}

void TestHistoryPanel::windowMayDeleteTheStoreFirst()
{
    record("GET", "https://x.test/1", 200);
    makePanel();
    select("GET 200 https://x.test/1");
    m_store.reset(); // a window's children go in creation order: the store before the panel
    m_panel.reset();
}

void TestHistoryPanel::pickedSendsExportAsHarAndCurl()
{
    record(QStringLiteral("GET"), QStringLiteral("https://api.example.com/a"), 200);
    record(QStringLiteral("POST"), QStringLiteral("https://api.example.com/b"), 201);
    record(QStringLiteral("DELETE"), QStringLiteral("https://api.example.com/c"), 500);
    makePanel();
    auto *tree = find<QTreeView>("historyTreeView");
    select(QStringLiteral("GET"));
    // Ctrl+click adds a second send to the selection.
    for (QModelIndex i = tree->model()->index(0, 0); i.isValid(); i = tree->indexBelow(i))
        if (i.data().toString().startsWith(QLatin1String("DELETE")))
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::ControlModifier,
                tree->visualRect(i).center());
    QCOMPARE(m_panel->selectedEntries().size(), 2);

    QTemporaryDir out;
    m_panel->setFileChooser([&](const QString &) { return out.filePath(QStringLiteral("h.har")); });
    m_panel->findChild<QAction *>(QStringLiteral("historyExportHarAction"))->trigger();
    QFile file(out.filePath(QStringLiteral("h.har")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray entries = QJsonDocument::fromJson(file.readAll())["log"]["entries"].toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0]["request"]["url"].toString(), QStringLiteral("https://api.example.com/a"));
    QCOMPARE(entries[1]["request"]["method"].toString(), QStringLiteral("DELETE"));
    QCOMPARE(entries[1]["response"]["status"].toInt(), 500);
    QVERIFY(find<QLabel>("historyMessageLabel")->text().contains(QLatin1String("2 sends")));

    select(QStringLiteral("POST"));
    m_panel->findChild<QAction *>(QStringLiteral("historyCopyCurlAction"))->trigger();
    const QString curl = QApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(QLatin1String("curl"))
            && curl.contains(QLatin1String("--request POST"))
            && curl.contains(QLatin1String("https://api.example.com/b")),
        qPrintable(curl));
}

QTEST_MAIN(TestHistoryPanel)
#include "TestHistoryPanel.moc"
