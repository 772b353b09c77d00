#include "app/response/TimelinePhases.h"

#include <QCoreApplication>

namespace Playground {

namespace {

    QString tr(const char *text)
    {
        return QCoreApplication::translate("Playground::TimelinePhases", text);
    }

} // namespace

QList<TimelinePhase> timelinePhases(const Timings &t)
{
    QList<TimelinePhase> phases;
    double at = 0;
    const auto add = [&](double until, const QString &name, const QString &about) {
        if (until < 0)
            return;
        phases.append({ name, at, qMax(0.0, until - at), about });
        at = qMax(at, until);
    };
    if (t.connectStart >= 0) {
        add(t.connectStart, tr("Prepare"),
            tr("Queueing, the proxy and the DNS lookup of the host name"));
        add(t.tlsDone, tr("Connect + TLS"), tr("The TCP connection and the TLS handshake"));
    } else if (t.requestSent >= 0) {
        add(0, tr("Prepare"), tr("An open connection to this host was reused"));
    }
    add(t.requestSent, t.connectStart >= 0 && t.tlsDone < 0 ? tr("Connect + send") : tr("Send"),
        t.connectStart >= 0 && t.tlsDone < 0
            ? tr("The TCP connection, then the request line, headers and body")
            : tr("The request line, headers and body"));
    add(t.firstByte, tr("Wait"), tr("The server working: until the status line arrived"));
    if (t.firstByte >= 0) {
        add(t.total, tr("Receive"), tr("The headers and body coming in"));
    } else if (t.total >= 0) { // stopped before an answer: the phase under way goes on to the end
        const QString under = t.requestSent >= 0 ? tr("Wait")
            : t.connectStart >= 0                ? tr("Connect")
                                                 : tr("Prepare");
        add(t.total, under, tr("Until the send stopped"));
    }
    return phases;
}

} // namespace Playground
