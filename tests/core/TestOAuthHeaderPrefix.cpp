// The oauth2 auth block's headerPrefix takes {{variables}} like every other field.
#include "app/send/SendSession.h"

#include <QTest>

using namespace Playground;

class TestOAuthHeaderPrefix : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void prefixIsTemplated_data();
    void prefixIsTemplated();
};

void TestOAuthHeaderPrefix::prefixIsTemplated_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("variable") << "{{scheme}}" << QByteArray("Token tok-123");
    QTest::newRow("literal") << "MAC" << QByteArray("MAC tok-123");
    QTest::newRow("empty is Bearer") << "" << QByteArray("Bearer tok-123");
}

void TestOAuthHeaderPrefix::prefixIsTemplated()
{
    QFETCH(QString, prefix);
    QFETCH(QByteArray, authorization);
    RequestSpec request;
    request.url = UrlSpec::fromRaw("https://api.example/v1/campaigns");
    AuthSpec auth;
    auth.type = "oauth2";
    auth.setParam("accessToken", "{{token}}");
    auth.setParam("headerPrefix", prefix);
    VariableScopes scopes;
    scopes.set("scheme", "Token");
    scopes.set("token", "tok-123");
    const auto resolved = SendSession::prepare(request, auth, scopes);
    QVERIFY2(resolved.ok(), qPrintable(resolved.error()));
    QByteArray sent;
    for (const HeaderPair &h : resolved->headers) {
        if (h.first == "Authorization")
            sent = h.second;
    }
    QCOMPARE(sent, authorization);
}

QTEST_GUILESS_MAIN(TestOAuthHeaderPrefix)
#include "TestOAuthHeaderPrefix.moc"
