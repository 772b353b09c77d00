// The Redactor masks a secret in whatever spelling a recorded text holds it: as is, encoded the
// ways we encode, and encoded the ways a server or another client does (mixed, lower-case hex,
// '+' for a space).
#include "app/http/Redactor.h"
#include "app/model/ByteText.h"

#include <QTest>

using namespace Playground;

class TestRedactor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void spellings_data();
    void spellings();
    void aSecretAcrossTheCutIsMaskedWhole();
    void aSecretWithBytesThatAreNotUtf8();
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
    // Echoed by a server's JSON encoder or in an HTML error page.
    QTest::newRow("JSON, escaped slashes") << QStringLiteral(
        "wJalr/K7MDENG/bPxRfi") << QStringLiteral("{\"k\":\"wJalr\\/K7MDENG\\/bPxRfi\"}");
    QTest::newRow("JSON, \\u escapes") << QStringLiteral(
        "p\u00e4ssw\u00f6rt/1\"") << QStringLiteral("{\"p\":\"p\\u00e4ssw\\u00f6rt\\/1\\\"\"}");
    QTest::newRow("JSON, short escapes (a GraphQL query)")
        << QStringLiteral("TAB\tSECRET\nQ") << QStringLiteral("{\"query\":\"x TAB\\tSECRET\\nQ\"}");
    QTest::newRow("JSON, \\u escapes of control characters")
        << QStringLiteral("TAB\tSECRET") << QStringLiteral("{\"q\":\"TAB\\u0009SECRET\"}");
    QTest::newRow("HTML escaped") << QStringLiteral("a<b&c\"d")
                                  << QStringLiteral("<p>token a&lt;b&amp;c&quot;d refused</p>");
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

void TestRedactor::aSecretWithBytesThatAreNotUtf8()
{
    // A Latin-1 secret (ByteText keeps its 0xE9) is sent as that byte, raw or percent-encoded.
    const QString secret = ByteText::fromBytes("s\xe9"
                                               "cret");
    const Redactor redactor({ secret });
    for (const QByteArray &sent : { QByteArray("Authorization: s\xe9"
                                               "cret\r\n"),
             QByteArray("GET /?k=s%E9cret HTTP/1.1"), QByteArray("k=s%e9cret") }) {
        const QByteArray masked = redactor.bytes(sent);
        QVERIFY2(!masked.contains("cret"), masked.constData());
        QVERIFY2(masked.contains(Redactor::Mask), masked.constData());
    }
}

void TestRedactor::aSecretAcrossTheCutIsMaskedWhole()
{
    const QString secret = QStringLiteral("s3cr\u00e9t-t0ken");
    const Redactor redactor({ secret });
    // The body is cut at 10 bytes, in the middle of the secret written with \u escapes.
    const QByteArray body = "{\"t\":\"" + QByteArray("s3cr\\u00e9t-t0ken") + "\"}";
    const QByteArray cut = redactor.bytesUpTo(body, 10);
    QCOMPARE(cut.size(), 10);
    QVERIFY2(!cut.contains("s3cr"), cut.constData());
    QVERIFY(redactor.longestSpelling() >= qsizetype(qstrlen("s3cr\\u00e9t-t0ken")));
}

QTEST_GUILESS_MAIN(TestRedactor)
#include "TestRedactor.moc"
