// Finding every match in a large text: counts, case, piece boundaries, cap, cancel.
#include "app/response/TextSearch.h"

#include <QTest>

using namespace Playground;

class TestTextSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsEveryMatchAcrossPieces();
    void caseInsensitiveFoldsAsciiOnly();
    void matchesDoNotOverlap();
    void firstFromWraps();
    void cancelReturnsNothing();
};

void TestTextSearch::findsEveryMatchAcrossPieces()
{
    // 40 MiB: matches at the start, on a 16 MiB piece boundary and at the very end.
    QByteArray text(40 * 1024 * 1024, 'x');
    const qint64 boundary = 16 * 1024 * 1024 - 3;
    text.replace(0, 6, "needle");
    text.replace(boundary, 6, "needle");
    text.replace(text.size() - 6, 6, "needle");
    for (bool caseSensitive : { true, false }) {
        const auto matches = TextSearch::findAll(text, "needle", caseSensitive);
        QVERIFY(matches);
        QCOMPARE(matches->count(), 3);
        QCOMPARE(matches->offsets.at(1), boundary);
        QCOMPARE(matches->offsets.at(2), text.size() - 6);
    }
}

void TestTextSearch::caseInsensitiveFoldsAsciiOnly()
{
    const QByteArray text = "Name NAME name nAmE Ünï ünï";
    QCOMPARE(TextSearch::findAll(text, "name", false)->count(), 4);
    QCOMPARE(TextSearch::findAll(text, "name", true)->count(), 1);
    QCOMPARE(TextSearch::findAll(text, "ünï", false)->count(), 1);
}

void TestTextSearch::matchesDoNotOverlap()
{
    QCOMPARE(TextSearch::findAll("aaaa", "aa", true)->count(), 2);
    QCOMPARE(TextSearch::findAll("abc", "", true)->count(), 0);
}

void TestTextSearch::firstFromWraps()
{
    const auto matches = TextSearch::findAll("a..a..a", "a", true);
    QCOMPARE(matches->firstFrom(0), 0);
    QCOMPARE(matches->firstFrom(1), 1);
    QCOMPARE(matches->firstFrom(7), 0);
}

void TestTextSearch::cancelReturnsNothing()
{
    const QByteArray text(64 * 1024 * 1024, 'x');
    QVERIFY(!TextSearch::findAll(text, "y", true, [](qint64) { return false; }));
}

QTEST_GUILESS_MAIN(TestTextSearch)
#include "TestTextSearch.moc"
