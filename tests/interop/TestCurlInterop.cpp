// Interop with curl itself. Each row is a curl command as people paste it; three clients send it to
// the loopback test server (a process that logs the exact request it received):
//   1. the real curl, running the command as written (through bash);
//   2. `api-playground run` of the collection `api-playground convert - --to postman` made of it;
//   3. the real curl, running the command `api-playground convert - --to curl` exported.
// All three must agree on the wire: method, path, query, body, and every header that is not a
// client's own signature (User-Agent, Accept, Accept-Encoding, Accept-Language, Connection).
// A last check: import → export → import of a command is stable.
#include "tests/interop/InteropSupport.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using Playground::Test::comparable;
using Playground::Test::describe;

namespace {

using ProcessResult = Playground::Test::ClientRun;

ProcessResult runProcess(const QString &program, const QStringList &args, const QByteArray &input,
    const QString &workingDirectory)
{
    return Playground::Test::runClient(program, args, input, workingDirectory);
}

} // namespace

class TestCurlInterop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sameBytesAsCurl_data();
    void sameBytesAsCurl();
    void exportedBodySendsTheSameBytes_data();
    void exportedBodySendsTheSameBytes();
    void roundTripIsStable_data();
    void roundTripIsStable();

private:
    QList<QJsonObject> send(const QByteArray &shellCommand);

    QTemporaryDir m_dir;
    Playground::Test::LoggingServer m_server;
    QString m_base;
    QString m_curl;
};

void TestCurlInterop::initTestCase()
{
    m_curl = QStandardPaths::findExecutable("curl");
    QVERIFY2(!m_curl.isEmpty(), "curl is not installed (packaging/setup.sh test installs it)");
    QVERIFY(m_dir.isValid());
    const QString problem = m_server.start(m_dir.path());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_base = m_server.base();
}

void TestCurlInterop::cleanupTestCase()
{
    m_server.stop();
}

QList<QJsonObject> TestCurlInterop::send(const QByteArray &shellCommand)
{
    // bash: the commands people paste use its $'…' quoting (dash would send "$" literally).
    const ProcessResult r = runProcess("/bin/bash",
        { "-c", QString::fromUtf8(shellCommand) + " -sS -o /dev/null" }, {}, m_dir.path());
    if (!r.ran || r.exitCode != 0)
        qWarning("curl failed: %s", r.err.constData());
    return m_server.takeNew();
}

void TestCurlInterop::sameBytesAsCurl_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("vars"); // secrets `run` needs (they never go into the file)
    QTest::newRow("GET with query")
        << "curl '{BASE}/echo/items?q=hello%20world&lang=en'" << QStringList {};
    QTest::newRow("POST JSON, bearer (Chrome form)")
        << "curl '{BASE}/echo/campaigns' \\\n  -H 'accept: application/json' \\\n  -H "
           "'authorization: Bearer s3cr3t-t0ken' \\\n  -H 'content-type: application/json' \\\n  "
           "--data-raw '{\"name\":\"Spring\",\"tags\":[\"a\",\"b\"]}' \\\n  --compressed"
        << QStringList { "token=s3cr3t-t0ken" };
    QTest::newRow("-d joined with &")
        << "curl -d a=1 -d 'b=two words' {BASE}/echo/form" << QStringList {};
    QTest::newRow("--data-urlencode") << "curl --data-urlencode 'q=a b&c=d+é' --data-urlencode "
                                         "=x/y {BASE}/echo/enc"
                                      << QStringList {};
    QTest::newRow("-G moves data to the query")
        << "curl -G -d limit=5 --data-urlencode 'name=Jo Do' {BASE}/echo/search" << QStringList {};
    QTest::newRow("basic auth, PUT, $'…' body")
        << "curl -u 'ann:p@ss:w' -X PUT -H 'X-Trace: 1' --data-binary $'line1\\nline \"2\"\\ttab' "
           "{BASE}/echo/items/7"
        << QStringList { "password=p@ss:w" };
    QTest::newRow("agent, referer, cookie, empty header")
        << "curl -A 'Agent/1.0' -e https://example.test/page -b 'sid=abc; theme=dark' -H "
           "'X-Empty;' {BASE}/echo/misc"
        << QStringList { "cookie=sid=abc; theme=dark" }; // a session cookie is a secret
    QTest::newRow("DELETE with unicode JSON (--json)")
        << "curl -X DELETE --json '{\"note\":\"café ☕\"}' {BASE}/echo/items/9" << QStringList {};
    QTest::newRow("combined short options")
        << "curl -sSLXPATCH -HX-A:b -d'k=v' {BASE}/echo/p" << QStringList {};
    QTest::newRow("urlencoded, reserved and non-ASCII")
        << R"(curl --data-urlencode 'msg=héllo wörld & more=yes; 100%' -d 'x=%41&y=a+b' {BASE}/echo/urlenc)"
        << QStringList {};
    QTest::newRow("unicode header values")
        << R"(curl -H 'X-Name: Zoë ☕ 東京' -H 'X-Quote: "a" '\''b'\''' {BASE}/echo/uni)"
        << QStringList {};
    QTest::newRow("bytes that need $'…' quoting")
        << R"(curl -H $'X-Tab: a\tb' --data-binary $'tab\there\x01\x7f \'q\' back\\slash\r\nCRLF' {BASE}/echo/quoting)"
        << QStringList {};
    QTest::newRow("binary body (not UTF-8)")
        << R"(curl -H 'Content-Type: application/octet-stream' --data-binary $'\xff\xfe\x80\x81bin\xc3' {BASE}/echo/bin)"
        << QStringList {};
}

void TestCurlInterop::exportedBodySendsTheSameBytes_data()
{
    // Bodies a curl command cannot import (files are never read on import) but a collection
    // sends: the exported command must send the same bytes as `run` (boundary included).
    QTest::addColumn<QByteArray>("body"); // the Postman "body" object; {FILE} is a file's path
    QTest::newRow("multipart with a file and unicode text")
        << QByteArray(R"({"mode":"formdata","formdata":[{"key":"note","value":"café ☕",
            "type":"text"},{"key":"doc","src":"{FILE}","type":"file"}]})");
    QTest::newRow("binary file body") << QByteArray(R"({"mode":"file","file":{"src":"{FILE}"}})");
}

void TestCurlInterop::exportedBodySendsTheSameBytes()
{
    QFETCH(QByteArray, body);
    const QString binary = Playground::Test::playgroundBinary();
    const QByteArray content("line one\nNUL:\0 high:\xff\xfe end\n", 29);
    QFile file(m_dir.filePath("upload.bin"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    body.replace("{FILE}", file.fileName().toUtf8());
    const QByteArray collection
        = R"({"info":{"name":"u","schema":"https://schema.getpostman.com/json/collection/v2.1.0/)"
          R"(collection.json"},"item":[{"name":"up","request":{"method":"POST","url":")"
        + m_base.toUtf8() + R"(/echo/upload","body":)" + body + "}}]}";
    QFile c(m_dir.filePath("upload.postman_collection.json"));
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write(collection);
    c.close();

    const ProcessResult ran = runProcess(binary, { "run", c.fileName() }, {}, m_dir.path());
    QVERIFY2(ran.ran && ran.exitCode == 0, ran.err.constData());
    const QList<QJsonObject> ours = m_server.takeNew();
    QCOMPARE(ours.size(), 1);
    QVERIFY(QByteArray::fromBase64(ours.first().value("bodyBase64").toString().toLatin1())
                .contains(content));
    const ProcessResult exported = runProcess(
        binary, { "convert", c.fileName(), "--to", "curl", "--include-secrets" }, {}, m_dir.path());
    QVERIFY2(exported.ran && exported.exitCode == 0, exported.err.constData());
    const QList<QJsonObject> theirs = send(exported.out.trimmed());
    QCOMPARE(theirs.size(), 1);
    const auto a = comparable(ours.first());
    const auto b = comparable(theirs.first());
    QVERIFY2(a == b,
        qPrintable("run:\n" + describe(a) + "\n\nexported command:\n" + describe(b) + "\n\n"
            + QString::fromUtf8(exported.out)));
}

void TestCurlInterop::roundTripIsStable_data()
{
    // The rows above, and more of what people really paste.
    sameBytesAsCurl_data();
    QTest::newRow("Chrome: Copy as cURL (bash)")
        << R"(curl 'https://api.example.com/v1/items?page=2&sort=-created' \
  -H 'authority: api.example.com' \
  -H 'accept: application/json, text/plain, */*' \
  -H 'accept-language: en-US,en;q=0.9,fr;q=0.8' \
  -H 'cookie: _ga=GA1.1.123; theme=dark' \
  -H 'sec-ch-ua: "Chromium";v="118", "Not=A?Brand";v="99"' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36' \
  --compressed)"
        << QStringList {};
    QTest::newRow("Chrome: $'…' body with a quote") << R"(curl 'https://api.example.com/v1/people' \
  -H 'content-type: application/json' \
  --data-raw $'{"name":"O\'Brien","note":"a\\nb"}' \
  --compressed)" << QStringList {};
    QTest::newRow("Firefox: Copy as cURL")
        << R"(curl 'https://api.example.com/v1/items' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/119.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br' -H 'Content-Type: application/json' -H 'Origin: https://app.example.com' -H 'Connection: keep-alive' -H 'Sec-Fetch-Mode: cors' --data-raw '{"a":1,"b":[true,null]}')"
        << QStringList {};
    QTest::newRow("-G with --data-urlencode and -u")
        << R"(curl -G https://api.example.com/search --data-urlencode 'q=a b&c' -d limit=5 -u 'me:p w')"
        << QStringList {};
    QTest::newRow("-F fields")
        << R"(curl -F 'name=Ann Lee' -F 'tags=a;b' -F note=x https://api.example.com/forms)"
        << QStringList {};
    QTest::newRow("line continuations, double quotes, tabs")
        << "curl \\\n\t--request PUT \\\n\t--url \"https://api.example.com/v1/x/1\" \\\n\t"
           "--header \"X-A: \\\"q\\\"\" \\\n\t--data \"{\\\"k\\\": 1}\""
        << QStringList {};
}

void TestCurlInterop::sameBytesAsCurl()
{
    QFETCH(QString, command);
    QFETCH(QStringList, vars);
    const QByteArray cmd = command.replace("{BASE}", m_base).toUtf8();
    const QString binary = Playground::Test::playgroundBinary();

    // 1. curl runs the command as written.
    const QList<QJsonObject> theirs = send(cmd);
    QCOMPARE(theirs.size(), 1);

    // 2. convert to a collection; run it.
    static int serial = 0;
    const QString collection = m_dir.filePath(QString("c%1.postman_collection.json").arg(++serial));
    const ProcessResult converted = runProcess(
        binary, { "convert", "-", "--to", "postman", "-o", collection }, cmd, m_dir.path());
    QVERIFY2(converted.ran && converted.exitCode == 0, converted.err.constData());
    QStringList runArgs { "run", collection };
    for (const QString &v : vars)
        runArgs << "--var" << v;
    const ProcessResult ran = runProcess(binary, runArgs, {}, m_dir.path());
    QVERIFY2(ran.ran && ran.exitCode == 0, ran.err.constData());
    const QList<QJsonObject> ours = m_server.takeNew();
    QCOMPARE(ours.size(), 1);

    // 3. export as curl (secrets included: this is the user's own machine), curl runs it.
    const ProcessResult exported = runProcess(
        binary, { "convert", "-", "--to", "curl", "--include-secrets" }, cmd, m_dir.path());
    QVERIFY2(exported.ran && exported.exitCode == 0, exported.err.constData());
    QVERIFY(exported.out.startsWith("curl "));
    const QList<QJsonObject> again = send(exported.out.trimmed());
    QCOMPARE(again.size(), 1);

    const auto a = comparable(theirs.first());
    const auto b = comparable(ours.first());
    const auto c = comparable(again.first());
    QVERIFY2(
        a == b, qPrintable("curl:\n" + describe(a) + "\n\napi-playground run:\n" + describe(b)));
    QVERIFY2(a == c,
        qPrintable("curl:\n" + describe(a) + "\n\nexported command:\n" + describe(c) + "\n\n"
            + QString::fromUtf8(exported.out)));
}

void TestCurlInterop::roundTripIsStable()
{
    QFETCH(QString, command);
    const QByteArray cmd = command.replace("{BASE}", m_base).toUtf8();
    const QString binary = Playground::Test::playgroundBinary();
    const ProcessResult once = runProcess(
        binary, { "convert", "-", "--to", "curl", "--include-secrets" }, cmd, m_dir.path());
    QVERIFY2(once.ran && once.exitCode == 0, once.err.constData());
    const ProcessResult twice = runProcess(
        binary, { "convert", "-", "--to", "curl", "--include-secrets" }, once.out, m_dir.path());
    QVERIFY2(twice.ran && twice.exitCode == 0, twice.err.constData());
    QCOMPARE(QString::fromUtf8(twice.out), QString::fromUtf8(once.out));
}

QTEST_GUILESS_MAIN(TestCurlInterop)
#include "TestCurlInterop.moc"
