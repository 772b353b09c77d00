// Interop with httpbin, a server nobody here wrote: every request of one Postman v2.1 collection is
// resolved and sent by the core library, and httpbin's echo says what reached it (method, query,
// headers, body as JSON, form fields and files). The same collection then runs through the
// api-playground binary, which must exit 0.
#include "app/formats/PostmanReader.h"
#include "app/http/HttpExecutor.h"
#include "app/http/RequestRun.h"
#include "app/send/SendSession.h"
#include "app/template/RequestResolver.h"
#include "tests/support/TestPaths.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Playground;

namespace {

constexpr auto Python = "/usr/bin/python3";
constexpr int MaxPortAttempts = 5;
constexpr int MaxOutputWaits = 20; // reads of gunicorn's start-up log before giving up on a port

/** A port that was free a moment ago (bound on 127.0.0.1 and released). */
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

const QByteArray UploadContent = "line one\nline two: ünï\n";

} // namespace

class TestHttpbinInterop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void getSendsQueryAndCustomHeaders();
    void postSendsRawJsonWithItsContentType();
    void putSendsUrlEncodedFields();
    void patchSendsTextAndFileParts();
    void deleteAndCustomVerbKeepTheirMethod();
    void redirectIsFollowedToTheOtherPath();
    void gzipBodyIsDecoded();
    void basicAuthIsAccepted();
    void cliRunsTheWholeCollection();

private:
    bool startHttpbin();
    QJsonObject echo(const QString &name) const;

    QTemporaryDir m_dir;
    QProcess m_httpbin;
    QString m_base;
    QString m_collectionPath;
    QHash<QString, Exchange> m_exchanges;
};

bool TestHttpbinInterop::startHttpbin()
{
    m_httpbin.setWorkingDirectory(m_dir.path());
    m_httpbin.setProcessChannelMode(QProcess::MergedChannels);
    for (int attempt = 0; attempt < MaxPortAttempts; ++attempt) {
        const quint16 port = freePort();
        if (port == 0)
            continue;
        // --graceful-timeout: a SIGTERM in cleanup ends the worker at once.
        m_httpbin.start(QString::fromLatin1(Python),
            { "-m", "gunicorn", "--graceful-timeout", "2", "-b",
                QStringLiteral("127.0.0.1:%1").arg(port), "httpbin:app" });
        if (!m_httpbin.waitForStarted(10000))
            return false;
        // gunicorn says "Listening at: URL" once it holds the port (a TCP probe could reach
        // whoever took the port first); requests wait in the backlog until its worker is up.
        const QByteArray listening
            = QStringLiteral("Listening at: http://127.0.0.1:%1 ").arg(port).toUtf8();
        QByteArray said;
        for (int poll = 0; poll < MaxOutputWaits && !said.contains(listening)
             && !said.contains("Connection in use");
             ++poll) {
            if (m_httpbin.state() != QProcess::Running || !m_httpbin.waitForReadyRead(20000))
                break;
            said += m_httpbin.readAll();
        }
        if (said.contains(listening)) {
            m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);
            return true;
        }
        // Port taken in the meantime (gunicorn says "Connection in use") or too slow: try another.
        qWarning("httpbin did not start on port %u: %s", unsigned(port), said.constData());
        m_httpbin.kill();
        m_httpbin.waitForFinished(5000);
    }
    return false;
}

void TestHttpbinInterop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess check;
    check.start(QString::fromLatin1(Python), { "-c", "import httpbin, gunicorn" });
    if (!check.waitForFinished(30000) || check.exitStatus() != QProcess::NormalExit
        || check.exitCode() != 0)
        QSKIP("httpbin or gunicorn is not installed for /usr/bin/python3 (Debian packages "
              "python3-httpbin python3-gunicorn; packaging/setup.sh test installs them)");
    QVERIFY2(startHttpbin(), "httpbin (gunicorn) did not start on a free loopback port");

    const QString upload = m_dir.filePath("upload.txt");
    QFile uploadFile(upload);
    QVERIFY(uploadFile.open(QIODevice::WriteOnly));
    uploadFile.write(UploadContent);
    uploadFile.close();

    // The collection in tests/interop/data, with httpbin's address and the upload's path filled in.
    QFile source(
        Playground::Test::sourcePath("tests/interop/data/httpbin.postman_collection.json"));
    QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(source.fileName()));
    QByteArray json = source.readAll();
    json.replace("@BASE@", m_base.toUtf8());
    json.replace("@UPLOAD@", upload.toUtf8());
    m_collectionPath = m_dir.filePath("httpbin.postman_collection.json");
    QFile file(m_collectionPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();

    // Each request through the core library, as the runner resolves it.
    const Result<Collection> collection = PostmanReader::readCollectionFile(m_collectionPath);
    QVERIFY2(collection, qPrintable(collection ? QString() : collection.error()));
    HttpExecutor executor;
    for (const RequestPath &path : flattenRequests(collection.value().items)) {
        const auto resolved = SendSession::prepare(path.item->request,
            AuthApplier::effectiveAuth(path, &collection.value()),
            VariableScopes::forRequest(path, &collection.value(), nullptr, {}));
        QVERIFY2(resolved,
            qPrintable(path.item->name + ": " + (resolved ? QString() : resolved.error())));
        RequestRun *run = executor.send(resolved.value());
        QSignalSpy finished(run, &RequestRun::finished);
        QVERIFY2(finished.wait(30000), qPrintable(path.item->name));
        const Exchange x = run->exchange();
        run->deleteLater();
        QVERIFY2(x.succeeded(), qPrintable(path.item->name + ": " + x.error));
        QVERIFY2(x.status == 200,
            qPrintable(path.item->name + ": HTTP " + QString::number(x.status) + "\n"
                + QString::fromUtf8(x.body)));
        m_exchanges.insert(path.item->name, x);
    }
    QCOMPARE(m_exchanges.size(), 10);
}

void TestHttpbinInterop::cleanupTestCase()
{
    if (m_httpbin.state() == QProcess::NotRunning)
        return;
    m_httpbin.terminate();
    if (!m_httpbin.waitForFinished(10000)) {
        m_httpbin.kill();
        m_httpbin.waitForFinished(5000);
    }
}

QJsonObject TestHttpbinInterop::echo(const QString &name) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(m_exchanges.value(name).body, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("%s: httpbin's answer is not JSON: %s", qPrintable(name),
            qPrintable(error.errorString()));
    return doc.object();
}

void TestHttpbinInterop::getSendsQueryAndCustomHeaders()
{
    const QJsonObject e = echo("get query headers");
    QCOMPARE(e.value("method").toString(), QString("GET"));
    QCOMPARE(e.value("args").toObject(), (QJsonObject { { "color", "red" }, { "size", "10" } }));
    const QJsonObject headers = e.value("headers").toObject();
    QCOMPARE(headers.value("X-Custom-One").toString(), QString("one"));
    QCOMPARE(headers.value("X-Var").toString(), QString("tok-123"));
    QVERIFY(!headers.contains("X-Off"));
    QVERIFY(headers.value("User-Agent").toString().startsWith("api-playground/"));
    QCOMPARE(e.value("url").toString(), m_base + "/anything/get?color=red&size=10");
    QCOMPARE(e.value("data").toString(), QString());
}

void TestHttpbinInterop::postSendsRawJsonWithItsContentType()
{
    const QJsonObject e = echo("post raw json");
    QCOMPARE(e.value("method").toString(), QString("POST"));
    QCOMPARE(e.value("headers").toObject().value("Content-Type").toString(),
        QString("application/json"));
    // Byte for byte as written, {{name}} substituted, UTF-8.
    QCOMPARE(e.value("data").toString(),
        QString::fromUtf8(R"({"name":"Zoë","list":[1,2,3],"nested":{"ok":true}})"));
    const QJsonObject json = e.value("json").toObject();
    QCOMPARE(json.value("name").toString(), QString::fromUtf8("Zoë"));
    QCOMPARE(json.value("list").toArray(), (QJsonArray { 1, 2, 3 }));
    QCOMPARE(json.value("nested").toObject().value("ok").toBool(), true);
}

void TestHttpbinInterop::putSendsUrlEncodedFields()
{
    const QJsonObject e = echo("put urlencoded");
    QCOMPARE(e.value("method").toString(), QString("PUT"));
    QCOMPARE(e.value("headers").toObject().value("Content-Type").toString(),
        QString("application/x-www-form-urlencoded"));
    const QJsonObject form = e.value("form").toObject();
    QCOMPARE(form.value("a").toString(), QString("hello world"));
    QCOMPARE(form.value("b").toString(), QString("x&y=z"));
    QCOMPARE(form.value("c").toString(), QString::fromUtf8("ünï"));
    QCOMPARE(
        form.value("d").toString(), QString("1+1")); // '+' must be sent as %2B, not read as a space
    QVERIFY(!form.contains("e"));
    QCOMPARE(form.size(), 4);
}

void TestHttpbinInterop::patchSendsTextAndFileParts()
{
    const QJsonObject e = echo("patch form-data");
    QCOMPARE(e.value("method").toString(), QString("PATCH"));
    QVERIFY(e.value("headers")
                .toObject()
                .value("Content-Type")
                .toString()
                .startsWith("multipart/form-data; boundary="));
    QCOMPARE(
        e.value("form").toObject(), (QJsonObject { { "note", QString::fromUtf8("hello Zoë") } }));
    QCOMPARE(e.value("files").toObject(),
        (QJsonObject { { "upload", QString::fromUtf8(UploadContent) } }));
}

void TestHttpbinInterop::deleteAndCustomVerbKeepTheirMethod()
{
    const QJsonObject del = echo("delete");
    QCOMPARE(del.value("method").toString(), QString("DELETE"));
    QCOMPARE(del.value("args").toObject(), (QJsonObject { { "force", "true" } }));
    QCOMPARE(del.value("url").toString(), m_base + "/anything/items/5?force=true");
    // httpbin's /anything answers 405 to PURGE, LOCK and the like; TRACE is the one verb beyond the
    // usual five it accepts, and QNetworkAccessManager sends it only as a custom verb.
    const QJsonObject trace = echo("trace custom verb");
    QCOMPARE(trace.value("method").toString(), QString("TRACE"));
    QCOMPARE(trace.value("url").toString(), m_base + "/anything/trace");
}

void TestHttpbinInterop::redirectIsFollowedToTheOtherPath()
{
    const Exchange &x = m_exchanges["redirect"];
    QCOMPARE(x.hops.size(), 1);
    QCOMPARE(x.hops.first().status, 302);
    QCOMPARE(x.url, m_base + "/anything/landed");
    const QJsonObject e = echo("redirect");
    QCOMPARE(e.value("method").toString(), QString("GET"));
    QCOMPARE(e.value("url").toString(), m_base + "/anything/landed");
}

void TestHttpbinInterop::gzipBodyIsDecoded()
{
    const Exchange &x = m_exchanges["gzip"];
    QCOMPARE(x.responseHeader("Content-Encoding"), QByteArray("gzip"));
    QVERIFY(!x.bodyUndecoded);
    const QJsonObject e = echo("gzip");
    QCOMPARE(e.value("gzipped").toBool(), true);
    QCOMPARE(e.value("method").toString(), QString("GET"));
}

void TestHttpbinInterop::basicAuthIsAccepted()
{
    QCOMPARE(echo("basic auth"), (QJsonObject { { "authenticated", true }, { "user", "user" } }));
    // base64("user:passwd")
    QCOMPARE(echo("basic auth echo").value("headers").toObject().value("Authorization").toString(),
        QString("Basic dXNlcjpwYXNzd2Q="));
}

void TestHttpbinInterop::cliRunsTheWholeCollection()
{
    const QString report = m_dir.filePath("report.json");
    QProcess run;
    run.start(Playground::Test::playgroundBinary(),
        { "run", m_collectionPath, "--reporter", "json", "--out", report });
    QSignalSpy done(&run, &QProcess::finished);
    QVERIFY(done.wait(60000));
    QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0,
        run.readAllStandardError().constData());
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value("total").toInt(), 10);
    QCOMPARE(root.value("failed").toInt(), 0);
    QStringList methods;
    for (const QJsonValue &r : root.value("requests").toArray()) {
        QCOMPARE(r.toObject().value("status").toInt(), 200);
        methods.append(r.toObject().value("method").toString());
    }
    QCOMPARE(methods,
        (QStringList {
            "GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "GET", "GET", "GET", "GET" }));
}

QTEST_GUILESS_MAIN(TestHttpbinInterop)
#include "TestHttpbinInterop.moc"
