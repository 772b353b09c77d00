#pragma once

#include <QByteArrayList>
#include <QObject>
#include <QTemporaryFile>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>

namespace Playground {

/**
 * A response body on its way to a temporary file, written by a thread of its own: the thread that
 * receives the body (the window's) only queues chunks, so a slow or busy disk never stalls it.
 * Signals arrive on the thread that created the spill.
 */
class BodySpill : public QObject {
    Q_OBJECT
public:
    /** Creates the file in @p directory; check isOpen(). */
    explicit BodySpill(const QString &directory, QObject *parent = nullptr);
    /** Stops the writer; what was queued and not yet written is dropped. */
    ~BodySpill() override;

    bool isOpen() const { return m_file->isOpen(); }
    QString errorString() const
    {
        return m_startError.isEmpty() ? m_file->errorString() : m_startError;
    }
    std::shared_ptr<QTemporaryFile> file() const { return m_file; }

    void append(const QByteArray &chunk);
    /** So much waits to be written that the receiver should pause until drained(). */
    bool isBacklogged() const;
    /** After the last append: closed() follows once everything queued is on disk (or failed). */
    void close();

Q_SIGNALS:
    /** Pending bytes fell below the low-water mark after having passed the high one. */
    void drained();
    /** A write failed; nothing more is written. */
    void failed(const QString &error);
    void closed();

private:
    void run();

    std::shared_ptr<QTemporaryFile> m_file;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QByteArrayList m_queue;
    qint64 m_pending = 0;
    bool m_closing = false;
    std::atomic_bool m_stopping = false; ///< read between chunks without the lock
    bool m_full = false; ///< pending passed the high-water mark; drained() is owed
    std::thread m_writer;
    QString m_startError; ///< the writer could not start
};

} // namespace Playground
