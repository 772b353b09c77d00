// The Timeline's phases from the moments a send recorded: TLS, plain, reused, cut short.
#include "app/response/TimelinePhases.h"

#include <QTest>

using namespace Playground;

Q_DECLARE_METATYPE(Playground::Timings)

namespace {

QString describe(const QList<TimelinePhase> &phases)
{
    QStringList parts;
    for (const TimelinePhase &p : phases)
        parts << QStringLiteral("%1 %2+%3").arg(p.name).arg(p.start).arg(p.duration);
    return parts.join(QStringLiteral(", "));
}

} // namespace

class TestTimelinePhases : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void phases_data();
    void phases();
    void everyPhaseSaysWhatItIs();
};

void TestTimelinePhases::phases_data()
{
    QTest::addColumn<Timings>("timings");
    QTest::addColumn<QString>("expected");
    QTest::newRow("new TLS connection") << Timings { 5, 40, 41, 120,
        130 } << "Prepare 0+5, Connect + TLS 5+35, Send 40+1, Wait 41+79, Receive 120+10";
    QTest::newRow("new plain connection") << Timings { 2, -1, 4, 10,
        30 } << "Prepare 0+2, Connect + send 2+2, Wait 4+6, Receive 10+20";
    QTest::newRow("reused connection")
        << Timings { -1, -1, 1, 9, 9 } << "Prepare 0+0, Send 0+1, Wait 1+8, Receive 9+0";
    QTest::newRow("refused while connecting")
        << Timings { 3, -1, -1, -1, 7 } << "Prepare 0+3, Connect 3+4";
    QTest::newRow("no answer") << Timings { 1, -1, 2, -1, 5000 }
                               << "Prepare 0+1, Connect + send 1+1, Wait 2+4998";
    QTest::newRow("host not found") << Timings { -1, -1, -1, -1, 12 } << "Prepare 0+12";
    QTest::newRow("never sent") << Timings {} << "";
}

void TestTimelinePhases::phases()
{
    QFETCH(Timings, timings);
    QFETCH(QString, expected);
    QCOMPARE(describe(timelinePhases(timings)), expected);
}

void TestTimelinePhases::everyPhaseSaysWhatItIs()
{
    for (const TimelinePhase &p : timelinePhases(Timings { 5, 40, 41, 120, 130 }))
        QVERIFY2(!p.about.isEmpty(), qPrintable(p.name));
}

QTEST_GUILESS_MAIN(TestTimelinePhases)
#include "TestTimelinePhases.moc"
