#include "app/http/RequestRun.h"

#include "app/http/BodySpill.h"
#include "app/http/HttpExecutor.h"
#include "app/http/SpillFolder.h"
#include "app/policy/CredentialPolicy.h"

#include <QDir>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

namespace Playground {

namespace {

    constexpr qint64 MaxRecordedRequestBody = 4 * 1024 * 1024;
    // Qt reads at most this far ahead of us. Unbounded (0), a fast server fills memory faster than
    // the spill file empties it, and Qt's signal compression can hold readyRead back for as long
    // as data keeps coming (the idle timer then fires although bytes flow).
    constexpr qint64 ReadBufferBytes = 256 * 1024;

    /**
     * The Accept-Encoding Qt sends when the request has none (QDecompressHelper::acceptedEncoding
     * of this build; private in Qt). Setting it ourselves would turn Qt's decoding off, so it is
     * recorded, not set; TestHttpExecutor compares it with what reaches the wire.
     */
    QByteArray qtAcceptEncoding()
    {
#if QT_CONFIG(brotli)
        return QByteArrayLiteral("zstd, br, gzip, deflate");
#else
        return QByteArrayLiteral("zstd, gzip, deflate");
#endif
    }

    /** Qt's default Accept-Language rule, made ours so that it is recorded as sent. */
    QByteArray defaultAcceptLanguage()
    {
        const QLocale locale = QLocale::system();
        if (locale.language() == QLocale::C)
            return QByteArrayLiteral("en,*");
        if (locale.language() == QLocale::English && locale.territory() == QLocale::UnitedStates)
            return QByteArrayLiteral("en-US,*");
        return locale.name().replace(QLatin1Char('_'), QLatin1Char('-')).toLatin1() + ",en,*";
    }

    /** Cookie pairs are joined by "; " (RFC 6265 §5.4), other repeated fields by ", ". */
    QByteArray joinValues(const QByteArray &name, const QByteArray &first, const QByteArray &second)
    {
        const bool cookie = name.compare("Cookie", Qt::CaseInsensitive) == 0;
        return first + (cookie ? "; " : ", ") + second;
    }

    /** Several rows with one name go out as one comma-joined header (RFC 9110 §5.3). */
    HeaderList joinedByName(const HeaderList &headers)
    {
        HeaderList joined;
        for (const HeaderPair &h : headers) {
            auto it = std::find_if(joined.begin(), joined.end(), [&](const HeaderPair &j) {
                return j.first.compare(h.first, Qt::CaseInsensitive) == 0;
            });
            if (it == joined.end())
                joined.append(h);
            else
                it->second = joinValues(h.first, it->second, h.second);
        }
        return joined;
    }

    /**
     * Why the response's framing cannot be trusted (RFC 9112 §6.3): Content-Length values that
     * disagree or are not numbers. Empty when it is fine.
     */
    QString framingProblem(const QNetworkReply *reply)
    {
        QByteArrayList lengths;
        for (const auto &[name, value] : reply->rawHeaderPairs()) {
            if (name.compare("Content-Length", Qt::CaseInsensitive) != 0)
                continue;
            for (const QByteArray &part : value.split(','))
                lengths.append(part.trimmed());
        }
        for (const QByteArray &length : std::as_const(lengths)) {
            const bool digits = !length.isEmpty()
                && std::all_of(
                    length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits)
                return QStringLiteral(
                    "The server sent an invalid Content-Length (\"%1\"); the response was not "
                    "accepted")
                    .arg(QString::fromLatin1(length.left(64)));
            if (length != lengths.first())
                return QStringLiteral("The server sent conflicting Content-Length headers (%1); "
                                      "the response was not accepted")
                    .arg(QString::fromLatin1(lengths.join(", ").left(200)));
        }
        return {};
    }

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
    m_origin = CredentialPolicy::origin(m_request.url);
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
    if (!m_options.proxy.isEmpty()) // a request's own setting: said on every response it gave
        m_exchange.warnings.append(QStringLiteral("Sent through the proxy %1")
                                       .arg(QUrl(m_options.proxy).toString(QUrl::RemovePassword)));
    if (m_options.deadlineMs > 0)
        m_deadlineTimer.start(m_options.deadlineMs);
    startHop();
}

void RequestRun::cancel()
{
    abortWith(FailureKind::Cancelled, QStringLiteral("Cancelled"));
}

void RequestRun::recordRequest()
{
    m_exchange.method = m_request.method;
    m_exchange.url = m_redactor.url(m_request.url);
    m_exchange.requestHeaders = m_redactor.headers(joinedByName(m_request.headers));
    // Headers Qt adds on the wire that are fully determined by the request.
    const QUrl &url = m_request.url;
    const bool defaultPort = url.port() < 0;
    m_exchange.requestHeaders.prepend({ "Host",
        url.host(QUrl::FullyEncoded).toLatin1()
            + (defaultPort ? QByteArray() : ':' + QByteArray::number(url.port())) });
    if (m_request.hasBody && !hasHeader(m_request.headers, "Content-Length"))
        m_exchange.requestHeaders.append(
            { "Content-Length", QByteArray::number(m_request.body.size()) });
    if (!hasHeader(m_request.headers, "Accept-Encoding"))
        m_exchange.requestHeaders.append({ "Accept-Encoding", qtAcceptEncoding() });
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
    addDefaultHeaders();
    // The jar's cookies are the server's own (RFC 6265 decides where each goes): asked of the
    // policy like the user's headers they are not, or no http site could use cookies.
    const QString problem = CredentialPolicy::refusal(m_request);
    if (problem.isEmpty())
        addJarCookies();
    recordRequest();
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
        req.setRawHeader(
            h.first, existing.isEmpty() ? h.second : joinValues(h.first, existing, h.second));
    }

    m_discardBody = false;
    m_exchange.timings = {};
    QNetworkAccessManager *manager = m_executor->manager(m_options);
    // A HEAD sent as a custom verb makes Qt wait for the body its Content-Length announces.
    if (m_request.method == "HEAD" && !m_request.hasBody) {
        // For HEAD, AlwaysNetwork makes Qt add Cache-Control and Pragma; the managers have no
        // cache, so the default policy loads from the network all the same.
        req.setAttribute(
            QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferNetwork);
        m_reply = manager->head(req);
    } else {
        m_reply = m_request.hasBody
            ? manager->sendCustomRequest(req, m_request.method, m_request.body)
            : manager->sendCustomRequest(req, m_request.method);
    }
    QNetworkReply *reply = m_reply;
    reply->setReadBufferSize(ReadBufferBytes);

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
        checkResponseHead(reply);
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, activity] {
        activity();
        onReadyRead();
    });
    connect(reply, &QNetworkReply::sslErrors, this, &RequestRun::onSslErrors);
    connect(reply, &QNetworkReply::finished, this, &RequestRun::onReplyFinished);
}

void RequestRun::addDefaultHeaders()
{
    // Headers Qt would add by itself are chosen here, so "as sent" lists them (Accept-Encoding is
    // left to Qt, which decodes only what it asked for, and recorded in recordRequest()).
    if (!hasHeader(m_request.headers, "Connection"))
        m_request.headers.append(
            { QByteArrayLiteral("Connection"), QByteArrayLiteral("Keep-Alive") });
    if (!hasHeader(m_request.headers, "Accept-Language"))
        m_request.headers.append({ "Accept-Language", defaultAcceptLanguage() });
}

void RequestRun::addJarCookies()
{
    // The previous hop's cookies were chosen for its URL; this hop's URL chooses anew.
    if (!m_jarCookies.isEmpty()) {
        m_request.headers.removeOne(HeaderPair { QByteArrayLiteral("Cookie"), m_jarCookies });
        m_jarCookies.clear();
    }
    if (!m_options.cookieJar)
        return;
    m_jarCookies = m_options.cookieJar->cookieHeader(m_request.url);
    if (!m_jarCookies.isEmpty())
        m_request.headers.append({ QByteArrayLiteral("Cookie"), m_jarCookies });
    for (const QByteArray &pair : m_jarCookies.split(';')) {
        const QString value = QString::fromUtf8(pair.mid(pair.indexOf('=') + 1)).trimmed();
        if (!value.isEmpty() && !m_jarCookieValues.contains(value))
            m_jarCookieValues.append(value);
    }
}

void RequestRun::keepCookies(QNetworkReply *reply)
{
    const QList<QNetworkCookie> set
        = reply->header(QNetworkRequest::SetCookieHeader).value<QList<QNetworkCookie>>();
    if (set.isEmpty())
        return;
    if (!m_options.cookieJar) {
        for (QNetworkCookie cookie : set) {
            cookie.normalize(m_request.url);
            m_exchange.cookies.append(cookie);
        }
        return;
    }
    const CookieJar::Stored stored = m_options.cookieJar->store(set, m_request.url);
    m_exchange.cookies += stored.accepted;
    for (const QString &refusal : stored.refusals)
        m_exchange.warnings.append(m_redactor.text(refusal));
}

void RequestRun::checkResponseHead(QNetworkReply *reply)
{
    if (m_abortReason != FailureKind::None
        || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() <= 0)
        return;
    // Qt 6.4 drops every header field when there are too many or one is too large, and then
    // reads the body until the server closes: on a kept-alive connection, until the idle timeout.
    if (reply->rawHeaderPairs().isEmpty()) {
        abortWith(FailureKind::Transport,
            QStringLiteral("The response header could not be read (more header fields, or larger "
                           "ones, than the client accepts); stopped"));
        return;
    }
    const QString framing = framingProblem(reply);
    if (!framing.isEmpty())
        abortWith(FailureKind::Transport, framing);
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
    // While the disk is behind, the bytes wait in Qt's bounded buffer and the server is slowed
    // down; drained() resumes. The rest is always collected once the reply has finished.
    if (m_spill && !m_reply->isFinished() && m_spill->isBacklogged()) {
        m_idleTimer.stop(); // the network is not idle: we are not reading
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (!chunk.isEmpty() && m_exchange.timings.firstByte < 0)
        m_exchange.timings.firstByte = elapsedMs();
    if (m_discardBody || chunk.isEmpty())
        return;
    if (!appendBody(chunk))
        return;
    Q_EMIT progress(m_exchange.bodySize);
}

bool RequestRun::startSpill()
{
    // Large body: continue on disk so memory stays flat, written off this thread.
    const QString directory
        = m_options.spillDirectory.isEmpty() ? SpillFolder::path() : m_options.spillDirectory;
    m_spill = std::make_unique<BodySpill>(directory);
    if (!m_spill->isOpen()) {
        const QString error = m_spill->errorString();
        m_spill.reset();
        abortWith(FailureKind::Disk,
            QStringLiteral(
                "Could not store the response body on disk (in %1): %2; stopped after %3")
                .arg(QDir::toNativeSeparators(directory), error, sizeText(m_exchange.bodySize)));
        return false;
    }
    connect(m_spill.get(), &BodySpill::failed, this, [this](const QString &error) {
        const QString message
            = QStringLiteral("Could not store the response body on disk: %1; stopped after %2")
                  .arg(error, sizeText(m_exchange.bodySize));
        if (!m_finished)
            abortWith(FailureKind::Disk, message);
        else if (m_exchange.failure == FailureKind::None) { // while the last bytes were written
            m_exchange.failure = FailureKind::Disk;
            m_exchange.error = message;
        }
    });
    // Reading paused while the disk caught up (see onReadyRead).
    connect(m_spill.get(), &BodySpill::drained, this, [this] {
        if (m_options.idleTimeoutMs > 0 && m_reply)
            m_idleTimer.start(m_options.idleTimeoutMs);
        onReadyRead();
    });
    m_spill->append(m_exchange.body);
    m_exchange.bodyFile = m_spill->file();
    m_exchange.body = QByteArray(); // release the memory, not only the contents
    return true;
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
    if (!m_spill && m_exchange.bodySize + chunk.size() > m_options.memoryCapBytes && !startSpill())
        return false;
    if (m_spill)
        m_spill->append(chunk);
    else
        m_exchange.body += chunk;
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
    if (status > 0)
        keepCookies(reply); // every hop's, redirects too, before the next hop asks the jar

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
    recordWireSize(reply);
    finish();
}

void RequestRun::recordWireSize(const QNetworkReply *reply)
{
    // Qt drops the Content-Length of a body it decodes, keeps it in this attribute, and reports
    // decoded bytes everywhere else (downloadProgress too): a decoded body sent in chunks has no
    // size on the wire that Qt tells.
    const QVariant encodedLength
        = reply->attribute(QNetworkRequest::OriginalContentLengthAttribute);
    const QByteArray encoding = m_exchange.responseHeader("Content-Encoding").trimmed();
    const bool decoded = !m_exchange.bodyUndecoded && !encoding.isEmpty()
        && encoding.compare("identity", Qt::CaseInsensitive) != 0;
    if (encodedLength.isValid())
        m_exchange.bodyWireSize = encodedLength.toLongLong();
    else
        m_exchange.bodyWireSize = decoded ? -1 : m_exchange.bodySize;
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
    const bool keepsBody
        = !(status == 303 || ((status == 301 || status == 302) && m_request.method == "POST"));
    const CredentialPolicy::Hop decision
        = CredentialPolicy::followRedirect(&m_request, m_origin, next, keepsBody);
    hop.credentialsDropped = decision.credentialsDropped;
    if (!decision.refusal.isEmpty()) {
        m_exchange.hops.append(hop);
        fail(FailureKind::Refused, decision.refusal);
        return true;
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
    m_spill.reset();
    m_exchange.bodySize = 0;
    m_exchange.bodyWireSize = -1;
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
    if (m_exchange.insecure && m_exchange.status > 0)
        m_exchange.warnings.append(QStringLiteral("Sent with certificate checks off (--insecure)"));
    if (!m_spill) {
        Q_EMIT finished();
        return;
    }
    // The body the exchange names is whole once the writer has written what it was given.
    connect(m_spill.get(), &BodySpill::closed, this, [this] {
        m_spill.release()->deleteLater(); // it is emitting
        Q_EMIT finished();
    });
    m_spill->close();
}

} // namespace Playground
