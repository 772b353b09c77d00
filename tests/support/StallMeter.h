#pragma once

#include <QElapsedTimer>
#include <QTimer>

#include <ctime>

namespace PlaygroundTest {

/**
 * A timer that records how late it fires: the longest time the event loop was blocked.
 * Two measures: wall-clock lateness (what a user feels, but also any time another process had the
 * CPU) and the CPU time the thread itself spent between two ticks (the work the program did
 * without returning to its event loop, whatever else runs on the machine).
 */
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
            const double cpu = threadCpuMs();
            m_worstCpu = qMax(m_worstCpu, cpu - m_lastCpu);
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_worst = 0;
        m_worstCpu = 0;
        m_lastCpu = threadCpuMs();
        m_clock.start();
        m_timer.start();
    }
    /** The worst lateness so far, the time since the last tick included; the meter keeps going. */
    double worst() const
    {
        return m_timer.isActive() ? qMax(m_worst, m_clock.nsecsElapsed() / 1e6 - m_intervalMs)
                                  : m_worst;
    }
    /** The most CPU time the thread spent between two ticks (milliseconds). */
    double worstCpu() const
    {
        return m_timer.isActive() ? qMax(m_worstCpu, threadCpuMs() - m_lastCpu) : m_worstCpu;
    }
    double stop()
    {
        m_worst = worst();
        m_worstCpu = worstCpu();
        m_timer.stop();
        return m_worst;
    }

private:
    static double threadCpuMs()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
    }

    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_worst = 0;
    double m_worstCpu = 0;
    double m_lastCpu = 0;
};

} // namespace PlaygroundTest
