// A body made ready for the virtualised view: kinds, notes, spilled bodies, charsets, tokens.
#include "app/response/PreparedBody.h"
#include "app/response/SyntaxTokens.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Playground;

namespace {

Exchange exchangeWith(const QByteArray &body, const QByteArray &contentType)
{
    Exchange exchange;
    exchange.status = 200;
    exchange.responseHeaders = { { "Content-Type", contentType } };
    exchange.body = body;
    exchange.bodySize = body.size();
    return exchange;
}

} // namespace

class TestBodyPreparer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonHasPrettyAndRaw();
    void invalidJsonIsShownAsSent();
    void aSpilledBodyIsFormattedWhole();
    void binaryIsHex();
    void charsetIsConverted();
    void invalidTextSaysSo();
    void cancelStops();
    void jsonTokens();
    void markupTokens();
};

void TestBodyPreparer::jsonHasPrettyAndRaw()
{
    const auto body = BodyPreparer::prepare(exchangeWith("{\"a\":[1,2]}", "application/json"));
    QVERIFY(body);
    QCOMPARE(body->kind, PreparedBody::Kind::Json);
    QCOMPARE(body->pretty->lineCount(), 6);
    QCOMPARE(body->pretty->lineText(1), QStringLiteral("  \"a\": ["));
    QCOMPARE(body->raw->lineText(0), QStringLiteral("{\"a\":[1,2]}"));
    QVERIFY(body->note.startsWith(QLatin1String("JSON, formatted")));
}

void TestBodyPreparer::invalidJsonIsShownAsSent()
{
    const auto body = BodyPreparer::prepare(exchangeWith("{\"a\":", "application/json"));
    QCOMPARE(body->kind, PreparedBody::Kind::Text);
    QVERIFY(!body->pretty);
    QVERIFY(body->note.startsWith(QLatin1String("Not valid JSON, shown as sent")));
}

void TestBodyPreparer::aSpilledBodyIsFormattedWhole()
{
    QTemporaryDir dir;
    auto file = std::make_shared<QTemporaryFile>(dir.filePath(QStringLiteral("spill-XXXXXX")));
    QVERIFY(file->open());
    QByteArray json = "[";
    for (int i = 0; i < 800'000; ++i)
        json += "{\"id\":" + QByteArray::number(i) + "},";
    json += "{\"id\":\"last\"}]";
    QVERIFY(json.size() > BodyPreparer::InMemoryLimitBytes);
    file->write(json);
    file->flush();
    Exchange exchange = exchangeWith({}, "application/json");
    exchange.bodyFile = file;
    exchange.bodySize = json.size();
    int lastPercent = -1;
    const auto body = BodyPreparer::prepare(exchange, [&](int percent) {
        lastPercent = percent;
        return true;
    });
    QVERIFY(body);
    QVERIFY(lastPercent > 50);
    QCOMPARE(body->pretty->lineCount(), 800'001 * 3 + 2);
    QCOMPARE(body->pretty->lineText(body->pretty->lineCount() - 3),
        QStringLiteral("    \"id\": \"last\""));
    QCOMPARE(body->totalBytes, json.size());
}

void TestBodyPreparer::binaryIsHex()
{
    const auto body = BodyPreparer::prepare(exchangeWith(QByteArray("ab\0cd", 5), "text/plain"));
    QCOMPARE(body->kind, PreparedBody::Kind::Binary);
    QVERIFY(body->hex);
    QVERIFY(body->hex->lineText(0).startsWith(QLatin1String("00000000  61 62 00 63 64")));
}

void TestBodyPreparer::charsetIsConverted()
{
    const auto body
        = BodyPreparer::prepare(exchangeWith("caf\xe9", "text/plain; charset=ISO-8859-1"));
    QCOMPARE(body->raw->lineText(0), QStringLiteral("café"));
}

void TestBodyPreparer::invalidTextSaysSo()
{
    // Bytes that are not UTF-8 in a body that claims (or defaults to) it: shown, and said.
    for (const QByteArray &type : { QByteArray("text/plain"),
             QByteArray("text/plain; charset=utf-8"), QByteArray("application/json") }) {
        const auto body = BodyPreparer::prepare(exchangeWith("caf\xe9 \xff\xfe ok", type));
        QVERIFY(body);
        QVERIFY2(body->note.contains(QLatin1String("not valid UTF-8")), qPrintable(body->note));
        QCOMPARE(body->raw->lineText(0).left(4), QStringLiteral("caf\uFFFD"));
    }
    // The same byte in the charset it is labelled with is fine.
    auto latin = BodyPreparer::prepare(exchangeWith("caf\xe9", "text/plain; charset=iso-8859-1"));
    QCOMPARE(latin->raw->lineText(0), QStringLiteral("café"));
    QVERIFY2(!latin->note.contains(QLatin1String("valid")), qPrintable(latin->note));
    // A byte sequence Shift_JIS does not have.
    auto sjis
        = BodyPreparer::prepare(exchangeWith("ok \x81\x20 ok", "text/plain; charset=Shift_JIS"));
    QVERIFY2(sjis->note.contains(QLatin1String("not valid in it")), qPrintable(sjis->note));
    // Valid text longer than one validation piece, a character across the piece boundary.
    QByteArray big(16 * 1024 * 1024 - 1, 'a');
    big += "é and more";
    auto large = BodyPreparer::prepare(exchangeWith(big, "text/plain"));
    QVERIFY2(!large->note.contains(QLatin1String("valid")), qPrintable(large->note));
}

void TestBodyPreparer::cancelStops()
{
    QByteArray json = "[" + QByteArray(20 * 1024 * 1024, '1') + "]";
    QTemporaryDir dir;
    auto file = std::make_shared<QTemporaryFile>(dir.filePath(QStringLiteral("spill-XXXXXX")));
    QVERIFY(file->open());
    file->write(json);
    file->flush();
    Exchange exchange = exchangeWith({}, "application/json");
    exchange.bodyFile = file;
    exchange.bodySize = json.size();
    QVERIFY(!BodyPreparer::prepare(exchange, [](int) { return false; }));
}

void TestBodyPreparer::jsonTokens()
{
    const QString line = QStringLiteral("  \"key\": \"value\", 12.5e3 true null [");
    const QList<SyntaxToken> tokens = tokenizeLine(line, SyntaxLanguage::Json);
    QStringList kinds;
    for (const SyntaxToken &t : tokens)
        kinds << QStringLiteral("%1=%2").arg(int(t.kind)).arg(line.mid(t.start, t.length));
    QCOMPARE(kinds,
        QStringList({ QStringLiteral("0=\"key\""), QStringLiteral("4=:"),
            QStringLiteral("1=\"value\""), QStringLiteral("4=,"), QStringLiteral("2=12.5e3"),
            QStringLiteral("3=true"), QStringLiteral("3=null"), QStringLiteral("4=[") }));
}

void TestBodyPreparer::markupTokens()
{
    const QString line = QStringLiteral("<a href=\"x\">text</a><!-- c -->");
    QList<TokenKind> kinds;
    for (const SyntaxToken &t : tokenizeLine(line, SyntaxLanguage::Markup))
        kinds << t.kind;
    QCOMPARE(kinds,
        QList<TokenKind>({ TokenKind::Punctuation, TokenKind::Tag, TokenKind::Attribute,
            TokenKind::String, TokenKind::Punctuation, TokenKind::Punctuation, TokenKind::Tag,
            TokenKind::Punctuation, TokenKind::Comment }));
}

QTEST_GUILESS_MAIN(TestBodyPreparer)
#include "TestBodyPreparer.moc"
