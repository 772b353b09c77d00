#include "app/http/HttpExecutor.h"

#include "app/core/Version.h"
#include "app/http/RequestRun.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
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
    QNetworkAccessManager *&m = m_managers[key];
    if (!m) {
        m = new QNetworkAccessManager(this);
        m->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        m->setStrictTransportSecurityEnabled(true);
        m->setAutoDeleteReplies(false);
    }
    return m;
}

RequestRun *HttpExecutor::send(const ResolvedRequest &request, const SendOptions &options)
{
    auto *run = new RequestRun(this, request, options, this);
    // Started from the event loop, so the caller connects to finished() first.
    QMetaObject::invokeMethod(run, &RequestRun::start, Qt::QueuedConnection);
    return run;
}

} // namespace Playground
