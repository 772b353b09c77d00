#pragma once

#include <QObject>

class QSocketNotifier;

namespace Playground {

/**
 * Turns SIGINT and SIGTERM into a Qt signal while it lives. The handler only writes the signal
 * number to a pipe (async-signal-safe, no Qt); a QSocketNotifier reads it in the event loop.
 * One instance at a time; the previous handlers are restored when it is destroyed.
 */
class InterruptWatcher : public QObject {
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    /** False when the pipe or the handlers could not be set up (signals then act as before). */
    bool isActive() const { return m_notifier != nullptr; }
    /** The first signal received (SIGINT or SIGTERM), 0 while none came. */
    int received() const { return m_received; }
    /** 128 + the signal number, as a shell reports a command ended by it. */
    static int exitCodeFor(int signalNumber) { return 128 + signalNumber; }
    /** "SIGINT" or "SIGTERM". */
    static QString signalName(int signalNumber);

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
    int m_received = 0;
};

} // namespace Playground
