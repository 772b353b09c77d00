#include "app/http/BodySpill.h"

#include "app/http/SpillFolder.h"

namespace Playground {

namespace {
    /** Past this much waiting to be written the receiver is told to pause (isBacklogged). */
    constexpr qint64 HighWaterBytes = 16 * 1024 * 1024;
    constexpr qint64 LowWaterBytes = 4 * 1024 * 1024;
}

BodySpill::BodySpill(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_file(std::make_shared<QTemporaryFile>(SpillFolder::fileTemplate(directory)))
{
    if (!m_file->open())
        return;
    try {
        m_writer = std::thread([this] { run(); });
    } catch (const std::system_error &error) { // no thread to be had (a process limit)
        m_startError = QString::fromLocal8Bit(error.what());
        m_file->close();
    }
}

BodySpill::~BodySpill()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_writer.joinable())
        m_writer.join();
}

void BodySpill::append(const QByteArray &chunk)
{
    if (chunk.isEmpty())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_queue.append(chunk);
        m_pending += chunk.size();
        if (m_pending > HighWaterBytes)
            m_full = true;
    }
    m_wake.notify_one();
}

bool BodySpill::isBacklogged() const
{
    std::lock_guard lock(m_mutex);
    return m_full;
}

void BodySpill::close()
{
    if (!m_writer.joinable()) {
        QMetaObject::invokeMethod(this, &BodySpill::closed, Qt::QueuedConnection);
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_wake.notify_one();
}

void BodySpill::run()
{
    bool failedOnce = false;
    const auto fail = [this, &failedOnce] {
        failedOnce = true;
        const QString error = m_file->errorString();
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
    };
    for (;;) {
        QByteArrayList batch;
        bool closing = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || m_closing || !m_queue.isEmpty(); });
            if (m_stopping)
                return;
            batch.swap(m_queue);
            closing = m_closing && batch.isEmpty();
        }
        if (closing) {
            if (!failedOnce && !m_file->flush())
                fail();
            QMetaObject::invokeMethod(this, &BodySpill::closed, Qt::QueuedConnection);
            return;
        }
        for (const QByteArray &chunk : std::as_const(batch)) {
            if (m_stopping) // the owner is waiting in the destructor: not one chunk more
                return;
            // After a failed write the rest is dropped, so the file never has a hole.
            if (!failedOnce && m_file->write(chunk) != chunk.size())
                fail();
            bool owed = false;
            {
                std::lock_guard lock(m_mutex);
                m_pending -= chunk.size();
                if (m_full && m_pending < LowWaterBytes) {
                    m_full = false;
                    owed = true;
                }
            }
            if (owed)
                QMetaObject::invokeMethod(this, &BodySpill::drained, Qt::QueuedConnection);
        }
    }
}

} // namespace Playground
