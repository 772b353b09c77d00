// Shared by the response viewer benchmarks: a stall meter, a JSON body generator, peak RSS.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QVariant>

#include <functional>
#include <sys/resource.h>

namespace PlaygroundBench {

/** A timer that records how late it fires: the longest time the event loop was blocked. */
class StallMeter {
public:
    explicit StallMeter(int intervalMs = 10)
        : m_intervalMs(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const double late = m_clock.nsecsElapsed() / 1e6 - m_intervalMs;
            m_worst = qMax(m_worst, late);
            m_clock.restart();
        });
    }
    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_timer.start();
    }
    /** The worst lateness so far, the time since the last tick included; the meter keeps going. */
    double worst() const { return qMax(m_worst, m_clock.nsecsElapsed() / 1e6 - m_intervalMs); }
    double stop()
    {
        const double result = worst();
        m_timer.stop();
        return result;
    }

private:
    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_worst = 0;
};

inline QByteArray jsonItem(qint64 i, bool needle)
{
    return "{\"id\":" + QByteArray::number(i) + ",\"name\":\"item number " + QByteArray::number(i)
        + (needle ? " needle-near-the-end" : "")
        + "\",\"tags\":[\"alpha\",\"beta\"],\"active\":true,\"score\":" + QByteArray::number(i % 97)
        + ".5,\"owner\":{\"login\":\"user" + QByteArray::number(i % 1000) + "\",\"site\":null}}";
}

/** Writes about `bytes` of compact JSON (an array of objects) to `out`, a needle in the last one.
 */
inline void writeJson(qint64 bytes, const std::function<void(const QByteArray &)> &out)
{
    QByteArray chunk = "[";
    qint64 written = 0;
    for (qint64 i = 0;; ++i) {
        const bool last = written + chunk.size() + 400 >= bytes;
        chunk += jsonItem(i, last);
        if (last)
            break;
        chunk += ',';
        if (chunk.size() > 1 << 20) {
            written += chunk.size();
            out(chunk);
            chunk.clear();
        }
    }
    chunk += "]";
    out(chunk);
}

inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 600'000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

inline double peakRssMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

/** True once the response body view shows some text. */
inline bool bodyVisible(const QObject *view)
{
    const QObject *body = view->findChild<QObject *>(QStringLiteral("responseBodyView"));
    return body && body->property("lineCount").toLongLong() > 1;
}

} // namespace PlaygroundBench
