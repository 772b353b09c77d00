// The Redactor masks a secret in whatever spelling a recorded text holds it: as is, encoded the
// ways we encode, and encoded the ways a server or another client does (mixed, lower-case hex,
// '+' for a space).
#include "app/http/Redactor.h"

#include <QTest>

using namespace Playground;

class TestRedactor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void spellings_data();
    void spellings();
};

void TestRedactor::spellings_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("recorded");
    const QString tricky = QStringLiteral("a b+c/d~e.fA\"g\\h<i>&j=k#l?m");
    QTest::newRow("as is") << tricky << QStringLiteral("value=") + tricky;
    QTest::newRow("our query encoding")
        << tricky
        << QStringLiteral("http://h/x?t=") + QString::fromLatin1(QUrl::toPercentEncoding(tricky));
    QTest::newRow("a server's Location (QUrl's minimal encoding)")
        << tricky
        << QStringLiteral("http://127.0.0.1:18081/echo/a%20b+c/d~e.fA%22g%5Ch%3Ci%3E&j=k#l?m");
    QTest::newRow("lower-case hex")
        << QStringLiteral("tok/en=1") << QStringLiteral("http://h/?q=tok%2fen%3d1");
    QTest::newRow("plus for a space") << QStringLiteral("my secret value")
                                      << QStringLiteral("grant=x&client_secret=my+secret+value");
    QTest::newRow("dots encoded") << QStringLiteral("dgs.k9")
                                  << QStringLiteral("Invalid URL \"x/dgs%2Ek9\"");
}

void TestRedactor::spellings()
{
    QFETCH(QString, secret);
    QFETCH(QString, recorded);
    const Redactor redactor({ secret });
    const QString text = redactor.text(recorded);
    QVERIFY2(!QUrl::fromPercentEncoding(text.toUtf8()).contains(secret), qPrintable(text));
    QVERIFY2(
        !QUrl::fromPercentEncoding(QByteArray(text.toUtf8()).replace('+', ' ')).contains(secret),
        qPrintable(text));
    QVERIFY2(text.contains(QLatin1String(Redactor::Mask)), qPrintable(text));
    const QByteArray bytes = redactor.bytes(recorded.toUtf8());
    QVERIFY2(!QByteArray::fromPercentEncoding(QByteArray(bytes).replace('+', ' '))
                  .contains(secret.toUtf8()),
        bytes.constData());
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "TestRedactor.moc"
