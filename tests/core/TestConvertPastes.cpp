// `convert` on what people really paste or save: browser "Copy as cURL" forms, curl's empty
// header, .http files of VS Code REST Client / httpyac, a BOM, a redacted basic auth exported as
// curl. Each row asserts what the user sees: the written file, or the message and exit code.
#include "tests/support/PlaygroundProcess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Playground::Test::ProcessResult;
using Playground::Test::runPlayground;

class TestConvertPastes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void converts_data();
    void converts();
};

void TestConvertPastes::converts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArrayList>("written"); // each in stdout
    QTest::addColumn<QByteArrayList>("notWritten"); // none in stdout
    QTest::addColumn<QByteArray>("said"); // in stderr ("" : no warning at all)

    QTest::newRow("http: a GRAPHQL request is a GraphQL body sent by POST")
        << "g.http"
        << QByteArray("GRAPHQL https://x.test/graphql\n\nquery Q($n: Int) {\n  a(n: $n)\n}\n\n"
                      "{\"n\": 3}\n")
        << "curl" << 0
        << QByteArrayList { "--header 'Content-Type: application/json'",
               "--data-raw '{\"query\":\"query Q($n: Int) {\\n  a(n: "
               "$n)\\n}\",\"variables\":{\"n\": 3}}'" }
        << QByteArrayList { "GRAPHQL" } << QByteArray();
    QTest::newRow("http: form fields over several lines are one body")
        << "f.http"
        << QByteArray(
               "POST https://x.test/form\nContent-Type: application/x-www-form-urlencoded\n\n"
               "a=1\n  &b=2\n")
        << "curl" << 0 << QByteArrayList { "--data-raw 'a=1&b=2'" } << QByteArrayList {}
        << QByteArray();
    QTest::newRow("curl: -H 'X-Empty;' is an empty header, not null")
        << "c.sh" << QByteArray("curl -H 'X-Empty;' https://x.test/a\n") << "postman" << 0
        << QByteArrayList { "\"key\": \"X-Empty\"", "\"value\": \"\"" } << QByteArrayList { "null" }
        << QByteArray();
    QTest::newRow("curl: -A '' removes the User-Agent, as in curl")
        << "c.sh" << QByteArray("curl -A '' https://x.test/a\n") << "postman" << 0
        << QByteArrayList { "https://x.test/a" } << QByteArrayList { "null", "User-Agent" }
        << QByteArray("removes the User-Agent");
    QTest::newRow("http: an empty header is empty, not null")
        << "r.http" << QByteArray("GET https://x.test/a\nX-Empty:\n") << "postman" << 0
        << QByteArrayList { "\"key\": \"X-Empty\"", "\"value\": \"\"" } << QByteArrayList { "null" }
        << QByteArray();
    QTest::newRow("curl: Chrome's cmd form is refused, not turned into garbage")
        << "c.txt"
        << QByteArray("curl \"http://x.test/win?a=1^&b=2\" ^\n  -H \"accept: application/json\" ^\n"
                      "  --data-raw ^\"^{^\\^\"name^\\^\":1^}^\" ^\n  --compressed\n")
        << "postman" << 2 << QByteArrayList {} << QByteArrayList {}
        << QByteArray("Windows cmd syntax");
    QTest::newRow("curl: cmd escaped quotes on one line are refused")
        << "c.txt" << QByteArray("curl ^\"https://x.test/a^\" -H ^\"a: b^\"\n") << "postman" << 2
        << QByteArrayList {} << QByteArrayList {} << QByteArray("copy as cURL (bash)");
    QTest::newRow("curl: PowerShell's curl alias is refused")
        << "c.txt" << QByteArray("curl -Uri https://x.test/a -Method POST\n") << "postman" << 2
        << QByteArrayList {} << QByteArrayList {} << QByteArray("PowerShell");
    QTest::newRow("curl: Chrome's authority header is no secret; :authority is dropped")
        << "c.sh"
        << QByteArray("curl 'https://api.example.com/a' -H 'authority: api.example.com' "
                      "-H ':authority: api.example.com' -H 'X-Author: ann'\n")
        << "postman" << 0
        << QByteArrayList { "\"value\": \"api.example.com\"", "\"value\": \"ann\"" }
        << QByteArrayList { "{{authority}}", "{{xAuthor}}", "\":authority" }
        << QByteArray("pseudo-header");
    QTest::newRow("curl: a redacted basic auth exported as curl shows its placeholder")
        << "c.sh" << QByteArray("curl -u 'user:pa:ss' http://127.0.0.1:9/auth\n") << "curl" << 0
        << QByteArrayList { "--user 'user:<password>'" }
        << QByteArrayList { "Authorization", "pa:ss" } << QByteArray();
    QTest::newRow("http: dynamic variables with arguments keep their request")
        << "r.http"
        << QByteArray("GET https://x.test/items?r={{$randomInt 1 10}}&t={{$timestamp -1 d}}\n"
                      "X-When: {{$datetime iso8601}}\nX-Id: {{$guid}}\n")
        << "postman" << 0
        << QByteArrayList { "{{$randomInt 1 10}}", "{{$datetime iso8601}}", "{{$guid}}" }
        << QByteArrayList {} << QByteArray("r.http:1: {{$randomInt 1 10}}");
    QTest::newRow("http: lower-case method is upper-cased")
        << "r.http" << QByteArray("get https://x.test/lower\n") << "curl" << 0
        << QByteArrayList { "curl --globoff \\\n  https://x.test/lower" }
        << QByteArrayList { "get" } << QByteArray();
    QTest::newRow("http: a path with a Host header is a URL (the scheme by its port)")
        << "r.http"
        << QByteArray("GET /api/users?page=2 HTTP/1.1\nHost: example.com\n\n###\n"
                      "POST /login\nhost: example.com:8443\n\n{}\n\n###\n"
                      "GET /c\nHost: 127.0.0.1:8080\n")
        << "curl" << 0
        << QByteArrayList { "'https://example.com/api/users?page=2'",
               "https://example.com:8443/login", "http://127.0.0.1:8080/c" }
        << QByteArrayList { "Host:", "host:" }
        << QByteArray("r.http:1: the URL is a path and a Host header; https:// was assumed");
    QTest::newRow("http: a path without a Host header is said")
        << "r.http" << QByteArray("GET /alone\n") << "postman" << 0 << QByteArrayList { "/alone" }
        << QByteArrayList {}
        << QByteArray("r.http:1: the URL /alone has no host and no Host header");
    QTest::newRow("http: Basic user password shorthand is basic auth")
        << "r.http" << QByteArray("GET http://127.0.0.1:9/b1\nAuthorization: Basic alice s3cret\n")
        << "postman" << 0
        << QByteArrayList { "\"type\": \"basic\"", "\"value\": \"alice\"",
               "\"value\": \"{{password}}\"" }
        << QByteArrayList { "s3cret", "Basic alice" } << QByteArray("password");
    QTest::newRow("http: Basic user:password shorthand is basic auth")
        << "r.http" << QByteArray("GET http://127.0.0.1:9/b2\nAuthorization: Basic alice:s3cret\n")
        << "curl" << 0 << QByteArrayList { "--user 'alice:<password>'" }
        << QByteArrayList { "s3cret" } << QByteArray();
    QTest::newRow("http: Basic shorthand with a variable password keeps the reference")
        << "r.http"
        << QByteArray(
               "@pw = hunter2\nGET http://127.0.0.1:9/b3\nAuthorization: Basic alice {{pw}}\n")
        << "postman" << 0 << QByteArrayList { "\"value\": \"{{pw}}\"" }
        << QByteArrayList { "hunter2", "{{password}}" } << QByteArray("pw");
    QTest::newRow("postman: a URL password under an inherited auth is left out, that auth sent")
        << "p.postman_collection.json"
        << QByteArray(R"({"info":{"name":"p"},"auth":{"type":"bearer","bearer":[{"key":"token",)"
                      R"("value":"{{tok}}"}]},"item":[{"name":"x","request":{"method":"GET",)"
                      R"("url":"https://bob:pw123456@api.example.com/x"}}]})")
        << "curl" << 0
        << QByteArrayList { "--header 'Authorization: Bearer <tok>'", "https://api.example.com/x" }
        << QByteArrayList { "pw123456", "bob", "--user" }
        << QByteArray("x: the user name and password in the URL were left out");
    QTest::newRow("http: a URL password is basic auth, out of the URL")
        << "r.http" << QByteArray("GET https://b%3Ab:p%E4ss%40x@api.example.com/y\n") << "curl" << 0
        << QByteArrayList { "--user 'b:b:<password>'", "https://api.example.com/y" }
        << QByteArrayList { "p%E4ss", "@api" } << QByteArray("password");
    QTest::newRow("http: a BOM is no 'not UTF-8' warning")
        << "r.http" << QByteArray("\xEF\xBB\xBFGET https://x.test/bom\n") << "curl" << 0
        << QByteArrayList { "https://x.test/bom" } << QByteArrayList { "\xEF\xBB\xBF" }
        << QByteArray();
    QTest::newRow("curl: a BOM is no 'not UTF-8' warning")
        << "c.sh"
        << QByteArray("\xEF\xBB\xBF"
                      "curl https://x.test/bom\n")
        << "curl" << 0 << QByteArrayList { "https://x.test/bom" }
        << QByteArrayList { "\xEF\xBB\xBF" } << QByteArray();
}

void TestConvertPastes::converts()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, input);
    QFETCH(QString, to);
    QFETCH(int, exitCode);
    QFETCH(QByteArrayList, written);
    QFETCH(QByteArrayList, notWritten);
    QFETCH(QByteArray, said);
    QTemporaryDir dir;
    QFile file(dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(input);
    file.close();
    const ProcessResult r = runPlayground({ "convert", file.fileName(), "--to", to });
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    for (const QByteArray &w : written)
        QVERIFY2(r.out.contains(w), (w + "\nnot in:\n" + r.out).constData());
    for (const QByteArray &w : notWritten)
        QVERIFY2(!r.out.contains(w), (w + "\nin:\n" + r.out).constData());
    if (said.isEmpty())
        QVERIFY2(r.err.isEmpty(), r.err.constData());
    else
        QVERIFY2(r.err.contains(said), r.err.constData());
    if (exitCode == 2)
        QVERIFY2(r.err.startsWith("api-playground convert: " + file.fileName().toUtf8() + ":1: "),
            r.err.constData());
}

QTEST_GUILESS_MAIN(TestConvertPastes)
#include "TestConvertPastes.moc"
