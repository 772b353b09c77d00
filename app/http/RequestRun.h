#pragma once

#include "app/http/Redactor.h"
#include "app/http/SendOptions.h"
#include "app/model/Exchange.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QNetworkReply;
class QSslError;

namespace Playground {

class BodySpill;
class HttpExecutor;

/** One request in flight, across its redirect hops. Emits finished() exactly once. */
class RequestRun : public QObject {
    Q_OBJECT
public:
    RequestRun(
        HttpExecutor *executor, ResolvedRequest request, SendOptions options, QObject *parent);
    ~RequestRun() override;

    void start();
    /** Stops the transfer; the exchange records "cancelled". */
    void cancel();

    bool isFinished() const { return m_finished; }
    const Exchange &exchange() const { return m_exchange; }
    /** The values of the cookies the jar put on this run's hops (what a record must mask). */
    const QStringList &jarCookieValues() const { return m_jarCookieValues; }

Q_SIGNALS:
    void finished();
    /** Bytes of the response body received so far. */
    void progress(qint64 received);

private:
    void startHop();
    void onReadyRead();
    void onReplyFinished();
    void onSslErrors(const QList<QSslError> &errors);
    void abortWith(FailureKind kind, const QString &message);
    void fail(FailureKind kind, const QString &message);
    void finish();
    bool startSpill();
    bool appendBody(const QByteArray &chunk);
    /** Exchange::bodyWireSize of the final response. */
    void recordWireSize(const QNetworkReply *reply);
    bool followRedirect(int status, const QByteArray &location);
    void recordRequest();
    void addDefaultHeaders();
    void addJarCookies();
    void keepCookies(QNetworkReply *reply);
    void checkResponseHead(QNetworkReply *reply);
    double elapsedMs() const;
    bool isRedirect(int status) const;

    HttpExecutor *m_executor;
    ResolvedRequest m_request; ///< the request for the current hop
    SendOptions m_options;
    Redactor m_redactor;
    QString m_origin; ///< origin of the first hop
    QPointer<QNetworkReply> m_reply;
    Exchange m_exchange;
    QTimer m_idleTimer;
    QTimer m_deadlineTimer;
    QElapsedTimer m_clock;
    FailureKind m_abortReason = FailureKind::None;
    QString m_abortMessage;
    bool m_finished = false;
    bool m_discardBody = false; ///< this hop is a redirect; its body is not kept
    QByteArray m_jarCookies; ///< the Cookie value the jar added to this hop
    QStringList m_jarCookieValues;
    std::unique_ptr<BodySpill> m_spill; ///< a large body on its way to disk
};

} // namespace Playground
