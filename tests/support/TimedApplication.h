#pragma once

#include <QApplication>
#include <QMetaEnum>

#include <ctime>

namespace PlaygroundTest {

/**
 * A QApplication that measures the CPU time the UI thread spends delivering each event it
 * dispatches from its event loop, and remembers the longest: what ran (the receiver's class and
 * object name, the event type) is what a test names when the window did too much at once.
 */
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_recording || m_depth > 0)
            return QApplication::notify(receiver, event);
        const QString what = describe(receiver, event);
        const double before = threadCpuMs();
        ++m_depth;
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        const double spent = threadCpuMs() - before;
        if (spent > m_longestMs) {
            m_longestMs = spent;
            m_longest = what;
        }
        return handled;
    }

    void startRecording()
    {
        m_longestMs = 0;
        m_longest.clear();
        m_recording = true;
    }
    void stopRecording() { m_recording = false; }
    double longestMs() const { return m_longestMs; }
    QString longestEvent() const { return m_longest; }

    static double threadCpuMs()
    {
        timespec now {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
    }

private:
    static QString describe(QObject *receiver, QEvent *event)
    {
        const char *type = QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
        return QStringLiteral("%1 \"%2\" %3")
            .arg(QLatin1String(receiver->metaObject()->className()), receiver->objectName(),
                type ? QLatin1String(type) : QString::number(int(event->type())));
    }

    bool m_recording = false;
    int m_depth = 0;
    double m_longestMs = 0;
    QString m_longest;
};

} // namespace PlaygroundTest
