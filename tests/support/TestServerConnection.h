#pragma once

#include "tests/support/HttpRequestParser.h"
#include "tests/support/Reply.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

namespace Playground::Test {

/**
 * One accepted connection of TestServer: parses requests in order, hands each to the server
 * through requestReceived and writes its answer, complete or streamed. Requests are answered
 * one at a time (keep-alive and pipelining); input is not read while an answer is in progress.
 */
class TestServerConnection : public QObject {
    Q_OBJECT
public:
    /** What happens once a streamed body has produced its bytes. */
    enum class StreamEnd {
        Complete, ///< the answer is done; the connection serves the next request
        Stall, ///< nothing more is sent; the socket stays open until the client gives up
        Reset, ///< the connection is reset (RST) once the bytes are flushed
    };

    /** A generated body: pattern bytes sent as fast as the client reads, or one per interval. */
    struct Stream {
        qint64 bytes = 0; ///< bytes to send; -1 sends chunked data forever
        int intervalMs = 0; ///< 0: as fast as the client reads; otherwise one byte per interval
        StreamEnd end = StreamEnd::Complete;
        bool chunked = false; ///< chunked transfer coding even when bytes is known
    };

    TestServerConnection(QTcpSocket *socket, int index, bool tls, QObject *parent);
    ~TestServerConnection() override;

    /** Answers the current request now. */
    void respond(const Reply &reply);
    /** Answers the current request after @p delayMs. */
    void respondLater(int delayMs, const Reply &reply);
    /** Sends the status line and @p headers now, then the body @p stream describes. */
    void respondStreaming(
        int status, const QList<QPair<QByteArray, QByteArray>> &headers, const Stream &stream);
    /** Writes @p bytes as they are (status line, headers, body) and closes the connection. */
    void respondRaw(const QByteArray &bytes);
    /** Drops the connection without answering. */
    void abort();

Q_SIGNALS:
    /** A complete request arrived; the receiver must answer it with one of the respond calls. */
    void requestReceived(const RecordedRequest &request);
    void closed();

private:
    void readInput();
    void finishAnswer();
    void pump();
    void writePattern(qint64 bytes);
    void resetConnection();
    bool isConnected() const;
    qint64 pendingBytes() const;
    QByteArray head(int status, QList<QPair<QByteArray, QByteArray>> headers, bool hasBody,
        qint64 contentLength, const QByteArray &reason = {}) const;

    QPointer<QTcpSocket> m_socket;
    HttpRequestParser m_parser;
    const int m_index;
    const bool m_tls;
    bool m_answering = false; ///< a request was handed out and is not fully answered yet
    bool m_reading = false; ///< inside readInput(), which loops over pipelined requests
    bool m_closeAfterAnswer = false;
    bool m_headRequest = false;
    Stream m_stream;
    bool m_streaming = false;
    qint64 m_streamOffset = 0;
    QTimer m_timer;
};

} // namespace Playground::Test
