// `convert` never writes a credential as text unless asked: headers, query and form fields and auth
// fields holding one become secret {{variables}} in every output format.
#include "tests/support/PlaygroundProcess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Playground::Test::ProcessResult;
using Playground::Test::runPlayground;

class TestConvertRedaction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noCredentialAsText_data();
    void noCredentialAsText();
};

void TestConvertRedaction::noCredentialAsText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("name");
    QTest::newRow("curl") << QStringLiteral(
        "curl -H 'Authorization: Bearer TOKSECRET2' -H 'X-Api-Key: KEYSECRET3' "
        "-H 'X-Custom-Token: CUSTSECRET4' "
        "'https://api.example.com/x?access_token=QSECRET5&api_key=QSECRET6' "
        "--cookie 'session=COOKSECRET7' -d 'password=BODYSECRET8&client_secret=BODYSECRET9'")
                          << QStringLiteral("c.txt");
    QTest::newRow("postman with literal auth") << QStringLiteral(
        R"({"info":{"name":"p","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"auth":{"type":"bearer","bearer":[{"key":"token","value":"LITERALSECRET2"}]},
"item":[{"name":"k","request":{"method":"GET","url":"https://api.example.com/k",
"auth":{"type":"apikey","apikey":[{"key":"key","value":"X-Key"},{"key":"value","value":"APIKEYSECRET3"}]}}},
{"name":"o","request":{"method":"GET","url":"https://api.example.com/o",
"auth":{"type":"oauth2","oauth2":[{"key":"accessToken","value":"ATSECRET5"},{"key":"clientSecret","value":"CSSECRET4"}]}}}]})")
                                               << QStringLiteral("p.postman_collection.json");
    // A plain variable an auth refers to: its value is the credential.
    QTest::newRow("postman with a credential in a plain variable") << QStringLiteral(
        R"({"info":{"name":"v","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"variable":[{"key":"tok","value":"VARSECRET2"},{"key":"pw","value":"VARSECRET3"}],
"auth":{"type":"bearer","bearer":[{"key":"token","value":"{{tok}}"}]},
"item":[{"name":"b","request":{"method":"GET","url":"https://api.example.com/b"}},
{"name":"c","request":{"method":"GET","url":"https://api.example.com/c",
"auth":{"type":"basic","basic":[{"key":"username","value":"ann"},{"key":"password","value":"{{pw}}"}]}}}]})")
                                                                   << QStringLiteral(
                                                                          "v.postman_collection."
                                                                          "json");
    // A password in the URL, typed or made from a Host header: basic auth, the password a secret.
    QTest::newRow(".http with passwords in URLs")
        << QStringLiteral("GET https://bob:URLSECRET2@api.example.com/a\n\n###\n"
                          "GET /b\nHost: ann:HOSTSECRET3@api.example.com\n")
        << QStringLiteral("u.http");
    // Shell syntax in a credential is said without quoting the credential.
    QTest::newRow("curl with shell syntax in credentials") << QStringLiteral(
        "curl -u \"alice:pa$SWORDSECRET2\" -H \"Authorization: Bearer "
        "tok$(x)SECRET3\" -H \"X-Api-Key: key`y`SECRET4\" "
        "-b \"sid=$COOKIESECRET5\" "
        "\"https://api.example.com/?api_key=QSECRET6$Z\"") << QStringLiteral("s.txt");
    QTest::newRow(".http header line that is not a header") << QStringLiteral(
        "GET https://api.example.com/h\nAuthorization Bearer HDRSECRET2\n"
        "X-Token: TOKSECRET3\n") << QStringLiteral("h.http");
}

void TestConvertRedaction::noCredentialAsText()
{
    QFETCH(QString, input);
    QFETCH(QString, name);
    QTemporaryDir dir;
    QFile file(dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(input.toUtf8());
    file.close();
    for (const QString &to : { QStringLiteral("postman"), QStringLiteral("curl"),
             QStringLiteral("http"), QStringLiteral("har") }) {
        const ProcessResult r = runPlayground({ "convert", file.fileName(), "--to", to });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.out.contains("SECRET"), qPrintable(to + ": " + QString::fromUtf8(r.out)));
        QVERIFY2(!r.err.contains("SECRET"), r.err.constData());
    }
    // Asked for, they are written.
    const ProcessResult all
        = runPlayground({ "convert", file.fileName(), "--to", "curl", "--include-secrets" });
    QCOMPARE(all.exitCode, 0);
    QVERIFY2(all.out.contains("SECRET"), all.out.constData());
}

QTEST_GUILESS_MAIN(TestConvertRedaction)
#include "TestConvertRedaction.moc"
