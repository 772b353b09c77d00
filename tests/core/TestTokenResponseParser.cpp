#include "app/auth/TokenResponseParser.h"

#include <QTest>

using namespace Playground;

class TestTokenResponseParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestTokenResponseParser::parse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("token");
    QTest::addColumn<qint64>("expiresIn"); // -1: no expiry known
    QTest::addColumn<QStringList>("errorParts");

    const QByteArray json = "application/json";
    QTest::newRow("docs")
        << 200 << json
        << QByteArray(
               R"({"token_type":"Bearer","expires_in":31536000,"access_token":"abc.DEF-123"})")
        << true << "abc.DEF-123" << qint64(31536000) << QStringList();
    QTest::newRow("token_type lower case")
        << 200 << json
        << QByteArray(R"({"token_type":"bearer","expires_in":60,"access_token":"t"})") << true
        << "t" << qint64(60) << QStringList();
    QTest::newRow("token_type mixed case")
        << 200 << json << QByteArray(R"({"token_type":"BeArEr","access_token":"t"})") << true << "t"
        << qint64(-1) << QStringList();
    QTest::newRow("expires_in missing")
        << 200 << json << QByteArray(R"({"token_type":"Bearer","access_token":"t"})") << true << "t"
        << qint64(-1) << QStringList();
    QTest::newRow("expires_in string")
        << 201 << json
        << QByteArray(R"({"token_type":"Bearer","expires_in":"3600","access_token":"t"})") << true
        << "t" << qint64(3600) << QStringList();
    QTest::newRow("expires_in garbage")
        << 200 << json
        << QByteArray(R"({"token_type":"Bearer","expires_in":"soon","access_token":"t"})") << true
        << "t" << qint64(-1) << QStringList();
    QTest::newRow("expires_in negative")
        << 200 << json
        << QByteArray(R"({"token_type":"Bearer","expires_in":-5,"access_token":"t"})") << true
        << "t" << qint64(-1) << QStringList();
    QTest::newRow("token_type missing")
        << 200 << json << QByteArray(R"({"access_token":"t","expires_in":10})") << true << "t"
        << qint64(10) << QStringList();
    QTest::newRow("wrong content type still JSON")
        << 200 << QByteArray("text/plain") << QByteArray(R"({"access_token":"t"})") << true << "t"
        << qint64(-1) << QStringList();

    QTest::newRow("error json")
        << 401 << json
        << QByteArray(
               R"({"error":"invalid_client","error_description":"Client authentication failed","error_uri":"https://docs.example/errors"})")
        << false << "" << qint64(-1)
        << QStringList { "HTTP 401", "invalid_client", "Client authentication failed",
               "https://docs.example/errors" };
    QTest::newRow("error with 200") << 200 << json << QByteArray(R"({"error":"invalid_scope"})")
                                    << false << "" << qint64(-1) << QStringList { "invalid_scope" };
    QTest::newRow("error description with line break")
        << 400 << json
        << QByteArray(R"({"error":"invalid_request","error_description":"bad\r\nSet-Cookie: x"})")
        << false << "" << qint64(-1) << QStringList { "invalid_request", "bad Set-Cookie: x" };
    QTest::newRow("html proxy page")
        << 502 << QByteArray("text/html")
        << QByteArray("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad "
                      "Gateway</h1></body></html>")
        << false << "" << qint64(-1) << QStringList { "HTTP 502", "web page", "502 Bad Gateway" };
    QTest::newRow("html without type")
        << 200 << QByteArray() << QByteArray("<!DOCTYPE html><p>Sign in</p>") << false << ""
        << qint64(-1) << QStringList { "HTTP 200", "web page", "Sign in" };
    QTest::newRow("missing access_token")
        << 200 << json << QByteArray(R"({"token_type":"Bearer"})") << false << "" << qint64(-1)
        << QStringList { "no access_token" };
    QTest::newRow("access_token not a string")
        << 200 << json << QByteArray(R"({"access_token":42})") << false << "" << qint64(-1)
        << QStringList { "no access_token" };
    QTest::newRow("access_token with CRLF")
        << 200 << json << QByteArray(R"({"access_token":"a\r\nX-Evil: 1"})") << false << ""
        << qint64(-1) << QStringList { "line breaks" };
    QTest::newRow("not bearer") << 200 << json
                                << QByteArray(R"({"access_token":"t","token_type":"mac"})") << false
                                << "" << qint64(-1) << QStringList { "\"mac\"", "only Bearer" };
    QTest::newRow("5xx json without error")
        << 500 << json << QByteArray(R"({"message":"Server Error"})") << false << "" << qint64(-1)
        << QStringList { "HTTP 500", "Server Error" };
    QTest::newRow("empty body") << 200 << json << QByteArray("  ") << false << "" << qint64(-1)
                                << QStringList { "empty body" };
    QTest::newRow("garbage") << 200 << json << QByteArray("\x01\x02garbage{") << false << ""
                             << qint64(-1) << QStringList { "not a JSON object" };
    QTest::newRow("json array") << 200 << json << QByteArray("[1,2]") << false << "" << qint64(-1)
                                << QStringList { "not a JSON object" };
    QTest::newRow("truncated json") << 200 << json << QByteArray(R"({"access_token":"t)") << false
                                    << "" << qint64(-1) << QStringList { "not a JSON object" };
}

void TestTokenResponseParser::parse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, token);
    QFETCH(qint64, expiresIn);
    QFETCH(QStringList, errorParts);

    const QDateTime received = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const Result<AccessToken> result
        = TokenResponseParser::parse(status, contentType, body, received);
    QCOMPARE(result.ok(), ok);
    if (ok) {
        QCOMPARE(result->value, token);
        QCOMPARE(result->type, QString("Bearer"));
        if (expiresIn < 0)
            QVERIFY(!result->expiresAt.isValid());
        else
            QCOMPARE(received.secsTo(result->expiresAt), expiresIn);
        return;
    }
    QVERIFY(!result.error().isEmpty());
    QVERIFY2(
        !result.error().contains(QLatin1Char('\n')) && !result.error().contains(QLatin1Char('\r')),
        qPrintable(result.error()));
    QVERIFY2(!result.error().contains(QLatin1Char('<')), qPrintable(result.error()));
    for (const QString &part : errorParts)
        QVERIFY2(result.error().contains(part), qPrintable(result.error() + " lacks " + part));
}

QTEST_GUILESS_MAIN(TestTokenResponseParser)
#include "TestTokenResponseParser.moc"
