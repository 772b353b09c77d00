#include "tests/support/TestServer.h"

#include "tests/support/CompressionBomb.h"
#include "tests/support/TestServerConnection.h"

#include <QFile>
#include <QJsonObject>
#include <QSslKey>
#include <QSslServer>

namespace Playground::Test {

namespace {

    constexpr qint64 MiB = 1024 * 1024;
    constexpr int MaxDelayMs = 60'000;
    constexpr qint64 MaxDripBytes = 1'000'000;
    constexpr qint64 MaxStallBytes = 64 * MiB;
    constexpr qint64 DefaultHugeBytes = 100 * MiB;
    constexpr qint64 DefaultBombBytes = 200 * MiB;
    constexpr qint64 MaxBombMegabytes = 4096;
    constexpr int HandshakeTimeoutMs = 10'000;

    const QByteArray ContentType = QByteArrayLiteral("Content-Type");
    const QByteArray OctetStream = QByteArrayLiteral("application/octet-stream");

    /** Query parameter @p name as an integer clamped to [min, max]; @p fallback when absent. */
    qint64 number(const RecordedRequest &request, const QString &name, qint64 fallback, qint64 min,
        qint64 max)
    {
        bool ok = false;
        const qint64 value = request.queryValue(name).toLongLong(&ok);
        return qBound(min, ok ? value : fallback, max);
    }

    Reply error(int status, const QString &message)
    {
        return Reply::json(status,
            { { QStringLiteral("error"), QStringLiteral("test_server") },
                { QStringLiteral("message"), message } });
    }

    /** Bombs are costly to build (a CRC over every inflated byte), so each is built once. */
    QByteArray bomb(CompressionBomb::Encoding encoding, qint64 bytes)
    {
        static QHash<QPair<int, qint64>, QByteArray> cache;
        const QPair<int, qint64> key { int(encoding), bytes };
        auto it = cache.find(key);
        if (it == cache.end())
            it = cache.insert(key, CompressionBomb::build(encoding, bytes));
        return *it;
    }

    QByteArray certificatePath(const char *file)
    {
        return QByteArray(PLAYGROUND_TEST_CERTS) + '/' + file;
    }

} // namespace

TestServer::TestServer(QObject *parent)
    : QObject(parent)
{
}

TestServer::~TestServer()
{
    close();
}

bool TestServer::start(Mode mode, quint16 port)
{
    close();
    m_mode = mode;
    m_connectionCount = 0;
    if (mode == Mode::Tls) {
        QFile keyFile(QString::fromLocal8Bit(certificatePath("server.key")));
        if (!keyFile.open(QIODevice::ReadOnly))
            return false;
        const QSslKey key(&keyFile, QSsl::Rsa);
        const QSslCertificate localCertificate = certificate();
        if (key.isNull() || localCertificate.isNull())
            return false;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(localCertificate);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(configuration);
        server->setHandshakeTimeout(HandshakeTimeoutMs);
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &TestServer::accept);
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_server.reset();
        return false;
    }
    return true;
}

void TestServer::close()
{
    m_server.reset();
    const auto connections = findChildren<TestServerConnection *>(Qt::FindDirectChildrenOnly);
    for (TestServerConnection *connection : connections) {
        connection->abort();
        connection->deleteLater();
    }
}

bool TestServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 TestServer::port() const
{
    return isListening() ? m_server->serverPort() : 0;
}

QString TestServer::baseUrl() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(m_mode == Mode::Tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(port());
}

QUrl TestServer::url(const QString &pathAndQuery) const
{
    return QUrl(baseUrl() + pathAndQuery);
}

void TestServer::route(const QByteArray &path, Handler handler)
{
    m_routes.insert(path, std::move(handler));
}

void TestServer::rawRoute(const QByteArray &path, const QByteArray &bytes)
{
    m_rawRoutes.insert(path, bytes);
}

void TestServer::clear()
{
    m_requests.clear();
    m_pathCounts.clear();
}

QSslCertificate TestServer::certificate()
{
    const QList<QSslCertificate> certificates
        = QSslCertificate::fromPath(QString::fromLocal8Bit(certificatePath("server.crt")));
    return certificates.value(0);
}

QSslConfiguration TestServer::trustingClientConfiguration()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(certificate());
    return configuration;
}

void TestServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection
            = new TestServerConnection(socket, m_connectionCount++, m_mode == Mode::Tls, this);
        connect(connection, &TestServerConnection::requestReceived, this,
            [this, connection](const RecordedRequest &request) { dispatch(connection, request); });
        connect(connection, &TestServerConnection::closed, connection, &QObject::deleteLater);
    }
}

void TestServer::dispatch(TestServerConnection *connection, const RecordedRequest &request)
{
    if (m_requests.size() >= MaxRecordedRequests)
        m_requests.removeFirst();
    m_requests.append(request);
    ++m_pathCounts[request.path];
    Q_EMIT requestReceived(request);

    const auto custom = m_routes.constFind(request.path);
    const auto raw = m_rawRoutes.constFind(request.path);
    if (raw != m_rawRoutes.cend())
        connection->respondRaw(*raw);
    else if (custom != m_routes.cend())
        connection->respond((*custom)(request));
    else if (m_fallback)
        connection->respond(m_fallback(request));
    else if (!serveStreaming(connection, request))
        connection->respond(builtIn(request));
}

bool TestServer::serveStreaming(TestServerConnection *connection, const RecordedRequest &request)
{
    using Stream = TestServerConnection::Stream;
    using End = TestServerConnection::StreamEnd;
    const QByteArray &path = request.path;
    if (path == "/slow") {
        const int delay = int(number(request, QStringLiteral("delay_ms"), 1000, 0, MaxDelayMs));
        connection->respondLater(delay, Reply::json(200, request.toJson()));
    } else if (path == "/drip") {
        const qint64 bytes = number(request, QStringLiteral("bytes"), 10, 0, MaxDripBytes);
        const int interval
            = int(number(request, QStringLiteral("interval_ms"), 100, 1, MaxDelayMs));
        connection->respondStreaming(
            200, { { ContentType, OctetStream } }, Stream { bytes, interval, End::Complete });
    } else if (path == "/stall" || path == "/reset") {
        const qint64 bytes = number(request, QStringLiteral("bytes"), 16, 0, MaxStallBytes);
        const qint64 length
            = number(request, QStringLiteral("length"), bytes + 1024, bytes + 1, MaxStallBytes * 2);
        connection->respondStreaming(200,
            { { ContentType, OctetStream },
                { QByteArrayLiteral("Content-Length"), QByteArray::number(length) } },
            Stream { bytes, 0, path == "/stall" ? End::Stall : End::Reset });
    } else if (path == "/endless") {
        connection->respondStreaming(
            200, { { ContentType, OctetStream } }, Stream { -1, 0, End::Complete });
    } else if (path == "/huge") {
        const qint64 bytes = number(request, QStringLiteral("bytes"), DefaultHugeBytes, 0,
            std::numeric_limits<qint64>::max());
        const bool chunked = request.queryValue(QStringLiteral("chunked")) == QLatin1String("1");
        connection->respondStreaming(
            200, { { ContentType, OctetStream } }, Stream { bytes, 0, End::Complete, chunked });
    } else {
        return false;
    }
    return true;
}

Reply TestServer::builtIn(const RecordedRequest &request)
{
    const QByteArray &path = request.path;
    if (path == "/echo" || path.startsWith("/echo/"))
        return Reply::json(200, request.toJson());

    if (path.startsWith("/status/")) {
        bool ok = false;
        const int status = path.mid(8).toInt(&ok);
        if (!ok || status < 200 || status > 599)
            return error(400, QStringLiteral("/status/<code> takes a code from 200 to 599"));
        return Reply::json(status, { { QStringLiteral("status"), status } });
    }

    if (path == "/redirect") {
        const QString to = request.queryValue(QStringLiteral("to"));
        const int status = int(number(request, QStringLiteral("code"), 302, 0, 999));
        if (to.isEmpty() || !QList<int> { 301, 302, 303, 307, 308 }.contains(status))
            return error(
                400, QStringLiteral("/redirect takes to=<url> and code=301|302|303|307|308"));
        Reply reply = Reply::text(status, "Redirecting to " + to.toUtf8() + '\n');
        reply.headers.append({ QByteArrayLiteral("Location"), to.toUtf8() });
        return reply;
    }

    if (path == "/cookies/set") {
        // Each query parameter but "redirect" becomes a cookie (Path=/); with redirect=<url>
        // the answer is a 302 there, so cookies of a redirect hop can be tested.
        const QString to = request.queryValue(QStringLiteral("redirect"));
        Reply reply = to.isEmpty() ? Reply::json(200, { { QStringLiteral("set"), true } })
                                   : Reply::text(302, "Redirecting to " + to.toUtf8() + '\n');
        if (!to.isEmpty())
            reply.headers.append({ QByteArrayLiteral("Location"), to.toUtf8() });
        for (const QByteArray &pair : request.query.split('&')) {
            const QByteArray name = pair.left(pair.indexOf('='));
            if (!name.isEmpty() && name != "redirect" && pair.contains('='))
                reply.headers.append({ QByteArrayLiteral("Set-Cookie"),
                    name + '=' + request.queryValue(QString::fromLatin1(name)).toUtf8()
                        + "; Path=/" });
        }
        return reply;
    }
    if (path == "/cookies")
        return Reply::json(
            200, { { QStringLiteral("cookie"), QString::fromLatin1(request.header("Cookie")) } });

    if (path == "/gzip-bomb") {
        const QString encoding = request.queryValue(QStringLiteral("encoding"));
        const bool deflate = encoding == QLatin1String("deflate");
        if (!deflate && !encoding.isEmpty() && encoding != QLatin1String("gzip"))
            return error(400, QStringLiteral("/gzip-bomb takes encoding=gzip|deflate"));
        const qint64 megabytes
            = number(request, QStringLiteral("mb"), DefaultBombBytes / MiB, 1, MaxBombMegabytes);
        Reply reply { 200,
            { { ContentType, OctetStream },
                { QByteArrayLiteral("Content-Encoding"),
                    deflate ? QByteArrayLiteral("deflate") : QByteArrayLiteral("gzip") } },
            bomb(deflate ? CompressionBomb::Encoding::Deflate : CompressionBomb::Encoding::Gzip,
                megabytes * MiB) };
        return reply;
    }

    if (path == "/v1/oauth/token")
        return m_digishare.token(request);
    if (path == "/v1/campaigns")
        return m_digishare.campaigns(request);
    return Reply::json(404,
        { { QStringLiteral("error"), QStringLiteral("not_found") },
            { QStringLiteral("path"), QString::fromLatin1(path) } });
}

} // namespace Playground::Test
