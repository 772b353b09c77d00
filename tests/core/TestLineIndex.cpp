// Line index and line sources: every line of a text reachable, long lines broken, offsets mapped.
#include "app/response/LineIndex.h"
#include "app/response/LineSource.h"

#include <QTest>

using namespace Playground;

class TestLineIndex : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsLinesLikeAnEditor_data();
    void countsLinesLikeAnEditor();
    void everyLineIsReachablePastTheStride();
    void longLinesAreBrokenAtCharacterBoundaries();
    void offsetsMapToLinesAndColumns();
    void cancelStopsIndexing();
    void hexLines();
};

void TestLineIndex::countsLinesLikeAnEditor_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("lines");
    QTest::addColumn<QString>("last");
    QTest::newRow("empty") << QByteArray() << qint64(1) << QString();
    QTest::newRow("one") << QByteArray("abc") << qint64(1) << QStringLiteral("abc");
    QTest::newRow("two") << QByteArray("a\nb") << qint64(2) << QStringLiteral("b");
    QTest::newRow("trailing newline") << QByteArray("a\nb\n") << qint64(3) << QString();
    QTest::newRow("crlf") << QByteArray("a\r\nb\r\n") << qint64(3) << QString();
}

void TestLineIndex::countsLinesLikeAnEditor()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, lines);
    QFETCH(QString, last);
    auto source = TextLines::fromBytes(text);
    QCOMPARE(source->lineCount(), lines);
    QCOMPARE(source->lineText(lines - 1), last);
    if (lines > 1)
        QVERIFY(!source->lineText(0).endsWith(QLatin1Char('\r')));
}

void TestLineIndex::everyLineIsReachablePastTheStride()
{
    QByteArray text;
    for (int i = 0; i < 10'000; ++i)
        text += "line " + QByteArray::number(i) + '\n';
    text += "end";
    auto source = TextLines::fromBytes(text);
    QCOMPARE(source->lineCount(), 10'001);
    for (qint64 line : { 0, 1, 63, 64, 65, 127, 128, 5000, 9999 })
        QCOMPARE(source->lineText(line), QStringLiteral("line %1").arg(line));
    QCOMPARE(source->lineText(10'000), QStringLiteral("end"));
}

void TestLineIndex::longLinesAreBrokenAtCharacterBoundaries()
{
    // "é" is two bytes: a break at an odd byte would cut one in half.
    QByteArray text = "x";
    for (int i = 0; i < 5000; ++i)
        text += "é";
    auto source = TextLines::fromBytes(text);
    QVERIFY(source->lineCount() >= 3);
    QVERIFY(source->index().linesBroken());
    QString whole;
    for (qint64 line = 0; line < source->lineCount(); ++line) {
        const QString part = source->lineText(line);
        QVERIFY(!part.contains(QChar::ReplacementCharacter));
        whole += part;
    }
    QCOMPARE(whole, QString::fromUtf8(text));
}

void TestLineIndex::offsetsMapToLinesAndColumns()
{
    QByteArray text;
    for (int i = 0; i < 300; ++i)
        text += "ünïcode " + QByteArray::number(i) + " needle\n";
    auto source = TextLines::fromBytes(text);
    const qint64 offset = text.indexOf("needle", text.indexOf("ünïcode 200"));
    const TextPosition position = source->position(offset);
    QCOMPARE(position.line, 200);
    QCOMPARE(source->lineText(200).mid(position.column, 6), QStringLiteral("needle"));
    QCOMPARE(source->lineOffset(200), text.indexOf("ünïcode 200"));
}

void TestLineIndex::cancelStopsIndexing()
{
    const QByteArray text(40 * 1024 * 1024, '\n');
    int calls = 0;
    const auto index = LineIndex::build(text, [&](qint64) { return ++calls < 2; });
    QVERIFY(!index);
    QCOMPARE(calls, 2);
}

void TestLineIndex::hexLines()
{
    HexLines hex(BodyBuffer::fromBytes(QByteArray("0123456789abcdefXYZ")));
    QCOMPARE(hex.lineCount(), 2);
    QCOMPARE(hex.lineText(1),
        QStringLiteral("00000010  58 59 5a %1 XYZ").arg(QString(13 * 3, QLatin1Char(' '))));
    QCOMPARE(hex.position(17).line, 1);
    QCOMPARE(hex.lineText(1).mid(hex.position(17).column, 2), QStringLiteral("59"));
}

QTEST_GUILESS_MAIN(TestLineIndex)
#include "TestLineIndex.moc"
