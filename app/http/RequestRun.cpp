#include "app/http/RequestRun.h"

#include "app/http/HttpExecutor.h"
#include "app/http/UrlOrigin.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

namespace Playground {

namespace {

    constexpr qint64 MaxRecordedRequestBody = 4 * 1024 * 1024;

    bool hasHeader(const HeaderList &headers, const QByteArray &name)
    {
        return std::any_of(headers.begin(), headers.end(),
            [&](const HeaderPair &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    }

    bool isHttpStatusError(QNetworkReply::NetworkError e)
    {
        // Qt reports 4xx/5xx as errors; for an API client they are results to show.
        return (e >= QNetworkReply::ContentAccessDenied && e <= QNetworkReply::UnknownContentError)
            || e == QNetworkReply::ProtocolInvalidOperationError
            || (e >= QNetworkReply::InternalServerError && e <= QNetworkReply::UnknownServerError);
    }

    QString certificateName(const QStringList &parts)
    {
        return parts.join(QLatin1String(", "));
    }

    QString sizeText(qint64 bytes)
    {
        if (bytes < 10 * 1024)
            return QStringLiteral("%1 bytes").arg(bytes);
        if (bytes < 10LL * 1024 * 1024)
            return QStringLiteral("%1 KiB").arg(bytes / 1024);
        return QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024));
    }

} // namespace

RequestRun::RequestRun(
    HttpExecutor *executor, ResolvedRequest request, SendOptions options, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_request(std::move(request))
    , m_options(options)
    , m_redactor(m_request.secretValues)
{
    m_origin = urlOrigin(m_request.url);
    m_idleTimer.setSingleShot(true);
    m_deadlineTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        abortWith(FailureKind::IdleTimeout,
            QStringLiteral("No data for %1 s (idle timeout); stopped after %2 of the body")
                .arg(m_options.idleTimeoutMs / 1000.0)
                .arg(sizeText(m_exchange.bodySize)));
    });
    connect(&m_deadlineTimer, &QTimer::timeout, this, [this] {
        abortWith(FailureKind::Deadline,
            QStringLiteral(
                "The request took longer than the %1 s limit; stopped after %2 of the body")
                .arg(m_options.deadlineMs / 1000.0)
                .arg(sizeText(m_exchange.bodySize)));
    });
}

RequestRun::~RequestRun()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

double RequestRun::elapsedMs() const
{
    return m_clock.nsecsElapsed() / 1e6;
}

void RequestRun::start()
{
    if (m_finished)
        return; // cancelled before it was started: nothing goes on the wire
    m_clock.start();
    m_exchange.insecure = m_options.insecure;
    m_exchange.warnings = m_request.warnings;
    if (m_options.deadlineMs > 0)
        m_deadlineTimer.start(m_options.deadlineMs);
    startHop();
}

void RequestRun::cancel()
{
    abortWith(FailureKind::Cancelled, QStringLiteral("Cancelled"));
}

bool RequestRun::isCredential(const QByteArray &header) const
{
    return Redactor::isCredentialHeader(header)
        || std::any_of(m_request.credentialHeaders.begin(), m_request.credentialHeaders.end(),
            [&](const QByteArray &name) { return name.compare(header, Qt::CaseInsensitive) == 0; });
}

QString RequestRun::policyProblem() const
{
    const QUrl &url = m_request.url;
    const bool credentials = m_request.credentialInUrl
        || std::any_of(m_request.headers.begin(), m_request.headers.end(),
            [this](const HeaderPair &h) { return isCredential(h.first); });
    // A secret from the keychain goes only to the origins it was stored for, wherever it sits.
    const QString origin = urlOrigin(url);
    const QByteArray encodedUrl = url.toEncoded();
    for (auto it = m_request.boundSecrets.cbegin(); it != m_request.boundSecrets.cend(); ++it) {
        if (it.value().contains(origin))
            continue;
        const QByteArray raw = it.key().toUtf8();
        const QByteArray encoded = QUrl::toPercentEncoding(it.key());
        const bool carried = encodedUrl.contains(raw) || encodedUrl.contains(encoded)
            || m_request.body.contains(raw) || m_request.body.contains(encoded)
            || std::any_of(m_request.headers.begin(), m_request.headers.end(),
                [&](const HeaderPair &h) { return h.second.contains(raw); });
        if (carried)
            return QStringLiteral(
                "Refused: a secret from the keychain was stored for %1, not for %2")
                .arg(it.value().join(QLatin1String(", ")), origin);
    }
    if (credentials && url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0
        && !isLoopbackHost(url))
        return QStringLiteral("Refused to send credentials over plain HTTP to %1; use https://")
            .arg(url.host());
    return {};
}

void RequestRun::recordRequest()
{
    m_exchange.method = m_request.method;
    m_exchange.url = m_redactor.url(m_request.url);
    m_exchange.requestHeaders = m_redactor.headers(m_request.headers);
    // Headers Qt adds on the wire that are fully determined by the request.
    const QUrl &url = m_request.url;
    const bool defaultPort = url.port() < 0;
    m_exchange.requestHeaders.prepend({ "Host",
        url.host(QUrl::FullyEncoded).toLatin1()
            + (defaultPort ? QByteArray() : ':' + QByteArray::number(url.port())) });
    if (m_request.hasBody && !hasHeader(m_request.headers, "Content-Length"))
        m_exchange.requestHeaders.append(
            { "Content-Length", QByteArray::number(m_request.body.size()) });
    m_exchange.requestBodySize = m_request.body.size();
    m_exchange.requestBody = m_redactor.bytes(m_request.body.left(MaxRecordedRequestBody));
}

void RequestRun::startHop()
{
    // RFC 9110 §8.6: a POST, PUT or PATCH without content still says "Content-Length: 0".
    static const QByteArrayList bodyMethods { "POST", "PUT", "PATCH" };
    if (!m_request.hasBody && bodyMethods.contains(m_request.method.toUpper())) {
        m_request.hasBody = true;
        m_request.body.clear();
    }
    if (!hasHeader(m_request.headers, "User-Agent"))
        m_request.headers.append({ "User-Agent", HttpExecutor::userAgent() });
    recordRequest();
    const QString problem = policyProblem();
    if (!problem.isEmpty()) {
        fail(FailureKind::Refused, problem);
        return;
    }

    QNetworkRequest req(m_request.url);
    req.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, HttpExecutor::http2Allowed());
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    if (!m_options.caCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_options.caCertificates);
        req.setSslConfiguration(tls);
    }
    // Several rows with one name go out as one comma-joined header (RFC 9110 §5.3).
    for (const HeaderPair &h : m_request.headers) {
        const QByteArray existing = req.rawHeader(h.first);
        req.setRawHeader(h.first, existing.isEmpty() ? h.second : existing + ", " + h.second);
    }

    m_discardBody = false;
    m_exchange.timings = {};
    QNetworkAccessManager *manager = m_executor->manager(m_options);
    m_reply = m_request.hasBody ? manager->sendCustomRequest(req, m_request.method, m_request.body)
                                : manager->sendCustomRequest(req, m_request.method);
    QNetworkReply *reply = m_reply;
    reply->setReadBufferSize(0);

    const auto activity = [this] {
        if (m_options.idleTimeoutMs > 0)
            m_idleTimer.start(m_options.idleTimeoutMs);
    };
    activity();
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this, activity] {
        m_exchange.timings.connectStart = elapsedMs();
        activity();
    });
    connect(reply, &QNetworkReply::encrypted, this, [this, activity] {
        m_exchange.timings.tlsDone = elapsedMs();
        activity();
    });
    connect(reply, &QNetworkReply::requestSent, this, [this, activity] {
        m_exchange.timings.requestSent = elapsedMs();
        activity();
    });
    connect(reply, &QNetworkReply::uploadProgress, this, activity);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply, activity] {
        // The status line and headers arrived: the first byte of the response.
        if (m_exchange.timings.firstByte < 0
            && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0)
            m_exchange.timings.firstByte = elapsedMs();
        activity();
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, activity] {
        activity();
        onReadyRead();
    });
    connect(reply, &QNetworkReply::sslErrors, this, &RequestRun::onSslErrors);
    connect(reply, &QNetworkReply::finished, this, &RequestRun::onReplyFinished);
}

bool RequestRun::isRedirect(int status) const
{
    return m_options.followRedirects
        && (status == 301 || status == 302 || status == 303 || status == 307 || status == 308);
}

void RequestRun::onReadyRead()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (isRedirect(status) && m_reply->hasRawHeader("Location"))
        m_discardBody = true;
    const QByteArray chunk = m_reply->readAll();
    if (!chunk.isEmpty() && m_exchange.timings.firstByte < 0)
        m_exchange.timings.firstByte = elapsedMs();
    if (m_discardBody || chunk.isEmpty())
        return;
    if (!appendBody(chunk))
        return;
    Q_EMIT progress(m_exchange.bodySize);
}

bool RequestRun::appendBody(const QByteArray &chunk)
{
    if (m_exchange.bodySize + chunk.size() > m_options.maxBodyBytes) {
        const qint64 room = m_options.maxBodyBytes - m_exchange.bodySize;
        appendBody(chunk.left(room));
        abortWith(FailureKind::SizeCap,
            QStringLiteral(
                "The response body passed the %1 size cap; stopped (the first %1 is kept)")
                .arg(sizeText(m_options.maxBodyBytes)));
        return false;
    }
    if (!m_exchange.bodyFile && m_exchange.bodySize + chunk.size() > m_options.memoryCapBytes) {
        // Large body: continue on disk so memory stays flat.
        auto file = std::make_shared<QTemporaryFile>();
        if (file->open() && file->write(m_exchange.body) == m_exchange.body.size()) {
            m_exchange.bodyFile = file;
            m_exchange.body.clear();
        }
    }
    if (m_exchange.bodyFile) {
        if (m_exchange.bodyFile->write(chunk) != chunk.size()) {
            abortWith(FailureKind::SizeCap,
                QStringLiteral("Could not store the response body on disk: %1")
                    .arg(m_exchange.bodyFile->errorString()));
            return false;
        }
    } else {
        m_exchange.body += chunk;
    }
    m_exchange.bodySize += chunk.size();
    return true;
}

void RequestRun::onSslErrors(const QList<QSslError> &errors)
{
    for (const QSslError &e : errors) {
        m_exchange.tls.errors.append(e.errorString());
        if (m_exchange.tls.subject.isEmpty() && !e.certificate().isNull()) {
            m_exchange.tls.subject
                = certificateName(e.certificate().subjectInfo(QSslCertificate::CommonName)
                    + e.certificate().subjectInfo(QSslCertificate::Organization));
            m_exchange.tls.issuer
                = certificateName(e.certificate().issuerInfo(QSslCertificate::CommonName)
                    + e.certificate().issuerInfo(QSslCertificate::Organization));
        }
    }
    if (m_options.insecure && m_reply) {
        // Only the errors seen, on the insecure manager only; the exchange is flagged.
        m_reply->ignoreSslErrors(errors);
        m_exchange.warnings.append(QStringLiteral("TLS certificate errors ignored (--insecure): %1")
                                       .arg(m_exchange.tls.errors.join(QLatin1String("; "))));
    }
}

void RequestRun::abortWith(FailureKind kind, const QString &message)
{
    if (m_finished || m_abortReason != FailureKind::None)
        return;
    m_abortReason = kind;
    m_abortMessage = message;
    if (m_reply) {
        m_reply->abort(); // emits finished → onReplyFinished
    } else {
        fail(kind, message);
    }
}

void RequestRun::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_idleTimer.stop();
    if (m_abortReason == FailureKind::None && !m_discardBody)
        onReadyRead(); // collect the rest before anything else
    m_reply = nullptr;
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_exchange.status = status;
    m_exchange.reason = m_redactor.bytes(
        reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    m_exchange.responseHeaders.clear();
    for (const auto &pair : reply->rawHeaderPairs())
        m_exchange.responseHeaders.append({ pair.first, pair.second });
    m_exchange.timings.total = elapsedMs();

    if (m_abortReason != FailureKind::None) {
        fail(m_abortReason, m_abortMessage);
        return;
    }
    const QNetworkReply::NetworkError error = reply->error();
    const QString message = reply->errorString();
    // Qt's decompression-bomb guard reports UnknownContentError with a 200 status.
    if (error != QNetworkReply::NoError
        && message.startsWith(QLatin1String("Decompression failed"))) {
        fail(FailureKind::Decompression,
            QStringLiteral(
                "The server sent a compressed body that expands to far more than its size "
                "(a decompression bomb); it was not unpacked (%1 of it kept)")
                .arg(sizeText(m_exchange.bodySize)));
        return;
    }
    if (error != QNetworkReply::NoError && !(status >= 400 && isHttpStatusError(error))) {
        if (error == QNetworkReply::SslHandshakeFailedError || !m_exchange.tls.isEmpty()) {
            QString text = QStringLiteral("TLS certificate problem: %1")
                               .arg(m_exchange.tls.errors.join(QLatin1String("; ")));
            if (m_exchange.tls.errors.isEmpty())
                text = QStringLiteral("TLS handshake failed: %1").arg(message);
            else
                text += QStringLiteral(" (certificate subject: %1; issuer: %2)")
                            .arg(m_exchange.tls.subject, m_exchange.tls.issuer);
            fail(FailureKind::Tls, text);
        } else if (m_exchange.bodySize > 0 || status > 0) {
            fail(FailureKind::Transport,
                QStringLiteral("%1; the connection broke after %2 of the body")
                    .arg(message, sizeText(m_exchange.bodySize)));
        } else {
            fail(FailureKind::Transport, message);
        }
        return;
    }

    if (isRedirect(status)) {
        const QByteArray location = reply->rawHeader("Location");
        if (!location.isEmpty()) {
            if (followRedirect(status, location))
                return;
            finish();
            return;
        }
    }
    // A Content-Encoding that is still there means Qt did not decode it (Accept-Encoding set by
    // hand).
    m_exchange.bodyUndecoded = hasHeader(m_request.headers, "Accept-Encoding")
        && !m_exchange.responseHeader("Content-Encoding").isEmpty()
        && m_exchange.responseHeader("Content-Encoding").compare("identity", Qt::CaseInsensitive)
            != 0;
    finish();
}

bool RequestRun::followRedirect(int status, const QByteArray &location)
{
    const QUrl current = m_request.url;
    const QUrl next = current.resolved(QUrl::fromEncoded(location));
    RedirectHop hop;
    hop.url = m_redactor.url(current);
    hop.status = status;
    hop.location = m_redactor.url(next);
    if (!next.isValid()
        || (next.scheme() != QLatin1String("http") && next.scheme() != QLatin1String("https"))) {
        m_exchange.hops.append(hop);
        fail(FailureKind::Refused,
            QStringLiteral("The server redirected to an unusable location: %1")
                .arg(QString::fromUtf8(location)));
        return true;
    }
    if (current.scheme() == QLatin1String("https") && next.scheme() == QLatin1String("http")) {
        m_exchange.hops.append(hop);
        fail(FailureKind::Refused,
            QStringLiteral("Refused to follow a redirect from HTTPS to plain HTTP (%1)")
                .arg(hop.location));
        return true;
    }
    if (m_exchange.hops.size() >= m_options.maxRedirects) {
        m_exchange.hops.append(hop);
        fail(FailureKind::TooManyRedirects,
            QStringLiteral("More than %1 redirects; stopped at %2")
                .arg(m_options.maxRedirects)
                .arg(hop.location));
        return true;
    }
    const QString nextOrigin = urlOrigin(next);
    if (nextOrigin != m_origin && !m_request.allowedOrigins.contains(nextOrigin)) {
        const qsizetype before = m_request.headers.size();
        m_request.headers.removeIf([this](const HeaderPair &h) { return isCredential(h.first); });
        hop.credentialsDropped = m_request.headers.size() != before;
        m_request.credentialInUrl = false; // the new URL is the server's, not ours
    }
    const bool keepsBody
        = !(status == 303 || ((status == 301 || status == 302) && m_request.method == "POST"));
    if (keepsBody && nextOrigin != m_origin && m_request.hasBody) {
        // A 307/308 re-sends the body; one that holds a secret stays with its origin.
        const bool secretInBody = std::any_of(m_request.secretValues.begin(),
            m_request.secretValues.end(), [&](const QString &secret) {
                return !secret.isEmpty()
                    && (m_request.body.contains(secret.toUtf8())
                        || m_request.body.contains(QUrl::toPercentEncoding(secret)));
            });
        if (secretInBody) {
            m_exchange.hops.append(hop);
            fail(FailureKind::Refused,
                QStringLiteral(
                    "Refused to re-send a body that holds a secret to another origin (%1)")
                    .arg(hop.location));
            return true;
        }
    }
    if (!keepsBody) {
        if (m_request.method != "HEAD")
            m_request.method = "GET";
        m_request.body.clear();
        m_request.hasBody = false;
        m_request.headers.removeIf([](const HeaderPair &h) {
            return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0
                || h.first.compare("Content-Length", Qt::CaseInsensitive) == 0;
        });
    }
    m_exchange.hops.append(hop);
    m_request.url = next;
    m_exchange.body.clear();
    m_exchange.bodyFile.reset();
    m_exchange.bodySize = 0;
    startHop();
    return true;
}

void RequestRun::fail(FailureKind kind, const QString &message)
{
    m_exchange.failure = kind;
    m_exchange.error = m_redactor.text(message);
    if (m_exchange.timings.total < 0)
        m_exchange.timings.total = elapsedMs();
    finish();
}

void RequestRun::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_idleTimer.stop();
    m_deadlineTimer.stop();
    if (m_exchange.bodyFile)
        m_exchange.bodyFile->flush();
    if (m_exchange.insecure && m_exchange.status > 0)
        m_exchange.warnings.append(QStringLiteral("Sent with certificate checks off (--insecure)"));
    Q_EMIT finished();
}

} // namespace Playground
