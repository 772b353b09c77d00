// `convert` and `run` on files that are not UTF-8: Windows writes UTF-16 (PowerShell's `>`,
// Notepad's "Unicode"), old editors Latin-1. A Unicode file converts exactly as its UTF-8 twin
// does; bytes that are not UTF-8 reach the server, and the exported file, as the input wrote them.
#include "tests/support/PlaygroundProcess.h"
#include "tests/support/TestServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using Playground::Test::ProcessResult;
using Playground::Test::RecordedRequest;
using Playground::Test::Reply;
using Playground::Test::runPlayground;
using Playground::Test::TestServer;

namespace {

QByteArray encoded(const QByteArray &utf8, QStringConverter::Encoding encoding, bool bom)
{
    QStringEncoder encoder(
        encoding, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
    return encoder.encode(QString::fromUtf8(utf8));
}

QString written(QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return file.fileName();
}

const QByteArray HttpFile = "### caf\xc3\xa9\nPOST https://x.test/a?q=\xc3\xa9t\xc3\xa9\n"
                            "Accept: application/json\nX-Smile: \xf0\x9f\x99\x82\n\n"
                            "{\"name\": \"Jos\xc3\xa9\"}\n";
const QByteArray CurlFile = "curl 'https://x.test/caf\xc3\xa9' -H 'X-Smile: \xf0\x9f\x99\x82' "
                            "-d 'name=Jos\xc3\xa9'\n";
const QByteArray PostmanFile
    = "{\"info\":{\"name\":\"p\",\"schema\":\"https://schema.getpostman.com/json/collection/v2.1.0/"
      "collection.json\"},\"item\":[{\"name\":\"caf\xc3\xa9\",\"request\":{\"method\":\"PUT\","
      "\"url\":\"https://x.test/"
      "p\",\"header\":[{\"key\":\"X-Smile\",\"value\":\"\xf0\x9f\x99\x82\"}],"
      "\"body\":{\"mode\":\"raw\",\"raw\":\"Jos\xc3\xa9\"}}}]}";

} // namespace

class TestConvertEncodings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unicodeConvertsLikeUtf8_data();
    void unicodeConvertsLikeUtf8();
    void unicodeOnStdin();
    void latin1HttpFileSendsItsBytes();
    void latin1CurlFileExportsItsBytes();
    void latin1CredentialsSendTheirBytes();
    void latin1SecretsGivenToRunAreSentAsGiven();
};

void TestConvertEncodings::unicodeConvertsLikeUtf8_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<QByteArray>("input");
    struct Form {
        const char *label;
        QStringConverter::Encoding encoding;
        bool bom;
    };
    const Form forms[] = {
        { "UTF-16LE with BOM", QStringConverter::Utf16LE, true },
        { "UTF-16BE with BOM", QStringConverter::Utf16BE, true },
        { "UTF-16LE without BOM", QStringConverter::Utf16LE, false },
        { "UTF-16BE without BOM", QStringConverter::Utf16BE, false },
        { "UTF-32LE with BOM", QStringConverter::Utf32LE, true },
        { "UTF-32BE with BOM", QStringConverter::Utf32BE, true },
        { "UTF-32LE without BOM", QStringConverter::Utf32LE, false },
        { "UTF-32BE without BOM", QStringConverter::Utf32BE, false },
        { "UTF-8 with BOM", QStringConverter::Utf8, true },
    };
    const struct {
        const char *label;
        const char *name;
        QByteArray utf8;
    } files[] = { { "http", "r.http", HttpFile }, { "curl", "c.txt", CurlFile },
        { "postman", "p.json", PostmanFile } };
    for (const auto &file : files) {
        for (const Form &form : forms)
            QTest::addRow("%s, %s", file.label, form.label) << QString::fromLatin1(
                file.name) << file.utf8 << encoded(file.utf8, form.encoding, form.bom);
    }
}

void TestConvertEncodings::unicodeConvertsLikeUtf8()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, utf8);
    QFETCH(QByteArray, input);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("twin"));
    const QString twin = written(dir, "twin/" + name, utf8); // the same name: the same collection
    const QString wide = written(dir, name, input);
    for (const QString &to :
        { QStringLiteral("curl"), QStringLiteral("http"), QStringLiteral("postman") }) {
        const ProcessResult expected = runPlayground({ "convert", twin, "--to", to });
        QVERIFY2(expected.exitCode == 0, expected.err.constData());
        const ProcessResult r = runPlayground({ "convert", wide, "--to", to });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        if (to == QLatin1String("postman")) { // a new _postman_id each time
            const auto withoutId = [](QByteArray json) {
                const qsizetype at = json.indexOf("\"_postman_id\"");
                return at < 0 ? json : json.remove(at, json.indexOf('\n', at) - at);
            };
            QCOMPARE(withoutId(r.out), withoutId(expected.out));
        } else {
            QCOMPARE(r.out, expected.out);
        }
        QVERIFY2(r.out.contains("\xf0\x9f\x99\x82") || r.out.contains("\\ud83d\\ude42"),
            r.out.constData());
    }
}

void TestConvertEncodings::unicodeOnStdin()
{
    // PowerShell: Get-Content r.http | api-playground convert - --to curl
    const ProcessResult r = runPlayground({ "convert", "-", "--from", "http", "--to", "curl" },
        QProcessEnvironment::systemEnvironment(),
        encoded("GET https://example.com/a?x=1\nAccept: application/json\n",
            QStringConverter::Utf16LE, true));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out,
        QByteArray("curl --globoff \\\n  'https://example.com/a?x=1' \\\n"
                   "  --header 'Accept: application/json'\n"));
}

void TestConvertEncodings::latin1HttpFileSendsItsBytes()
{
    TestServer server;
    QVERIFY(server.start());
    server.setFallback([](const RecordedRequest &) { return Reply::text(200, "ok"); });
    QTemporaryDir dir;
    const QString http = written(dir, "latin.http",
        "POST " + server.baseUrl().toUtf8()
            + "/caf\xe9?q=\xe9t\xe9\nX-Name: Jos\xe9\nContent-Type: text/plain; charset=latin1\n\n"
              "Jos\xe9 \x93quoted\x94\n");
    const QString collection = dir.filePath("c.postman_collection.json");
    const ProcessResult converted
        = runPlayground({ "convert", http, "--to", "postman", "-o", collection });
    QVERIFY2(converted.exitCode == 0, converted.err.constData());
    QVERIFY2(converted.err.contains("latin.http:1: not UTF-8 text: those bytes are kept and sent"),
        converted.err.constData());
    // The collection file is JSON text: each byte is a lone surrogate escape.
    QFile file(collection);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY2(json.contains("Jos\\udce9"), json.constData());
    QVERIFY2(!json.contains("\xef\xbf\xbd"), json.constData());

    const ProcessResult ran = runPlayground({ "run", collection });
    QVERIFY2(ran.exitCode == 0, ran.err.constData());
    QCOMPARE(server.requests().size(), 1);
    const RecordedRequest sent = server.requests().first();
    QCOMPARE(sent.body, QByteArray("Jos\xe9 \x93quoted\x94"));
    QCOMPARE(sent.header("X-Name"), QByteArray("Jos\xe9"));
    QCOMPARE(sent.path, QByteArray("/caf%E9"));
    QCOMPARE(sent.query, QByteArray("q=%E9t%E9"));
}

void TestConvertEncodings::latin1CurlFileExportsItsBytes()
{
    QTemporaryDir dir;
    const QString curl = written(dir, "c.txt",
        "curl 'https://example.com/caf\xe9' -H 'X-Name: Jos\xe9' -d 'name=Jos\xe9'\n");
    const ProcessResult asCurl = runPlayground({ "convert", curl, "--to", "curl" });
    QVERIFY2(asCurl.exitCode == 0, asCurl.err.constData());
    // A word with bytes that are not UTF-8 is written in bash's $'…': the command stays text.
    QCOMPARE(asCurl.out,
        QByteArray("curl --globoff \\\n  https://example.com/caf%E9 \\\n"
                   "  --header $'X-Name: Jos\\xe9' \\\n"
                   "  --header 'Content-Type: application/x-www-form-urlencoded' \\\n"
                   "  --data-raw $'name=Jos\\xe9'\n"));
    QVERIFY2(asCurl.err.contains("not UTF-8 text"), asCurl.err.constData());
    const ProcessResult asHttp = runPlayground({ "convert", curl, "--to", "http" });
    QVERIFY2(asHttp.exitCode == 0, asHttp.err.constData());
    QVERIFY2(asHttp.out.contains("X-Name: Jos\xe9\n"), asHttp.out.constData());
    QVERIFY2(asHttp.out.contains("\nname=Jos\xe9"), asHttp.out.constData());
    QVERIFY2(!asHttp.out.contains("\xef\xbf\xbd"), asHttp.out.constData());
}

void TestConvertEncodings::latin1CredentialsSendTheirBytes()
{
    // curl -u with a Latin-1 name and password: the Basic credential is base64 of those bytes,
    // as curl sends it (the credential as the send resolves it, written out with the secrets).
    QTemporaryDir dir;
    const QString curl = written(dir, "u.txt",
        "curl -u 'jos\xe9:p\xe4ss' -H 'X-Api-Key: k\xe9y-123456' https://example.com/auth\n");
    const ProcessResult exported
        = runPlayground({ "convert", curl, "--to", "curl", "--include-secrets" });
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QVERIFY2(exported.out.contains(
                 "'Authorization: Basic " + QByteArray("jos\xe9:p\xe4ss").toBase64() + "'"),
        exported.out.constData());
    QVERIFY2(exported.out.contains("$'X-Api-Key: k\\xe9y-123456'"), exported.out.constData());
}

void TestConvertEncodings::latin1SecretsGivenToRunAreSentAsGiven()
{
    // --var and PLAYGROUND_VAR_ values with bytes that are not UTF-8 (typed as $'…' in bash):
    // sent as given, as the converted file's own kept bytes are.
    TestServer server;
    QVERIFY(server.start());
    server.setFallback([](const RecordedRequest &) { return Reply::text(200, "ok"); });
    QTemporaryDir dir;
    const QString curl = written(dir, "u.txt",
        "curl -u 'jos\xe9:p\xe4ss' -H 'X-Api-Key: k\xffy-123456' " + server.baseUrl().toUtf8()
            + "/a\n");
    const QString collection = dir.filePath("c.postman_collection.json");
    const ProcessResult converted
        = runPlayground({ "convert", curl, "--to", "postman", "-o", collection });
    QVERIFY2(converted.exitCode == 0, converted.err.constData());
    // Through bash: a QProcess argument is text, and could not carry the bytes.
    QProcess bash;
    bash.setProgram("/bin/bash");
    bash.setArguments({ "-c",
        "PLAYGROUND_VAR_xApiKey=$'k\\xffy-123456' \"$0\" run \"$1\" --var $'password=p\\xe4ss'",
        QString::fromLocal8Bit(qgetenv("PLAYGROUND_BINARY")), collection });
    bash.start();
    QVERIFY(bash.waitForStarted());
    while (!bash.waitForFinished(10))
        QCoreApplication::processEvents(); // the server answers on this thread
    QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
    QCOMPARE(server.requests().size(), 1);
    const RecordedRequest sent = server.requests().first();
    QCOMPARE(sent.header("Authorization"), "Basic " + QByteArray("jos\xe9:p\xe4ss").toBase64());
    QCOMPARE(sent.header("X-Api-Key"), QByteArray("k\xffy-123456"));
}

QTEST_GUILESS_MAIN(TestConvertEncodings)
#include "TestConvertEncodings.moc"
