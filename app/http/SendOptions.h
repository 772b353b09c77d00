#pragma once

#include "app/http/CookieJar.h"

#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QString>

namespace Playground {

/** Limits and switches for one send. */
struct SendOptions {
    static constexpr int DefaultIdleTimeoutMs = 30'000;
    static constexpr int DefaultDeadlineMs = 300'000;

    int idleTimeoutMs = DefaultIdleTimeoutMs; ///< nothing received or sent for this long: abort
    int deadlineMs = DefaultDeadlineMs; ///< whole exchange, redirects included
    qint64 memoryCapBytes = 8LL * 1024 * 1024; ///< past this the body spills to a temporary file
    qint64 maxBodyBytes = 1024LL * 1024 * 1024; ///< past this the transfer stops (size cap)
    QString spillDirectory; ///< where large bodies spill; empty: SpillFolder::path()
    int maxRedirects = 10;
    bool followRedirects = true;
    bool insecure
        = false; ///< ignore certificate errors (own network manager, flagged on the exchange)
    QList<QSslCertificate>
        caCertificates; ///< trusted in addition to the system's (safer than insecure)
    QString proxy; ///< a proxy URL (http://host:port, socks5://host:port); empty: the system's
    QPointer<CookieJar> cookieJar; ///< cookies sent and kept on every hop; null: none
};

} // namespace Playground
