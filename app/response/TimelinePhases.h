#pragma once

#include "app/model/Exchange.h"

#include <QList>
#include <QString>

namespace Playground {

/** One phase of a send, in milliseconds since the send began. */
struct TimelinePhase {
    QString name;
    double start = 0;
    double duration = 0;
    QString about; ///< what the phase is made of, for a tooltip
};

/**
 * The phases of a send from its recorded moments, as Postman's and Chrome's timing views show
 * them: waiting for a connection (queue and DNS lookup), connecting (TCP, with the TLS
 * handshake when there is one), sending, waiting for the server, receiving. A reused
 * connection has no connect phase; moments not reached (a failure) end the list.
 */
QList<TimelinePhase> timelinePhases(const Timings &timings);

} // namespace Playground
