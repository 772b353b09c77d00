#pragma once

#include "tests/support/DigishareFixture.h"
#include "tests/support/RecordedRequest.h"
#include "tests/support/Reply.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpServer;

namespace Playground::Test {

class TestServerConnection;

/**
 * Loopback HTTP/1.1 server for tests: listens on 127.0.0.1 (port 0 by default), plain or TLS
 * with the test-only self-signed certificate, records the exact bytes of every request and
 * answers built-in routes (echo, status, redirects, cookies
 * (/cookies/set?name=value[&redirect=url], /cookies echoes the Cookie header), Digishare
 * authentication, slow, dripping, stalled, endless, reset, gzip-bomb and huge bodies) or routes a
 * test installs.
 */
class TestServer : public QObject {
    Q_OBJECT
public:
    enum class Mode { Plain, Tls };
    Q_ENUM(Mode)
    using Handler = std::function<Reply(const RecordedRequest &)>;

    /** Requests kept by requests(); older ones are dropped (count() still sees them). */
    static constexpr qsizetype MaxRecordedRequests = 10'000;

    explicit TestServer(QObject *parent = nullptr);
    ~TestServer() override;

    /** Listens on 127.0.0.1:@p port (0 picks a free port). False if listening failed. */
    bool start(Mode mode = Mode::Plain, quint16 port = 0);
    /** Stops listening and drops every connection; recorded requests stay. */
    void close();
    bool isListening() const;
    Mode mode() const { return m_mode; }
    quint16 port() const;
    /** "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT". */
    QString baseUrl() const;
    /** baseUrl() followed by @p pathAndQuery, e.g. url(QStringLiteral("/echo?a=1")). */
    QUrl url(const QString &pathAndQuery) const;

    /** Answers requests for exactly @p path with @p handler, ahead of any built-in route. */
    void route(const QByteArray &path, Handler handler);
    /** Answers every path no route names with handler, instead of the built-in routes. */
    void setFallback(Handler handler) { m_fallback = std::move(handler); }
    /**
     * Answers requests for exactly @p path with @p bytes as they are (status line, headers and
     * body, malformed if need be), then closes the connection.
     */
    void rawRoute(const QByteArray &path, const QByteArray &bytes);
    DigishareFixture &digishare() { return m_digishare; }

    QList<RecordedRequest> requests() const { return m_requests; }
    /** Requests received for @p path since the last clear(), whatever the method. */
    int count(const QByteArray &path) const { return m_pathCounts.value(path); }
    /** TCP connections accepted since start() (with TLS: completed handshakes). */
    int connectionCount() const { return m_connectionCount; }
    /** Forgets recorded requests and per-path counts. */
    void clear();

    /** The test-only certificate the server presents in Mode::Tls (also its own CA). */
    static QSslCertificate certificate();
    /** The default client configuration plus certificate() as a trusted CA. */
    static QSslConfiguration trustingClientConfiguration();

Q_SIGNALS:
    void requestReceived(const Playground::Test::RecordedRequest &request);

private:
    void accept();
    void dispatch(TestServerConnection *connection, const RecordedRequest &request);
    bool serveStreaming(TestServerConnection *connection, const RecordedRequest &request);
    Reply builtIn(const RecordedRequest &request);

    std::unique_ptr<QTcpServer> m_server;
    Mode m_mode = Mode::Plain;
    QHash<QByteArray, Handler> m_routes;
    Handler m_fallback;
    QHash<QByteArray, QByteArray> m_rawRoutes;
    DigishareFixture m_digishare;
    QList<RecordedRequest> m_requests;
    QHash<QByteArray, int> m_pathCounts;
    int m_connectionCount = 0;
};

} // namespace Playground::Test
