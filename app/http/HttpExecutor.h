#pragma once

#include "app/http/SendOptions.h"
#include "app/model/ResolvedRequest.h"

#include <QHash>
#include <QNetworkProxy>
#include <QObject>

#include <optional>

class QNetworkAccessManager;

namespace Playground {

class RequestRun;

/**
 * Sends resolved requests over QNetworkAccessManager with the rules of SECURITY.md: manual
 * redirects, no credential leaks across origins, TLS errors reported (never ignored unless the
 * caller opts in, and then on a separate manager), HTTP/2 off on old Qt, limits that say why they
 * stopped a transfer. Connections are reused across sends on the same executor.
 */
class HttpExecutor : public QObject {
    Q_OBJECT
public:
    explicit HttpExecutor(QObject *parent = nullptr);
    ~HttpExecutor() override;

    /** Starts a send. The run is a child of the executor; it emits finished() once. */
    RequestRun *send(const ResolvedRequest &request, const SendOptions &options = {});

    /** Our User-Agent, set unless the request has its own. */
    static QByteArray userAgent();
    /** HTTP/2 stays off before Qt 6.7.3 (unfixed CVEs and QTBUG-111417 on older Qt). */
    static bool http2Allowed();

    /**
     * The network manager for these TLS settings. Strict, insecure and each set of extra trusted
     * CAs get their own, so a connection trusted one way is never reused by a request that did not
     * ask for it (Qt 6.4 does not key its connection cache on TLS settings).
     */
    QNetworkAccessManager *manager(const SendOptions &options);

    /**
     * The proxy a URL names: http://host:port or socks5://host:port (user and password allowed);
     * nullopt for anything else (then the system's proxy settings apply).
     */
    static std::optional<QNetworkProxy> proxyFor(const QString &url);

private:
    QHash<QByteArray, QNetworkAccessManager *> m_managers;
};

} // namespace Playground
