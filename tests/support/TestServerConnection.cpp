#include "tests/support/TestServerConnection.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace Playground::Test {

namespace {

    // A streamed body is produced only while less than this waits in the socket's buffers, so an
    // endless or huge body costs bounded memory however slowly the client reads.
    constexpr qint64 HighWaterBytes = 256 * 1024;
    constexpr qint64 StreamChunkBytes = 64 * 1024;
    // Unread input is capped too: a client cannot pile up requests while an answer is pending.
    constexpr qint64 ReadBufferBytes = 1024 * 1024;
    constexpr qsizetype PatternPeriod = 64;

    /** "0123…xyzABC…XYZ-_" repeated: byte n of every generated body is pattern()[n % 64]. */
    const QByteArray &pattern()
    {
        static const QByteArray bytes = [] {
            const QByteArray period = QByteArrayLiteral(
                "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");
            static_assert(StreamChunkBytes % PatternPeriod == 0);
            return period.repeated(StreamChunkBytes / PatternPeriod + 1);
        }();
        return bytes;
    }

    QByteArray reasonPhrase(int status)
    {
        switch (status) {
        case 100:
            return QByteArrayLiteral("Continue");
        case 200:
            return QByteArrayLiteral("OK");
        case 201:
            return QByteArrayLiteral("Created");
        case 202:
            return QByteArrayLiteral("Accepted");
        case 204:
            return QByteArrayLiteral("No Content");
        case 301:
            return QByteArrayLiteral("Moved Permanently");
        case 302:
            return QByteArrayLiteral("Found");
        case 303:
            return QByteArrayLiteral("See Other");
        case 304:
            return QByteArrayLiteral("Not Modified");
        case 307:
            return QByteArrayLiteral("Temporary Redirect");
        case 308:
            return QByteArrayLiteral("Permanent Redirect");
        case 400:
            return QByteArrayLiteral("Bad Request");
        case 401:
            return QByteArrayLiteral("Unauthorized");
        case 403:
            return QByteArrayLiteral("Forbidden");
        case 404:
            return QByteArrayLiteral("Not Found");
        case 405:
            return QByteArrayLiteral("Method Not Allowed");
        case 408:
            return QByteArrayLiteral("Request Timeout");
        case 409:
            return QByteArrayLiteral("Conflict");
        case 413:
            return QByteArrayLiteral("Content Too Large");
        case 415:
            return QByteArrayLiteral("Unsupported Media Type");
        case 422:
            return QByteArrayLiteral("Unprocessable Content");
        case 429:
            return QByteArrayLiteral("Too Many Requests");
        case 500:
            return QByteArrayLiteral("Internal Server Error");
        case 502:
            return QByteArrayLiteral("Bad Gateway");
        case 503:
            return QByteArrayLiteral("Service Unavailable");
        case 504:
            return QByteArrayLiteral("Gateway Timeout");
        default:
            return QByteArrayLiteral("Status");
        }
    }

    bool statusHasBody(int status)
    {
        return status >= 200 && status != 204 && status != 304;
    }

} // namespace

TestServerConnection::TestServerConnection(QTcpSocket *socket, int index, bool tls, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_index(index)
    , m_tls(tls)
{
    socket->setParent(this);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    socket->setReadBufferSize(ReadBufferBytes);
    connect(socket, &QIODevice::readyRead, this, &TestServerConnection::readInput);
    connect(socket, &QIODevice::bytesWritten, this, &TestServerConnection::pump);
    if (auto *sslSocket = qobject_cast<QSslSocket *>(socket))
        connect(sslSocket, &QSslSocket::encryptedBytesWritten, this, &TestServerConnection::pump);
    connect(socket, &QAbstractSocket::disconnected, this, [this] {
        m_timer.stop();
        m_streaming = false;
        Q_EMIT closed();
    });
    connect(&m_timer, &QTimer::timeout, this, [this] {
        writePattern(1);
        pump();
    });
    // Bytes may have arrived with the connection; read them once the server is listening to us.
    QMetaObject::invokeMethod(this, &TestServerConnection::readInput, Qt::QueuedConnection);
}

TestServerConnection::~TestServerConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void TestServerConnection::respond(const Reply &reply)
{
    if (!isConnected() || !m_answering)
        return;
    const bool hasBody = statusHasBody(reply.status);
    QByteArray data = head(reply.status, reply.headers, hasBody, reply.body.size(), reply.reason);
    if (hasBody && !m_headRequest)
        data += reply.body;
    m_socket->write(data);
    finishAnswer();
}

void TestServerConnection::respondLater(int delayMs, const Reply &reply)
{
    QTimer::singleShot(delayMs, this, [this, reply] { respond(reply); });
}

void TestServerConnection::respondStreaming(
    int status, const QList<QPair<QByteArray, QByteArray>> &headers, const Stream &stream)
{
    if (!m_socket || !m_answering)
        return;
    m_socket->write(head(status, headers, true, stream.chunked ? -1 : stream.bytes));
    if (m_headRequest) {
        finishAnswer();
        return;
    }
    m_stream = stream;
    m_streamOffset = 0;
    m_streaming = true;
    if (stream.intervalMs > 0)
        m_timer.start(stream.intervalMs);
    pump();
}

void TestServerConnection::respondRaw(const QByteArray &bytes)
{
    if (!isConnected() || !m_answering)
        return;
    m_socket->write(bytes);
    m_closeAfterAnswer = true;
    finishAnswer();
}

void TestServerConnection::abort()
{
    if (m_socket)
        m_socket->abort();
}

void TestServerConnection::readInput()
{
    if (m_reading)
        return;
    m_reading = true;
    while (!m_answering && isConnected()) {
        m_parser.feed(m_socket->readAll());
        std::optional<RecordedRequest> request = m_parser.next();
        if (m_parser.takeContinueRequest()) // the head is in and the client awaits our go-ahead
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        if (m_parser.hasError()) {
            m_answering = true;
            m_closeAfterAnswer = true;
            m_headRequest = false;
            respond(Reply::text(400, QByteArrayLiteral("Malformed or oversized request\n")));
            break;
        }
        if (!request)
            break;
        const QByteArray connection = request->header("Connection").toLower();
        m_answering = true;
        m_headRequest = request->method == "HEAD";
        m_closeAfterAnswer = connection.contains("close")
            || (request->version == "HTTP/1.0" && !connection.contains("keep-alive"));
        request->connectionIndex = m_index;
        request->tls = m_tls;
        Q_EMIT requestReceived(*request);
    }
    m_reading = false;
}

void TestServerConnection::finishAnswer()
{
    if (m_closeAfterAnswer) {
        // m_answering stays set: nothing more is served on a closing connection.
        m_socket->disconnectFromHost();
        return;
    }
    m_answering = false;
    if (!m_reading)
        readInput(); // serve requests that were pipelined behind this one
}

void TestServerConnection::pump()
{
    if (!m_streaming || !isConnected())
        return;
    const bool endless = m_stream.bytes < 0;
    if (m_stream.intervalMs == 0) {
        while (pendingBytes() < HighWaterBytes && (endless || m_streamOffset < m_stream.bytes))
            writePattern(endless ? StreamChunkBytes
                                 : qMin(StreamChunkBytes, m_stream.bytes - m_streamOffset));
    }
    if (endless || m_streamOffset < m_stream.bytes)
        return;
    m_timer.stop();
    switch (m_stream.end) {
    case StreamEnd::Complete:
        m_streaming = false;
        if (m_stream.chunked)
            m_socket->write(QByteArrayLiteral("0\r\n\r\n"));
        finishAnswer();
        break;
    case StreamEnd::Stall:
        m_streaming = false; // and m_answering stays set: the connection is silent from now on
        break;
    case StreamEnd::Reset:
        if (pendingBytes() == 0) {
            m_streaming = false;
            // Not from inside the socket's own signal: QSslSocket's backend still uses its
            // session after emitting, and aborting there leaves it a dangling one.
            QMetaObject::invokeMethod(
                this, &TestServerConnection::resetConnection, Qt::QueuedConnection);
        }
        break;
    }
}

void TestServerConnection::writePattern(qint64 bytes)
{
    const char *data = pattern().constData() + m_streamOffset % PatternPeriod;
    if (m_stream.bytes < 0 || m_stream.chunked) {
        m_socket->write(QByteArray::number(bytes, 16) + "\r\n");
        m_socket->write(data, bytes);
        m_socket->write("\r\n", 2);
    } else {
        m_socket->write(data, bytes);
    }
    m_streamOffset += bytes;
}

void TestServerConnection::resetConnection()
{
    if (!m_socket)
        return;
#ifdef Q_OS_UNIX
    // SO_LINGER with a zero timeout turns close() into a TCP RST instead of an orderly FIN.
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor != -1) {
        const linger option { 1, 0 };
        ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
#endif
    m_socket->abort();
}

bool TestServerConnection::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 TestServerConnection::pendingBytes() const
{
    const auto *sslSocket = qobject_cast<const QSslSocket *>(m_socket.data());
    return m_socket->bytesToWrite() + (sslSocket ? sslSocket->encryptedBytesToWrite() : 0);
}

QByteArray TestServerConnection::head(int status, QList<QPair<QByteArray, QByteArray>> headers,
    bool hasBody, qint64 contentLength, const QByteArray &reason) const
{
    const auto hasHeader = [&headers](const QByteArray &name) {
        return std::any_of(headers.cbegin(), headers.cend(), [&name](const auto &header) {
            return header.first.compare(name, Qt::CaseInsensitive) == 0;
        });
    };
    if (hasBody && !hasHeader("Content-Length") && !hasHeader("Transfer-Encoding")) {
        if (contentLength < 0)
            headers.append(
                { QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked") });
        else
            headers.append(
                { QByteArrayLiteral("Content-Length"), QByteArray::number(contentLength) });
    }
    if (m_closeAfterAnswer && !hasHeader("Connection"))
        headers.append({ QByteArrayLiteral("Connection"), QByteArrayLiteral("close") });

    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' '
        + (reason.isEmpty() ? reasonPhrase(status) : reason) + "\r\n";
    for (const auto &[name, value] : std::as_const(headers))
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    return out;
}

} // namespace Playground::Test
