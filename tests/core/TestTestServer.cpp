#include "tests/support/CompressionBomb.h"
#include "tests/support/TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace Playground::Test;

namespace {

constexpr int WaitMs = 10'000;

/** A response read off a raw socket. */
struct RawResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

/**
 * Appends what @p socket has to @p buffer, spinning the event loop (the server lives in this
 * thread, so the blocking waitFor* calls would starve it). False after WaitMs without data.
 */
bool readMore(QTcpSocket &socket, QByteArray &buffer)
{
    if (socket.bytesAvailable() == 0) {
        QSignalSpy readyRead(&socket, &QIODevice::readyRead);
        if (!readyRead.wait(WaitMs))
            return false;
    }
    buffer += socket.readAll();
    return true;
}

/** Reads until @p buffer holds @p size bytes or the socket goes quiet for WaitMs. */
bool fill(QTcpSocket &socket, QByteArray &buffer, qsizetype size)
{
    while (buffer.size() < size) {
        if (!readMore(socket, buffer))
            return false;
    }
    return true;
}

/** Reads one Content-Length response; bytes after it stay in @p buffer. */
RawResponse readResponse(QTcpSocket &socket, QByteArray &buffer, qsizetype bodyLimit = -1)
{
    RawResponse response;
    qsizetype headEnd = -1;
    while ((headEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (!readMore(socket, buffer))
            return response;
    }
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    response.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        response.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
    }
    buffer.remove(0, headEnd + 4);
    qsizetype length = response.header("Content-Length").toLongLong();
    if (bodyLimit >= 0)
        length = qMin(length, bodyLimit);
    fill(socket, buffer, length);
    response.body = buffer.left(length);
    buffer.remove(0, response.body.size());
    return response;
}

QByteArray patternPrefix(qsizetype size)
{
    return QByteArrayLiteral("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_")
        .repeated(size / 64 + 1)
        .left(size);
}

/** Runs @p reply to completion. */
bool finish(QNetworkReply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    return finished.wait(WaitMs);
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

class TestTestServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void echoRecordsExactBytes();
    void keepAliveServesManyRequestsOnOneConnection();
    void connectionCloseIsHonoured();
    void chunkedRequestBodyIsDecoded();
    void customRouteOverridesBuiltIn();
    void statusAndRedirect();
    void digishareTokenFlow_data();
    void digishareTokenFlow();
    void digishareRejectsBadCredentialsAndTokens();
    void digishareMisbehaves();
    void dripSendsTheBodyInPieces();
    void stallKeepsTheConnectionOpenAndSilent();
    void hugeStreamsEveryByte();
    void endlessKeepsSending();
    void resetBreaksTheResponse();
    void gzipBombIsSmallOnTheWire();
    void bombsInflateToZeros_data();
    void bombsInflateToZeros();
    void tlsRejectsUntrustedAndAcceptsTrusted();
};

void TestTestServer::echoRecordsExactBytes()
{
    TestServer server;
    QVERIFY(server.start());
    QCOMPARE(server.baseUrl(), QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
    QSignalSpy received(&server, &TestServer::requestReceived);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    const QByteArray sent
        = QByteArrayLiteral("PATCH /echo?x=1&y=%20 HTTP/1.1\r\nHost: test\r\n"
                            "X-Dup: one\r\nx-dup: two\r\nContent-Length: 5\r\n\r\nhello");
    socket.write(sent);
    QByteArray buffer;
    const RawResponse response = readResponse(socket, buffer);
    QCOMPARE(response.status, 200);
    QCOMPARE(received.size(), 1);

    const RecordedRequest request = server.requests().value(0);
    QCOMPARE(request.raw, sent);
    QCOMPARE(request.method, QByteArrayLiteral("PATCH"));
    QCOMPARE(request.target, QByteArrayLiteral("/echo?x=1&y=%20"));
    QCOMPARE(request.path, QByteArrayLiteral("/echo"));
    QCOMPARE(request.query, QByteArrayLiteral("x=1&y=%20"));
    QCOMPARE(request.header("X-DUP"), QByteArrayLiteral("one, two"));
    QCOMPARE(request.body, QByteArrayLiteral("hello"));
    QCOMPARE(request.connectionIndex, 0);
    QVERIFY(!request.tls);

    const QJsonObject echo = jsonOf(response.body);
    QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("PATCH"));
    QCOMPARE(echo.value(QStringLiteral("query")).toString(), QStringLiteral("x=1&y=%20"));
    QCOMPARE(echo.value(QStringLiteral("body")).toString(), QStringLiteral("hello"));
    QCOMPARE(echo.value(QStringLiteral("bodyBase64")).toString(), QStringLiteral("aGVsbG8="));
    const QJsonObject headers = echo.value(QStringLiteral("headers")).toObject();
    QCOMPARE(headers.value(QStringLiteral("X-Dup")).toArray(),
        (QJsonArray { QStringLiteral("one"), QStringLiteral("two") }));
    QCOMPARE(headers.value(QStringLiteral("Host")).toString(), QStringLiteral("test"));
}

void TestTestServer::keepAliveServesManyRequestsOnOneConnection()
{
    TestServer server;
    QVERIFY(server.start());
    QNetworkAccessManager manager;
    for (int i = 0; i < 2; ++i) {
        std::unique_ptr<QNetworkReply> reply(
            manager.get(QNetworkRequest(server.url(QStringLiteral("/echo")))));
        QVERIFY(finish(reply.get()));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
    }
    QCOMPARE(server.count("/echo"), 2);
    QCOMPARE(server.connectionCount(), 1);

    // Pipelined on a raw socket: answered in order on the same connection.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    socket.write(
        "GET /status/201 HTTP/1.1\r\nHost: t\r\n\r\nGET /status/202 HTTP/1.1\r\nHost: t\r\n\r\n");
    QByteArray buffer;
    QCOMPARE(readResponse(socket, buffer).status, 201);
    QCOMPARE(readResponse(socket, buffer).status, 202);
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(server.requests().last().connectionIndex, 1);
}

void TestTestServer::connectionCloseIsHonoured()
{
    TestServer server;
    QVERIFY(server.start());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    socket.write("GET /echo HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
    QByteArray buffer;
    const RawResponse response = readResponse(socket, buffer);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Connection"), QByteArrayLiteral("close"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, WaitMs);
}

void TestTestServer::chunkedRequestBodyIsDecoded()
{
    TestServer server;
    QVERIFY(server.start());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(WaitMs));
    const QByteArray head = QByteArrayLiteral(
        "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhel");
    const QByteArray rest = QByteArrayLiteral("lo\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n");
    socket.write(head);
    QVERIFY(socket.waitForBytesWritten(WaitMs));
    socket.write(rest);
    QByteArray buffer;
    const RawResponse response = readResponse(socket, buffer);
    QCOMPARE(response.status, 200);
    QCOMPARE(jsonOf(response.body).value(QStringLiteral("body")).toString(),
        QStringLiteral("hello world"));
    QCOMPARE(server.requests().value(0).raw, head + rest);
    QCOMPARE(server.requests().value(0).body, QByteArrayLiteral("hello world"));
}

void TestTestServer::customRouteOverridesBuiltIn()
{
    TestServer server;
    QVERIFY(server.start());
    server.route("/echo", [](const RecordedRequest &request) {
        return Reply::text(418, "custom " + request.method);
    });
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(manager.sendCustomRequest(
        QNetworkRequest(server.url(QStringLiteral("/echo"))), QByteArrayLiteral("BREW")));
    QVERIFY(finish(reply.get()));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 418);
    QCOMPARE(reply->readAll(), QByteArrayLiteral("custom BREW"));
}

void TestTestServer::statusAndRedirect()
{
    TestServer server;
    QVERIFY(server.start());
    QNetworkAccessManager manager;
    manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);

    std::unique_ptr<QNetworkReply> status(
        manager.get(QNetworkRequest(server.url(QStringLiteral("/status/503")))));
    QVERIFY(finish(status.get()));
    QCOMPARE(status->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);

    const QByteArray target = QByteArrayLiteral("http://localhost:1/echo?a=1&b=2");
    std::unique_ptr<QNetworkReply> redirect(
        manager.get(QNetworkRequest(server.url(QStringLiteral("/redirect?code=307&to=")
            + QString::fromLatin1(target.toPercentEncoding())))));
    QVERIFY(finish(redirect.get()));
    QCOMPARE(redirect->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 307);
    QCOMPARE(redirect->rawHeader("Location"), target);
}

void TestTestServer::digishareTokenFlow_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("authorization");

    QTest::newRow("json")
        << QByteArrayLiteral("application/json")
        << QByteArrayLiteral(
               R"({"grant_type":"client_credentials","client_id":"my id","client_secret":"s3cr:t&+"})")
        << QByteArray();
    QTest::newRow("form")
        << QByteArrayLiteral("application/x-www-form-urlencoded")
        << QByteArrayLiteral(
               "grant_type=client_credentials&client_id=my+id&client_secret=s3cr%3At%26%2B")
        << QByteArray();
    // RFC 6749 §2.3.1: form-urlencode id and secret, then base64 "id:secret".
    QTest::newRow("basic") << QByteArrayLiteral("application/x-www-form-urlencoded")
                           << QByteArrayLiteral("grant_type=client_credentials")
                           << "Basic " + QByteArrayLiteral("my+id:s3cr%3At%26%2B").toBase64();
}

void TestTestServer::digishareTokenFlow()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, authorization);

    TestServer server;
    QVERIFY(server.start());
    server.digishare().setClientCredentials("my id", "s3cr:t&+");
    QNetworkAccessManager manager;

    QNetworkRequest tokenRequest(server.url(QStringLiteral("/v1/oauth/token")));
    tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!authorization.isEmpty())
        tokenRequest.setRawHeader("Authorization", authorization);
    std::unique_ptr<QNetworkReply> token(manager.post(tokenRequest, body));
    QVERIFY(finish(token.get()));
    QCOMPARE(token->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject answer = jsonOf(token->readAll());
    QCOMPARE(answer.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(
        answer.value(QStringLiteral("expires_in")).toInteger(), DigishareFixture::DefaultExpiresIn);
    const QByteArray accessToken
        = answer.value(QStringLiteral("access_token")).toString().toLatin1();
    QVERIFY(!accessToken.isEmpty());
    QCOMPARE(server.digishare().tokenRequestCount(), 1);
    QCOMPARE(server.digishare().issuedTokens(), QList<QByteArray> { accessToken });

    QNetworkRequest campaignsRequest(server.url(QStringLiteral("/v1/campaigns")));
    campaignsRequest.setRawHeader("Authorization", "Bearer " + accessToken);
    std::unique_ptr<QNetworkReply> campaigns(manager.get(campaignsRequest));
    QVERIFY(finish(campaigns.get()));
    QCOMPARE(campaigns->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(!jsonOf(campaigns->readAll()).value(QStringLiteral("data")).toArray().isEmpty());
}

void TestTestServer::digishareRejectsBadCredentialsAndTokens()
{
    TestServer server;
    QVERIFY(server.start());
    QNetworkAccessManager manager;
    const auto post = [&](const QByteArray &body) {
        QNetworkRequest request(server.url(QStringLiteral("/v1/oauth/token")));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = manager.post(request, body);
        finish(reply);
        return std::unique_ptr<QNetworkReply>(reply);
    };
    const auto campaigns = [&](const QByteArray &authorization) {
        QNetworkRequest request(server.url(QStringLiteral("/v1/campaigns")));
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        QNetworkReply *reply = manager.get(request);
        finish(reply);
        return std::unique_ptr<QNetworkReply>(reply);
    };
    const QByteArray id = server.digishare().clientId();

    auto wrongSecret = post(R"({"grant_type":"client_credentials","client_id":")" + id
        + R"(","client_secret":"nope"})");
    QCOMPARE(wrongSecret->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    const QJsonObject invalidClient = jsonOf(wrongSecret->readAll());
    QCOMPARE(
        invalidClient.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    QCOMPARE(invalidClient.value(QStringLiteral("error_description")).toString(),
        QStringLiteral("Client authentication failed"));

    auto wrongGrant
        = post(R"({"grant_type":"password","client_id":")" + id + R"(","client_secret":"x"})");
    QCOMPARE(wrongGrant->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QCOMPARE(jsonOf(wrongGrant->readAll()).value(QStringLiteral("error")).toString(),
        QStringLiteral("unsupported_grant_type"));
    QVERIFY(server.digishare().issuedTokens().isEmpty());

    auto anonymous = campaigns({});
    QCOMPARE(anonymous->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(jsonOf(anonymous->readAll()).value(QStringLiteral("error")).toString(),
        QStringLiteral("unauthenticated"));
    QCOMPARE(campaigns("Bearer not-a-token")
                 ->attribute(QNetworkRequest::HttpStatusCodeAttribute)
                 .toInt(),
        401);
    QCOMPARE(campaigns("Bearer " + server.digishare().personalAccessToken())
                 ->attribute(QNetworkRequest::HttpStatusCodeAttribute)
                 .toInt(),
        200);

    auto granted = post(R"({"grant_type":"client_credentials","client_id":")" + id
        + R"(","client_secret":")" + server.digishare().clientSecret() + R"("})");
    const QByteArray accessToken
        = jsonOf(granted->readAll()).value(QStringLiteral("access_token")).toString().toLatin1();
    QCOMPARE(campaigns("Bearer " + accessToken)
                 ->attribute(QNetworkRequest::HttpStatusCodeAttribute)
                 .toInt(),
        200);
    server.digishare().invalidateIssuedTokens();
    QCOMPARE(campaigns("Bearer " + accessToken)
                 ->attribute(QNetworkRequest::HttpStatusCodeAttribute)
                 .toInt(),
        401);
    QCOMPARE(server.digishare().tokenRequestCount(), 3);
}

void TestTestServer::digishareMisbehaves()
{
    TestServer server;
    QVERIFY(server.start());
    server.digishare().setExpiresIn(5);
    QNetworkAccessManager manager;
    const QByteArray body = R"({"grant_type":"client_credentials","client_id":")"
        + server.digishare().clientId() + R"(","client_secret":")"
        + server.digishare().clientSecret() + R"("})";
    const auto post = [&] {
        QNetworkRequest request(server.url(QStringLiteral("/v1/oauth/token")));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = manager.post(request, body);
        finish(reply);
        return std::unique_ptr<QNetworkReply>(reply);
    };

    QCOMPARE(jsonOf(post()->readAll()).value(QStringLiteral("expires_in")).toInteger(), 5);

    server.digishare().setTokenMode(DigishareFixture::TokenMode::ProxyErrorPage);
    auto proxy = post();
    QCOMPARE(proxy->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 502);
    QCOMPARE(
        proxy->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("text/html"));
    QVERIFY(proxy->readAll().contains("<html>"));

    server.digishare().setTokenMode(DigishareFixture::TokenMode::MissingFields);
    auto missing = post();
    QCOMPARE(missing->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject answer = jsonOf(missing->readAll());
    QVERIFY(!answer.contains(QStringLiteral("access_token")));
    QVERIFY(!answer.contains(QStringLiteral("expires_in")));
    QCOMPARE(server.digishare().tokenRequestCount(), 3);
    QCOMPARE(server.digishare().issuedTokens().size(), 1);
}

void TestTestServer::dripSendsTheBodyInPieces()
{
    TestServer server;
    QVERIFY(server.start());
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(
        manager.get(QNetworkRequest(server.url(QStringLiteral("/drip?bytes=4&interval_ms=150")))));
    QByteArray body;
    int pieces = 0;
    connect(reply.get(), &QNetworkReply::readyRead, this, [&] {
        body += reply->readAll();
        ++pieces;
    });
    QVERIFY(finish(reply.get()));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), 4);
    body += reply->readAll();
    QCOMPARE(body, patternPrefix(4));
    QVERIFY2(pieces >= 2, "one byte per interval cannot arrive all at once");
}

void TestTestServer::stallKeepsTheConnectionOpenAndSilent()
{
    TestServer server;
    QVERIFY(server.start());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    socket.write("GET /stall?bytes=10&length=100 HTTP/1.1\r\nHost: t\r\n\r\n");
    QByteArray buffer;
    const RawResponse response = readResponse(socket, buffer, 10);
    QCOMPARE(response.header("Content-Length"), QByteArrayLiteral("100"));
    QCOMPARE(response.body, patternPrefix(10));
    QTest::qWait(300);
    QCOMPARE(socket.bytesAvailable(), 0);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestTestServer::hugeStreamsEveryByte()
{
    TestServer server;
    QVERIFY(server.start());
    constexpr qint64 size = 8 * 1024 * 1024 + 3;
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(
        manager.get(QNetworkRequest(server.url(QStringLiteral("/huge?bytes=%1").arg(size)))));
    qint64 received = 0;
    QByteArray head;
    connect(reply.get(), &QNetworkReply::readyRead, this, [&] {
        const QByteArray data = reply->readAll();
        if (head.size() < 100)
            head += data.left(100 - head.size());
        received += data.size();
    });
    QVERIFY(finish(reply.get()));
    received += reply->readAll().size();
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(received, size);
    QCOMPARE(head, patternPrefix(100));
}

void TestTestServer::endlessKeepsSending()
{
    TestServer server;
    QVERIFY(server.start());
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(
        manager.get(QNetworkRequest(server.url(QStringLiteral("/endless")))));
    qint64 received = 0;
    connect(reply.get(), &QNetworkReply::readyRead, this, [&] {
        received += reply->readAll().size();
        if (received >= 4 * 1024 * 1024)
            reply->abort();
    });
    QVERIFY(finish(reply.get()));
    QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
    QVERIFY(received >= 4 * 1024 * 1024);
}

void TestTestServer::resetBreaksTheResponse()
{
    TestServer server;
    QVERIFY(server.start());
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(
        manager.get(QNetworkRequest(server.url(QStringLiteral("/reset?bytes=10&length=50")))));
    QVERIFY(finish(reply.get()));
    QVERIFY2(reply->error() != QNetworkReply::NoError, "a reset mid-body must fail the reply");
}

void TestTestServer::gzipBombIsSmallOnTheWire()
{
    TestServer server;
    QVERIFY(server.start());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    socket.write("GET /gzip-bomb HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip\r\n\r\n");
    QByteArray buffer;
    const RawResponse response = readResponse(socket, buffer);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Encoding"), QByteArrayLiteral("gzip"));
    QVERIFY(response.body.size() < 1024 * 1024);
    QVERIFY(response.body.startsWith("\x1f\x8b"));
    // The gzip trailer's ISIZE: the inflated size modulo 2^32.
    QCOMPARE(qFromLittleEndian<quint32>(response.body.constData() + response.body.size() - 4),
        quint32(CompressionBomb::inflatedSize(200 * 1024 * 1024)));
    QVERIFY(CompressionBomb::inflatedSize(200 * 1024 * 1024) >= 200 * 1024 * 1024);
}

void TestTestServer::bombsInflateToZeros_data()
{
    QTest::addColumn<QString>("encoding");
    QTest::newRow("gzip") << QStringLiteral("gzip");
    QTest::newRow("deflate") << QStringLiteral("deflate");
}

void TestTestServer::bombsInflateToZeros()
{
    QFETCH(QString, encoding);
    TestServer server;
    QVERIFY(server.start());
    QNetworkAccessManager manager; // inflates gzip and deflate itself, checking CRC and Adler
    std::unique_ptr<QNetworkReply> reply(manager.get(
        QNetworkRequest(server.url(QStringLiteral("/gzip-bomb?mb=1&encoding=") + encoding))));
    QVERIFY(finish(reply.get()));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QByteArray body = reply->readAll();
    QCOMPARE(body.size(), CompressionBomb::inflatedSize(1024 * 1024));
    QCOMPARE(body.count('\0'), body.size());
    QCOMPARE(
        server.requests().value(0).header("Accept-Encoding").contains(encoding.toLatin1()), true);
}

void TestTestServer::tlsRejectsUntrustedAndAcceptsTrusted()
{
    TestServer server;
    QVERIFY(server.start(TestServer::Mode::Tls));
    QCOMPARE(server.baseUrl(), QStringLiteral("https://127.0.0.1:%1").arg(server.port()));

    QNetworkAccessManager untrusting;
    std::unique_ptr<QNetworkReply> rejected(
        untrusting.get(QNetworkRequest(server.url(QStringLiteral("/echo")))));
    QSignalSpy sslErrors(rejected.get(), &QNetworkReply::sslErrors);
    QVERIFY(finish(rejected.get()));
    QCOMPARE(rejected->error(), QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(sslErrors.size(), 1);
    const auto errors = sslErrors.first().first().value<QList<QSslError>>();
    QVERIFY(std::any_of(errors.cbegin(), errors.cend(),
        [](const QSslError &error) { return error.error() == QSslError::SelfSignedCertificate; }));
    QCOMPARE(server.count("/echo"), 0);

    QNetworkAccessManager trusting;
    QNetworkRequest request(server.url(QStringLiteral("/echo")));
    request.setSslConfiguration(TestServer::trustingClientConfiguration());
    std::unique_ptr<QNetworkReply> accepted(trusting.get(request));
    QVERIFY(finish(accepted.get()));
    QCOMPARE(accepted->error(), QNetworkReply::NoError);
    QCOMPARE(server.count("/echo"), 1);
    QVERIFY(server.requests().value(0).tls);
}

QTEST_GUILESS_MAIN(TestTestServer)
#include "TestTestServer.moc"
