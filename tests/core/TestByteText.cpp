// Text that keeps bytes which are not UTF-8 (app/model/ByteText): what a request sends is what
// its input said, byte for byte.
#include "app/model/ByteText.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

namespace ByteText = Playground::ByteText;

class TestByteText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validUtf8IsPlainText_data();
    void validUtf8IsPlainText();
    void invalidBytesAreKept_data();
    void invalidBytesAreKept();
    void randomBytesRoundTrip();
    void randomTextIsUtf8();
    void surrogatePairsAreNotKeptBytes();
    void leadingBomIsKept();
    void nullAndEmpty();
    void largeInputIsLinear();
};

void TestByteText::validUtf8IsPlainText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("ASCII") << QByteArray("GET /v1?a=1 {\"k\": 2}\r\n");
    QTest::newRow("NUL") << QByteArray("a\0b", 3);
    QTest::newRow("two bytes") << QByteArray("caf\xc3\xa9 \xc2\x80 \xdf\xbf");
    QTest::newRow("three bytes") << QByteArray(
        "\xe0\xa0\x80 \xe2\x82\xac \xed\x9f\xbf \xef\xbf\xbf");
    QTest::newRow("four bytes") << QByteArray("\xf0\x90\x80\x80 \xf0\x9f\x99\x82 \xf4\x8f\xbf\xbf");
    QTest::newRow("U+FFFD itself") << QByteArray("\xef\xbf\xbd");
    QTest::newRow("BOM inside") << QByteArray("x\xef\xbb\xbfx");
}

void TestByteText::validUtf8IsPlainText()
{
    QFETCH(QByteArray, bytes);
    const QString text = ByteText::fromBytes(bytes);
    QCOMPARE(text, QString::fromUtf8(bytes));
    QVERIFY(!ByteText::keepsBytes(text));
    QCOMPARE(ByteText::toBytes(text), bytes);
    QCOMPARE(ByteText::toBytes(text), text.toUtf8());
}

void TestByteText::invalidBytesAreKept_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    const auto kept = [](std::initializer_list<char16_t> units) {
        QString out;
        for (const char16_t u : units)
            out += QChar(u);
        return out;
    };
    QTest::newRow("Latin-1") << QByteArray("Jos\xe9") << QStringLiteral("Jos") + kept({ 0xDCE9 });
    QTest::newRow("binary body") << QByteArray("\xff\xfe\x80\x81"
                                               "bin\xc3")
                                 << kept({ 0xDCFF, 0xDCFE, 0xDC80, 0xDC81 }) + QStringLiteral("bin")
            + kept({ 0xDCC3 });
    QTest::newRow("lone continuation") << QByteArray("\x80\xbf") << kept({ 0xDC80, 0xDCBF });
    QTest::newRow("overlong two bytes (C0 AF, C1 BF)")
        << QByteArray("\xc0\xaf\xc1\xbf") << kept({ 0xDCC0, 0xDCAF, 0xDCC1, 0xDCBF });
    QTest::newRow("overlong three bytes (E0 80 AF)")
        << QByteArray("\xe0\x80\xaf") << kept({ 0xDCE0, 0xDC80, 0xDCAF });
    QTest::newRow("overlong four bytes (F0 80 80 AF)")
        << QByteArray("\xf0\x80\x80\xaf") << kept({ 0xDCF0, 0xDC80, 0xDC80, 0xDCAF });
    QTest::newRow("encoded surrogate (ED A0 80, ED BF BF)") << QByteArray(
        "\xed\xa0\x80\xed\xbf\xbf") << kept({ 0xDCED, 0xDCA0, 0xDC80, 0xDCED, 0xDCBF, 0xDCBF });
    QTest::newRow("above U+10FFFF (F4 90 80 80)")
        << QByteArray("\xf4\x90\x80\x80") << kept({ 0xDCF4, 0xDC90, 0xDC80, 0xDC80 });
    QTest::newRow("F5..FF leads") << QByteArray("\xf5\x80\xf8\xfe")
                                  << kept({ 0xDCF5, 0xDC80, 0xDCF8, 0xDCFE });
    QTest::newRow("truncated two bytes at the end")
        << QByteArray("a\xc3") << QStringLiteral("a") + kept({ 0xDCC3 });
    QTest::newRow("truncated three bytes before ASCII") << QByteArray(
        "\xe2\x82"
        "A") << kept({ 0xDCE2, 0xDC82 }) + QStringLiteral("A");
    QTest::newRow("truncated four bytes, then valid") << QByteArray(
        "\xf0\x9f\x99\xc3\xa9") << kept({ 0xDCF0, 0xDC9F, 0xDC99 }) + QStringLiteral("é");
    QTest::newRow("the bytes of a kept byte's own UTF-8 (ED B3 A9)")
        << QByteArray("\xed\xb3\xa9") << kept({ 0xDCED, 0xDCB3, 0xDCA9 });
}

void TestByteText::invalidBytesAreKept()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(ByteText::fromBytes(bytes), text);
    QVERIFY(ByteText::keepsBytes(text));
    QCOMPARE(ByteText::toBytes(text), bytes);
}

void TestByteText::randomBytesRoundTrip()
{
    QRandomGenerator random(383);
    for (int round = 0; round < 20000; ++round) {
        QByteArray bytes(random.bounded(0, 40), Qt::Uninitialized);
        // Mostly high bytes, so that valid and invalid sequences both occur often.
        for (char &c : bytes)
            c = char(
                random.bounded(0, 4) == 0 ? random.bounded(0, 0x80) : random.bounded(0x80, 0x100));
        const QString text = ByteText::fromBytes(bytes);
        QCOMPARE(ByteText::toBytes(text), bytes);
        QCOMPARE(ByteText::keepsBytes(text), QString::fromUtf8(bytes).toUtf8() != bytes);
        if (!ByteText::keepsBytes(text))
            QCOMPARE(text, QString::fromUtf8(bytes));
    }
}

void TestByteText::randomTextIsUtf8()
{
    // Valid text (any code point but surrogates) is written as UTF-8 and read back unchanged.
    QRandomGenerator random(8);
    for (int round = 0; round < 5000; ++round) {
        QString text;
        const int length = random.bounded(0, 20);
        for (int i = 0; i < length; ++i) {
            char32_t cp = random.bounded(0, 4) == 0 ? random.bounded(0, 0x80)
                                                    : random.bounded(0x80, 0x110000);
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD;
            text += QString::fromUcs4(&cp, 1);
        }
        QCOMPARE(ByteText::toBytes(text), text.toUtf8());
        QCOMPARE(ByteText::fromBytes(text.toUtf8()), text);
        QVERIFY(!ByteText::keepsBytes(text));
    }
}

void TestByteText::surrogatePairsAreNotKeptBytes()
{
    // U+10080 is D800 DC80: its low half is no kept byte.
    const QString pair = QString::fromUtf8("\xf0\x90\x82\x80");
    QCOMPARE(pair.size(), 2);
    QCOMPARE(pair.at(1).unicode(), char16_t(0xDC80));
    QVERIFY(!ByteText::keepsBytes(pair));
    QCOMPARE(ByteText::keptByte(pair, 1), -1);
    const QString latin = ByteText::fromBytes("Jos\xe9");
    QCOMPARE(ByteText::keptByte(latin, 3), 0xE9);
    QCOMPARE(ByteText::keptByte(latin, 0), -1);
    QCOMPARE(ByteText::toBytes(pair), QByteArray("\xf0\x90\x82\x80"));
    // A lone surrogate outside DC80..DCFF is written as Qt writes it.
    const QString lone(QChar(0xDC10));
    QVERIFY(!ByteText::keepsBytes(lone));
    QCOMPARE(ByteText::toBytes(lone), lone.toUtf8());
    const QString high(QChar(0xD800));
    QCOMPARE(ByteText::toBytes(high + QStringLiteral("a")), (high + QStringLiteral("a")).toUtf8());
}

void TestByteText::leadingBomIsKept()
{
    // QString::fromUtf8 drops it; these are bytes to send, so it stays (InputFile drops a file's).
    const QByteArray bytes("\xef\xbb\xbfx");
    QCOMPARE(ByteText::fromBytes(bytes), QStringLiteral("\uFEFFx"));
    QCOMPARE(ByteText::toBytes(ByteText::fromBytes(bytes)), bytes);
}

void TestByteText::nullAndEmpty()
{
    QVERIFY(ByteText::fromBytes(QByteArray()).isNull());
    QVERIFY(!ByteText::fromBytes(QByteArray("")).isNull());
    QVERIFY(ByteText::fromBytes(QByteArray("")).isEmpty());
    QVERIFY(ByteText::toBytes(QString()).isEmpty());
    QCOMPARE(ByteText::keptByte(QString(), 0), -1);
}

void TestByteText::largeInputIsLinear()
{
    // 128 MiB, the largest input: ASCII with a kept byte in every KiB, and all high bytes.
    QByteArray bytes(128 * 1024 * 1024, 'a');
    for (qsizetype i = 0; i < bytes.size(); i += 1024)
        bytes[i] = char(0xe9);
    QElapsedTimer timer;
    timer.start();
    const QString text = ByteText::fromBytes(bytes);
    QVERIFY(ByteText::keepsBytes(text));
    QCOMPARE(ByteText::toBytes(text), bytes);
    const qint64 mixed = timer.elapsed();
    QByteArray high(16 * 1024 * 1024, char(0xe9));
    timer.restart();
    QCOMPARE(ByteText::toBytes(ByteText::fromBytes(high)), high);
    qInfo("128 MiB mostly ASCII: %lld ms both ways; 16 MiB of kept bytes: %lld ms", mixed,
        timer.elapsed());
    QVERIFY2(mixed < 20000, "fromBytes and toBytes are not linear");
}

QTEST_GUILESS_MAIN(TestByteText)
#include "TestByteText.moc"
