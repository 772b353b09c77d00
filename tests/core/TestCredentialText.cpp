#include "app/auth/CredentialText.h"

#include <QMimeData>
#include <QTest>

#include <memory>

using namespace Playground;

class TestCredentialText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void maskSecret_data();
    void maskSecret();
    void expiryText_data();
    void expiryText();
    void tokenSummaryNeverShowsTheToken();
    void parseOrigins();
    void secretMimeDataMarksPassword();
};

void TestCredentialText::initTestCase()
{
    // Dates are shown in local time; pin it so the expected calendar days hold everywhere.
    qputenv("TZ", "UTC");
}

void TestCredentialText::maskSecret_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    QTest::newRow("long token") << "dgs_0123456789abcdefghijklmnop"
                                << "dgs_… (30 characters)";
    QTest::newRow("short secret fully hidden") << "hunter22"
                                               << "•••• (8 characters)";
    QTest::newRow("one character") << "x"
                                   << "•••• (1 character)";
    QTest::newRow("empty") << ""
                           << "•••• (0 characters)";
}

void TestCredentialText::maskSecret()
{
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(CredentialText::maskSecret(value), masked);
}

void TestCredentialText::expiryText_data()
{
    QTest::addColumn<qint64>("secondsLeft");
    QTest::addColumn<QString>("text");
    // The Digishare token: one year, seen a second after it arrived.
    QTest::newRow("one year") << qint64(31'536'000 - 1) << "expires 2027-11-28 — in 365 days";
    QTest::newRow("one day") << qint64(86'400) << "expires 2026-11-29 — in 1 day";
    QTest::newRow("later today") << qint64(3'600) << "expires 2026-11-28 — today";
    QTest::newRow("expired") << qint64(-3 * 86'400) << "expired 2026-11-25 — 3 days ago";
    QTest::newRow("just expired") << qint64(-5) << "expired 2026-11-28 — today";
}

void TestCredentialText::expiryText()
{
    QFETCH(qint64, secondsLeft);
    QFETCH(QString, text);
    const QDateTime now(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
    QCOMPARE(CredentialText::expiryText(now.addSecs(secondsLeft), now), text);
    QCOMPARE(CredentialText::expiryText(QDateTime(), now), QString("no expiry given"));
}

void TestCredentialText::tokenSummaryNeverShowsTheToken()
{
    AccessToken token;
    token.value = "eyJhbGciOiJSUzI1NiJ9.payload.signature";
    token.type = "bearer";
    const QDateTime now(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);
    token.expiresAt = now.addSecs(31'536'000);
    const QString summary = CredentialText::tokenSummary(token, now);
    QCOMPARE(summary, QString("bearer · eyJh… (38 characters) · expires 2027-11-28 — in 365 days"));
    QVERIFY(!summary.contains("payload"));
}

void TestCredentialText::parseOrigins()
{
    const CredentialText::Origins origins = CredentialText::parseOrigins(
        "https://API.example.com/v1, http://localhost:8080\n ftp://files.example  nonsense,"
        "https://api.example.com:443");
    QCOMPARE(
        origins.valid, QStringList({ "https://api.example.com:443", "http://localhost:8080" }));
    QCOMPARE(origins.invalid, QStringList({ "ftp://files.example", "nonsense" }));
    QCOMPARE(CredentialText::formatOrigins(origins.valid),
        QString("https://api.example.com:443\nhttp://localhost:8080"));
}

void TestCredentialText::secretMimeDataMarksPassword()
{
    const std::unique_ptr<QMimeData> mime(CredentialText::secretMimeData("s3cret"));
    QCOMPARE(mime->text(), QString("s3cret"));
    QCOMPARE(mime->data("x-kde-passwordManagerHint"), QByteArray("secret"));
}

QTEST_GUILESS_MAIN(TestCredentialText)
#include "TestCredentialText.moc"
