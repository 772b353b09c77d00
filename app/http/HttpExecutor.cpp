#include "app/http/HttpExecutor.h"

#include "app/core/Version.h"
#include "app/http/RequestRun.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QVersionNumber>

namespace Playground {

HttpExecutor::HttpExecutor(QObject *parent)
    : QObject(parent)
{
}

HttpExecutor::~HttpExecutor() = default;

QByteArray HttpExecutor::userAgent()
{
    return QByteArray(AppName) + '/' + AppVersion + " (Qt " + qVersion() + ')';
}

bool HttpExecutor::http2Allowed()
{
    return QVersionNumber::fromString(QLatin1String(qVersion())) >= QVersionNumber(6, 7, 3);
}

QNetworkAccessManager *HttpExecutor::manager(const SendOptions &options)
{
    QByteArray key = options.insecure ? QByteArrayLiteral("insecure") : QByteArrayLiteral("strict");
    for (const QSslCertificate &ca : options.caCertificates)
        key += '/' + ca.digest(QCryptographicHash::Sha256).toHex();
    // A proxy belongs to a manager (Qt has none per request); its connections go through it.
    const std::optional<QNetworkProxy> proxy = proxyFor(options.proxy);
    if (proxy)
        key += " proxy " + options.proxy.toUtf8();
    QNetworkAccessManager *&m = m_managers[key];
    if (!m) {
        m = new QNetworkAccessManager(this);
        if (proxy)
            m->setProxy(*proxy);
        m->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m->setStrictTransportSecurityEnabled(true);
        m->setAutoDeleteReplies(false);
    }
    return m;
}

std::optional<QNetworkProxy> HttpExecutor::proxyFor(const QString &url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    QNetworkProxy::ProxyType type = QNetworkProxy::HttpProxy;
    if (scheme == QLatin1String("socks5"))
        type = QNetworkProxy::Socks5Proxy;
    else if (scheme != QLatin1String("http"))
        return std::nullopt;
    if (!parsed.isValid() || parsed.host().isEmpty() || parsed.port() <= 0)
        return std::nullopt;
    return QNetworkProxy(type, parsed.host(), quint16(parsed.port()),
        parsed.userName(QUrl::FullyDecoded), parsed.password(QUrl::FullyDecoded));
}

RequestRun *HttpExecutor::send(const ResolvedRequest &request, const SendOptions &options)
{
    auto *run = new RequestRun(this, request, options, this);
    // Started from the event loop, so the caller connects to finished() first.
    QMetaObject::invokeMethod(run, &RequestRun::start, Qt::QueuedConnection);
    return run;
}

} // namespace Playground
