// cURL import: what people paste (terminal, Chrome/Firefox "Copy as cURL", cmd and PowerShell
// forms) becomes the request curl would send; shell syntax is never run and no file is read.
#include "app/formats/CurlImporter.h"
#include "app/formats/PastedRequest.h"
#include "app/formats/ShellWords.h"
#include "app/model/ByteText.h"

#include <QTest>

using namespace Playground;

namespace {

QString headersOf(const RequestSpec &r)
{
    QStringList out;
    for (const KeyValue &h : r.headers)
        out.append(h.key + ": " + h.value);
    return out.join(" | ");
}

} // namespace

class TestCurlImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("headers");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("warning"); // a substring of one warning, or empty: none

        QTest::newRow("plain GET") << "curl https://x.test/a?b=1"
                                   << "GET"
                                   << "https://x.test/a?b=1"
                                   << ""
                                   << ""
                                   << "";
        QTest::newRow("chrome bash form")
            << "curl 'https://x.test/v1' \\\n  -H 'accept: */*' \\\n  --data-raw '{\"a\":1}' \\\n "
               " --compressed"
            << "POST"
            << "https://x.test/v1"
            << "accept: */* | Content-Type: application/x-www-form-urlencoded"
            << "{\"a\":1}"
            << "";
        QTest::newRow("cmd form") << "curl ^\n  -X PUT ^\n  \"https://x.test/c\""
                                  << "PUT"
                                  << "https://x.test/c"
                                  << ""
                                  << ""
                                  << "";
        QTest::newRow("ansi-c quoting") << "curl -d $'a\\nb\\x41\\u00e9\\'' https://x.test"
                                        << "POST"
                                        << "https://x.test"
                                        << "Content-Type: application/x-www-form-urlencoded"
                                        << "a\nbAé'"
                                        << "";
        // Bytes that are not UTF-8 are kept (ByteText: U+DC00 + byte) and said.
        QTest::newRow("binary bytes in a body")
            << "curl --data-binary $'\\xff\\xfeA\\x80' https://x.test"
            << "POST"
            << "https://x.test"
            << "Content-Type: application/x-www-form-urlencoded"
            << QString(QChar(0xDCFF)) + QChar(0xDCFE) + QLatin1Char('A') + QChar(0xDC80)
            << "Bytes that are not UTF-8 text in the value of --data-binary (line 1): they are "
               "kept and sent as written";
        QTest::newRow("a Latin-1 header value")
            << "curl -H $'X-Name: Jos\\xe9' https://x.test"
            << "GET"
            << "https://x.test" << QStringLiteral("X-Name: Jos") + QChar(0xDCE9) << ""
            << "Bytes that are not UTF-8 text in the value of -H (line 1): they";
        QTest::newRow("UTF-8 written as \\x escapes")
            << "curl -d $'caf\\xc3\\xa9' https://x.test"
            << "POST"
            << "https://x.test"
            << "Content-Type: application/x-www-form-urlencoded" << QStringLiteral("caf\u00e9")
            << "";
        QTest::newRow("double quotes and escapes")
            << "curl -H \"X-Q: \\\"q\\\" \\\\ \\$\" https://x.test"
            << "GET"
            << "https://x.test"
            << "X-Q: \"q\" \\ $"
            << ""
            << "";
        QTest::newRow("-d joined with &, -X kept")
            << "curl -X PATCH -d a=1 -d b=2 https://x.test"
            << "PATCH"
            << "https://x.test"
            << "Content-Type: application/x-www-form-urlencoded"
            << "a=1&b=2"
            << "";
        QTest::newRow("-G") << "curl -G -d a=1 --data-urlencode 'b=c d' https://x.test/s"
                            << "GET"
                            << "https://x.test/s?a=1&b=c+d"
                            << ""
                            << ""
                            << "";
        QTest::newRow("-I") << "curl -I https://x.test"
                            << "HEAD"
                            << "https://x.test"
                            << ""
                            << ""
                            << "";
        QTest::newRow("--url, -A, -e, -b")
            << "curl --url https://x.test -A ua/1 -e https://r.test -b 'a=b'"
            << "GET"
            << "https://x.test"
            << "User-Agent: ua/1 | Referer: https://r.test | Cookie: a=b"
            << ""
            << "";
        QTest::newRow("$VAR stays literal") << "curl -H \"X-Home: $HOME\" https://x.test"
                                            << "GET"
                                            << "https://x.test"
                                            << "X-Home: $HOME"
                                            << ""
                                            << "kept literally";
        QTest::newRow("$(…) is never run") << "curl -d \"$(cat /etc/passwd)\" https://x.test"
                                           << "POST"
                                           << "https://x.test"
                                           << "Content-Type: application/x-www-form-urlencoded"
                                           << "$(cat /etc/passwd)"
                                           << "nothing was expanded or run";
        QTest::newRow("@file is never read") << "curl -d @/etc/passwd https://x.test"
                                             << "POST"
                                             << "https://x.test"
                                             << "Content-Type: application/x-www-form-urlencoded"
                                             << "@/etc/passwd"
                                             << "nothing was read";
        QTest::newRow("-k warns") << "curl -k https://x.test"
                                  << "GET"
                                  << "https://x.test"
                                  << ""
                                  << ""
                                  << "TLS certificate checks off";
        QTest::newRow("a second command is not read") << "curl https://x.test/a?x=1; rm -rf /"
                                                      << "GET"
                                                      << "https://x.test/a?x=1"
                                                      << ""
                                                      << ""
                                                      << "another shell command";
        QTest::newRow("unquoted & ends the command") << "curl https://x.test/a?x=1&y=2"
                                                     << "GET"
                                                     << "https://x.test/a?x=1"
                                                     << ""
                                                     << ""
                                                     << "Quote a URL";
        QTest::newRow("no scheme") << "curl example.test/x"
                                   << "GET"
                                   << "example.test/x"
                                   << ""
                                   << ""
                                   << "no scheme";
        QTest::newRow("prompt and path") << "$ /usr/bin/curl -sS https://x.test"
                                         << "GET"
                                         << "https://x.test"
                                         << ""
                                         << ""
                                         << "";
    }
    void reads()
    {
        QFETCH(QString, command);
        QFETCH(QString, method);
        QFETCH(QString, url);
        QFETCH(QString, headers);
        QFETCH(QString, body);
        QFETCH(QString, warning);
        const Result<ImportedRequest> r = CurlImporter::parse(command);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->request.method, method);
        QCOMPARE(r->request.url.raw(), url);
        QCOMPARE(headersOf(r->request), headers);
        QCOMPARE(r->request.body.raw, body);
        if (warning.isEmpty()) {
            QVERIFY2(r->warnings.isEmpty(), qPrintable(r->warnings.join('\n')));
        } else {
            QVERIFY2(r->warnings.join('\n').contains(warning), qPrintable(r->warnings.join('\n')));
        }
    }

    void credentialsBecomeSecretVariables_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("authType");
        QTest::addColumn<QString>("secretName");
        QTest::addColumn<QString>("secretValue");
        QTest::newRow("bearer header") << "curl -H 'Authorization: Bearer t0k' https://x.test"
                                       << "bearer"
                                       << "token"
                                       << "t0k";
        QTest::newRow("-u") << "curl -u ann:p:w https://x.test"
                            << "basic"
                            << "password"
                            << "p:w";
        QTest::newRow("basic header") << "curl -H 'Authorization: Basic YW5uOnB3' https://x.test"
                                      << "basic"
                                      << "password"
                                      << "pw";
        // Percent-decoded after the split; a byte that is not UTF-8 kept (ByteText).
        QTest::newRow("URL user info") << "curl https://ann:p%E4s%3As@x.test/a"
                                       << "basic"
                                       << "password" << QStringLiteral("p") + QChar(0xDCE4) + "s:s";
        QTest::newRow("other scheme") << "curl -H 'Authorization: Digest abc' https://x.test"
                                      << ""
                                      << "authorization"
                                      << "Digest abc";
    }
    void credentialsBecomeSecretVariables()
    {
        QFETCH(QString, command);
        QFETCH(QString, authType);
        QFETCH(QString, secretName);
        QFETCH(QString, secretValue);
        const Result<ImportedRequest> r = CurlImporter::parse(command);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->request.auth ? r->request.auth->type : QString(), authType);
        QCOMPARE(r->request.variables.size(), 1);
        QCOMPARE(r->request.variables.first().key, secretName);
        QVERIFY(r->request.variables.first().isSecret());
        QCOMPARE(r->request.variables.first().value, secretValue);
        // The secret itself is nowhere else in the request.
        QVERIFY(!headersOf(r->request).contains(secretValue));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("error");
        QTest::newRow("open single quote") << "curl 'https://x.test"
                                           << "line 1";
        QTest::newRow("open double quote on line 2") << "curl \\\n \"https://x.test"
                                                     << "line 2";
        QTest::newRow("not curl") << "wget https://x.test"
                                  << "not a curl command";
        QTest::newRow("no url") << "curl -X POST"
                                << "no URL";
        QTest::newRow("cmd caret escapes (Chrome's Copy as cURL (cmd))")
            << "curl ^\"https://x.test/a?b=1^&c=2^\" ^\n  --data-raw ^\"^{^\\^\"a^\\^\":1^}^\""
            << "Windows cmd syntax";
        QTest::newRow("Chrome's Copy as PowerShell")
            << "$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n"
               "Invoke-WebRequest -UseBasicParsing -Uri \"https://x.test/a\" -WebSession $session"
            << "PowerShell";
    }
    void refuses()
    {
        QFETCH(QString, command);
        QFETCH(QString, error);
        const Result<ImportedRequest> r = CurlImporter::parse(command);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(error), qPrintable(r.error()));
    }

    void hugeInputIsBounded()
    {
        const QString huge = "curl https://x.test -d '" + QString(ShellWords::MaxInput, 'a') + "'";
        QVERIFY(!CurlImporter::parse(huge).ok());
        const QString big = "curl https://x.test -d '" + QString(10 * 1024 * 1024, 'a') + "'";
        const Result<ImportedRequest> r = CurlImporter::parse(big);
        QVERIFY(r.ok());
        QCOMPARE(r->request.body.raw.size(), 10 * 1024 * 1024);
    }

    void quotingSurvivesAnyByte()
    {
        QByteArray all;
        for (int b = 1; b < 256; ++b)
            all += char(b);
        const QByteArray text = QString::fromUtf8(all).toUtf8();
        const auto split = ShellWords::split(QString::fromUtf8(ShellWords::quote(text)));
        QVERIFY(split.ok());
        QCOMPARE(split->words.size(), 1);
        QCOMPARE(split->words.first().text.toUtf8(), text);
    }

    void quotingKeepsBytesThatAreNotUtf8()
    {
        // Every byte, as a Latin-1 or binary word holds them: bash's $'…', printable text.
        QByteArray all;
        for (int b = 1; b < 256; ++b)
            all += char(b);
        all += "caf\xc3\xa9 \xf0\x9f\x99\x82";
        const QByteArray quoted = ShellWords::quote(all);
        QVERIFY(quoted.startsWith("$'"));
        QVERIFY(std::all_of(quoted.begin(), quoted.end(), [](char c) { return uchar(c) >= 0x20; }));
        QVERIFY(!ByteText::keepsBytes(ByteText::fromBytes(quoted))); // UTF-8 text
        QVERIFY(quoted.endsWith("caf\xc3\xa9 \xf0\x9f\x99\x82'")); // text stays readable
        const auto split = ShellWords::split(ByteText::fromBytes(quoted));
        QVERIFY(split.ok());
        QCOMPARE(split->words.size(), 1);
        QVERIFY(split->words.first().keepsBytes);
        QCOMPARE(ByteText::toBytes(split->words.first().text), all);
    }

    void pasteIntoTheUrlField()
    {
        QVERIFY(!PastedRequest::fromPaste("https://x.test/curl").has_value());
        QVERIFY(!PastedRequest::fromPaste("curling.test/x").has_value());
        const auto pasted = PastedRequest::fromPaste("  curl -X DELETE https://x.test/1");
        QVERIFY(pasted.has_value() && pasted->ok());
        QCOMPARE(pasted->value().request.method, QString("DELETE"));
        const auto broken = PastedRequest::fromPaste("curl 'https://x.test");
        QVERIFY(broken.has_value() && !broken->ok());
    }
};

QTEST_GUILESS_MAIN(TestCurlImport)
#include "TestCurlImport.moc"
