#include "app/http/HttpExecutor.h"

#include "app/core/Version.h"
#include "app/http/RequestRun.h"

#include <QNetworkAccessManager>
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

QNetworkAccessManager *HttpExecutor::manager(bool insecure)
{
    QNetworkAccessManager *&m = insecure ? m_insecure : m_strict;
    if (!m) {
        // A separate manager for insecure sends: an ignored certificate error must never make a
        // later strict request to the same host succeed through a cached connection.
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
