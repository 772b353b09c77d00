#include "app/cli/InterruptWatcher.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace Playground {

namespace {

    int g_pipe[2] = { -1, -1 };
    struct sigaction g_previousInt { };
    struct sigaction g_previousTerm { };

    extern "C" void onSignal(int signalNumber)
    {
        const int saved = errno;
        const char byte = char(signalNumber);
        // Nothing else here: write(2) is async-signal-safe; a full pipe just drops the byte.
        [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &byte, 1);
        errno = saved;
    }

} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
    if (g_pipe[0] >= 0 || ::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    struct sigaction action { };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (::sigaction(SIGINT, &action, &g_previousInt) != 0
        || ::sigaction(SIGTERM, &action, &g_previousTerm) != 0) {
        ::sigaction(SIGINT, &g_previousInt, nullptr);
        ::close(g_pipe[0]);
        ::close(g_pipe[1]);
        g_pipe[0] = g_pipe[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptWatcher::readPipe);
}

InterruptWatcher::~InterruptWatcher()
{
    if (!m_notifier)
        return;
    ::sigaction(SIGINT, &g_previousInt, nullptr);
    ::sigaction(SIGTERM, &g_previousTerm, nullptr);
    delete m_notifier;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

QString InterruptWatcher::signalName(int signalNumber)
{
    return signalNumber == SIGTERM ? QStringLiteral("SIGTERM")
        : signalNumber == SIGINT   ? QStringLiteral("SIGINT")
                                   : QStringLiteral("signal %1").arg(signalNumber);
}

void InterruptWatcher::readPipe()
{
    char bytes[16];
    ssize_t n = 0;
    while ((n = ::read(g_pipe[0], bytes, sizeof bytes)) > 0) {
        for (ssize_t i = 0; i < n; ++i) {
            if (m_received == 0) {
                m_received = bytes[i];
                // A second Ctrl+C ends the process the default way, whatever it is doing.
                ::sigaction(SIGINT, &g_previousInt, nullptr);
                ::sigaction(SIGTERM, &g_previousTerm, nullptr);
                Q_EMIT interrupted(m_received);
            }
        }
    }
}

} // namespace Playground
