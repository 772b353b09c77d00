// The one function every line of the command-line program goes through.
#include "app/cli/TerminalText.h"

#include <QTest>

using Playground::TerminalText;

class TestTerminalText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void escaped_data();
    void escaped();
    void linesKeepTheirLayout();
};

void TestTerminalText::escaped_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << "GET /v1 — ok é 🙂"
                           << "GET /v1 — ok é 🙂";
    QTest::newRow("clear screen") << "a\x1b[2Jb"
                                  << "a\\x1b[2Jb";
    QTest::newRow("OSC 52") << "\x1b]52;c;eA==\x07"
                            << "\\x1b]52;c;eA==\\x07";
    QTest::newRow("OSC 8") << "\x1b]8;;http://x\x1b\\"
                           << "\\x1b]8;;http://x\\x1b\\";
    QTest::newRow("CR LF TAB") << "a\rb\nc\td"
                               << "a\\x0db\\x0ac\\x09d";
    QTest::newRow("NUL") << QString("a") + QChar(0) + "b"
                         << "a\\x00b";
    QTest::newRow("DEL and C1 CSI") << QString("a\x7f") + QChar(0x9b) + "31m"
                                    << "a\\x7f\\x9b31m";
    QTest::newRow("bidi override") << QString("x") + QChar(0x202e) + "y"
                                   << "x\\u202ey";
    QTest::newRow("lone high surrogate") << QString("a") + QChar(0xd800) + "b"
                                         << "a\uFFFDb";
    QTest::newRow("lone low surrogate at end") << QString("a") + QChar(0xdc00) << "a\uFFFD";
}

void TestTerminalText::escaped()
{
    QFETCH(QString, input);
    QFETCH(QString, shown);
    QCOMPARE(TerminalText::escaped(input), shown);
}

void TestTerminalText::linesKeepTheirLayout()
{
    QCOMPARE(TerminalText::escapedLines("one\x1b[2J\n\ttwo\r"), QString("one\\x1b[2J\n\ttwo\\x0d"));
    QString surrogate = "a";
    surrogate += QChar(0xdbff);
    QCOMPARE(TerminalText::wellFormed(surrogate + "\x1b"), QString("a\uFFFD\x1b"));
}

QTEST_GUILESS_MAIN(TestTerminalText)
#include "TestTerminalText.moc"
