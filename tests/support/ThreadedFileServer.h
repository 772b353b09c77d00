#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QThread>

#include <atomic>

namespace PlaygroundTest {

/**
 * A loopback HTTP server on its own thread that answers every request with one file (as
 * application/json, with Content-Length), as fast as the client reads. Unlike TestServer it does
 * not share the client's event loop, so a test can measure the client's UI thread alone.
 */
class ThreadedFileServer : public QThread {
public:
    explicit ThreadedFileServer(QString path);
    ~ThreadedFileServer() override;

    /** Starts the thread and waits until it listens; false when it could not. */
    bool listen();
    quint16 port() const { return m_port.load(); }
    /** Nanoseconds on clock() when the socket accepted the last byte of the latest answer; -1
     * before that. */
    qint64 lastByteNs() const { return m_lastByteNs.load(); }
    /** Started when the server is constructed. */
    const QElapsedTimer &clock() const { return m_clock; }

protected:
    void run() override;

private:
    QString m_path;
    QElapsedTimer m_clock;
    std::atomic<int> m_port { 0 }; ///< -1 when listening failed
    std::atomic<qint64> m_lastByteNs { -1 };
    std::atomic<bool> m_stop { false };
};

} // namespace PlaygroundTest
