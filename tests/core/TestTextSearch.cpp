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
    void regexFindsByteOffsetsAndLengths();
    void regexCoversPiecesAndLongLines();
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

void TestTextSearch::regexFindsByteOffsetsAndLengths()
{
    // Offsets and lengths in bytes of the UTF-8 text, past multi-byte characters and emoji.
    const QByteArray text = "id: 12\nnäme: 345 😀 6\n\"id\": 7890";
    const auto matches = TextSearch::findAllRegex(text, QRegularExpression("\\d+"));
    QVERIFY(matches);
    QCOMPARE(matches->count(), 4);
    for (qsizetype i = 0; i < matches->count(); ++i) {
        const QByteArray found = text.mid(matches->offsets[size_t(i)], matches->lengthAt(i));
        QCOMPARE(found, QList<QByteArray>({ "12", "345", "6", "7890" }).at(i));
    }
    // ^ and $ are per line; case follows the option; empty matches are left out.
    QCOMPARE(TextSearch::findAllRegex(text, QRegularExpression("^id"))->count(), 1);
    QCOMPARE(TextSearch::findAllRegex(
                 text, QRegularExpression("^ID", QRegularExpression::CaseInsensitiveOption))
                 ->count(),
        1);
    QCOMPARE(TextSearch::findAllRegex(text, QRegularExpression("x*"))->count(), 0);
    QCOMPARE(TextSearch::findAllRegex(text, QRegularExpression("("))->count(), 0); // invalid
}

void TestTextSearch::regexCoversPiecesAndLongLines()
{
    // 12 MiB of short lines, and one 9 MiB line without a break: every match is found once.
    QByteArray lines;
    for (int i = 0; lines.size() < 12 * 1024 * 1024; ++i)
        lines += "{\"id\": " + QByteArray::number(i) + ", \"name\": \"item\"},\n";
    const qsizetype expected = lines.count("\"id\"");
    auto matches = TextSearch::findAllRegex(lines, QRegularExpression("\"id\": \\d+"));
    QCOMPARE(matches->count(), expected);
    QByteArray line(9 * 1024 * 1024, 'x');
    line.replace(4 * 1024 * 1024 - 10, 6, "needle"); // near the first cut
    line.replace(line.size() - 6, 6, "needle");
    matches = TextSearch::findAllRegex(line, QRegularExpression("ne+dle"));
    QCOMPARE(matches->count(), 2);
    QCOMPARE(matches->offsets.back(), line.size() - 6);
    QVERIFY(!TextSearch::findAllRegex(line, QRegularExpression("y"), [](qint64) { return false; }));
}

QTEST_GUILESS_MAIN(TestTextSearch)
#include "TestTextSearch.moc"
