#include "app/auth/TokenManager.h"

#include "app/auth/TokenResponseParser.h"
#include "app/http/HttpExecutor.h"
#include "app/http/Redactor.h"
#include "app/http/RequestRun.h"
#include "app/policy/CredentialPolicy.h"
#include "app/secrets/SecretStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <memory>

namespace Playground {

namespace {

    constexpr qint64 MaxTokenResponseBytes = 1024 * 1024;

    /** application/x-www-form-urlencoded (RFC 6749 Appendix B): UTF-8, percent-encoded, space as
     * '+'. */
    QByteArray formEncode(const QString &value)
    {
        return QUrl::toPercentEncoding(value).replace("%20", "+");
    }

    QByteArray jsonString(const QString &value)
    {
        const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    }

} // namespace

TokenManager::TokenManager(HttpExecutor *executor, SecretStore *store, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_store(store)
{
}

ResolvedRequest TokenManager::buildRequest(const TokenRequest &request)
{
    ResolvedRequest r;
    r.method = "POST";
    r.url = request.tokenUrl;
    r.hasBody = true;
    r.headers.append(
        HeaderPair(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")));
    const QByteArray scope
        = request.scope.isEmpty() ? QByteArray() : "&scope=" + formEncode(request.scope);
    switch (request.clientAuth) {
    case ClientAuthStyle::JsonBody:
        // Key order and spelling as the Digishare documentation shows them.
        r.headers.append(
            HeaderPair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
        r.body
            = "{\"grant_type\":\"client_credentials\",\"client_id\":" + jsonString(request.clientId)
            + ",\"client_secret\":" + jsonString(request.clientSecret)
            + (request.scope.isEmpty() ? QByteArray() : ",\"scope\":" + jsonString(request.scope))
            + '}';
        break;
    case ClientAuthStyle::FormBody:
        r.headers.append(HeaderPair(QByteArrayLiteral("Content-Type"),
            QByteArrayLiteral("application/x-www-form-urlencoded")));
        r.body = "grant_type=client_credentials&client_id=" + formEncode(request.clientId)
            + "&client_secret=" + formEncode(request.clientSecret) + scope;
        break;
    case ClientAuthStyle::HttpBasic:
        // RFC 6749 §2.3.1: id and secret are form-urlencoded first, then joined and base64-encoded.
        r.headers.append({ "Authorization",
            "Basic "
                + (formEncode(request.clientId) + ':' + formEncode(request.clientSecret))
                      .toBase64() });
        r.headers.append(HeaderPair(QByteArrayLiteral("Content-Type"),
            QByteArrayLiteral("application/x-www-form-urlencoded")));
        r.body = "grant_type=client_credentials" + scope;
        break;
    }
    if (!request.clientSecret.isEmpty()) {
        // Every spelling the secret takes on the wire, so a recorded copy never shows it (an
        // error body echoing the Basic header too).
        r.secretValues = {
            request.clientSecret, QString::fromUtf8(formEncode(request.clientSecret)),
            QString::fromUtf8(jsonString(request.clientSecret)),
            QString::fromLatin1(
                (formEncode(request.clientId) + ':' + formEncode(request.clientSecret)).toBase64())
        };
        r.secretValues.removeDuplicates();
    }
    // The client secret goes to the token URL only; a redirect is reported, never followed.
    r.secretUses.append({ QStringLiteral("client secret"), SecretPosition::TokenRequestField,
        request.clientAuth == ClientAuthStyle::HttpBasic ? QByteArray("Authorization")
                                                         : QByteArray(),
        { CredentialPolicy::origin(request.tokenUrl) } });
    return r;
}

void TokenManager::token(const TokenRequest &request, QObject *context, Callback callback)
{
    acquire(request, {}, context, std::move(callback), true);
}

void TokenManager::renew(
    const TokenRequest &request, const QString &rejected, QObject *context, Callback callback)
{
    acquire(request, rejected, context, std::move(callback), false);
}

void TokenManager::forget(const TokenRequest &request)
{
    const QString key = request.cacheKey();
    m_tokens.remove(key);
    if (m_store)
        m_store->remove(key, this, {});
}

void TokenManager::acquire(const TokenRequest &request, const QString &rejected, QObject *context,
    Callback callback, bool readStore)
{
    const Waiter waiter { context ? context : this, std::move(callback) };
    if (const QString problem = CredentialPolicy::tokenUrlRefusal(request.tokenUrl);
        !problem.isEmpty()) {
        deliver(waiter, Result<AccessToken>::failure(problem));
        return;
    }
    const QString key = request.cacheKey();
    const auto cached = m_tokens.constFind(key);
    if (cached != m_tokens.cend()) {
        // A token is handed only to a caller that proves the secret it was fetched with, for the
        // same origins: another file with the same token URL, client id and scope gets none.
        if (cached->isFresh(QDateTime::currentDateTimeUtc()) && request.owns(*cached)
            && (rejected.isEmpty() || cached->value != rejected)) {
            deliver(waiter, *cached);
            return;
        }
        // Stale, or the caller was refused with it: it is never handed out again.
        m_tokens.remove(key);
        if (m_store)
            m_store->remove(key, this, {});
    }
    const bool inFlight = m_pending.contains(key);
    Pending &pending = m_pending[key];
    pending.waiters.append(waiter);
    if (!rejected.isEmpty())
        pending.rejected.append(rejected);
    if (inFlight)
        return;

    if (!readStore || !m_store || !rejected.isEmpty()) {
        fetch(request);
        return;
    }
    // A keychain that never answers (hung, or waiting on an unlock prompt) must not hang the send.
    auto answered = std::make_shared<bool>(false);
    QTimer::singleShot(m_keychainTimeoutMs, this, [this, key, answered] {
        if (*answered)
            return;
        *answered = true;
        complete(key,
            Result<AccessToken>::failure(
                QStringLiteral("The keychain did not answer within %1 s when asked for the cached "
                               "token; nothing was sent. Unlock the keychain or check that its "
                               "service is running, then send again.")
                    .arg(m_keychainTimeoutMs / 1000.0)));
    });
    m_store->read(key, this, [this, request, key, answered](const SecretResult &stored) {
        if (*answered)
            return;
        *answered = true;
        const std::optional<AccessToken> token
            = stored.ok && stored.value ? deserialize(*stored.value) : std::nullopt;
        const Pending &pending = m_pending[key];
        if (token && token->isFresh(QDateTime::currentDateTimeUtc()) && request.owns(*token)
            && !pending.rejected.contains(token->value)) {
            m_tokens.insert(key, *token);
            complete(key, *token);
            return;
        }
        fetch(request);
    });
}

void TokenManager::fetch(const TokenRequest &request)
{
    SendOptions options = m_options;
    options.followRedirects = false;
    const ResolvedRequest resolved = buildRequest(request);
    RequestRun *run = m_executor->send(resolved, options);
    const QString key = request.cacheKey();
    const QStringList secrets = resolved.secretValues;
    connect(run, &RequestRun::finished, this,
        [this, run, key, request, url = request.tokenUrl, secrets] {
            const Exchange &exchange = run->exchange();
            std::optional<Result<AccessToken>> result;
            if (exchange.failure != FailureKind::None) {
                result = Result<AccessToken>::failure(
                    QStringLiteral("Could not get a token from %1: %2")
                        .arg(url.toDisplayString(), exchange.error));
            } else if (exchange.status >= 300 && exchange.status < 400) {
                result = Result<AccessToken>::failure(
                    QStringLiteral(
                        "The token endpoint answered HTTP %1 with a redirect to \"%2\"; it "
                        "was not followed, "
                        "so the client credentials went nowhere else.")
                        .arg(exchange.status)
                        .arg(Redactor(secrets)
                                 .text(QString::fromUtf8(exchange.responseHeader("Location")))
                                 .left(200)));
            } else {
                // The server's words, with the client secret masked should the error echo it.
                result = TokenResponseParser::parse(exchange.status,
                    exchange.responseHeader("Content-Type"),
                    exchange.bodyBytes(MaxTokenResponseBytes), QDateTime::currentDateTimeUtc(),
                    secrets);
            }
            run->deleteLater();
            if (result->ok()) {
                AccessToken token = result->value();
                request.claim(&token);
                result = token;
                m_tokens.insert(key, token);
                if (m_store)
                    m_store->write(key, QString::fromUtf8(serialize(token)), this, {});
                Q_EMIT tokenAcquired(key);
            }
            complete(key, *result);
        });
}

void TokenManager::complete(const QString &key, const Result<AccessToken> &result)
{
    const Pending pending = m_pending.take(key);
    for (const Waiter &waiter : pending.waiters)
        deliver(waiter, result);
}

void TokenManager::deliver(const Waiter &waiter, const Result<AccessToken> &result)
{
    if (!waiter.context || !waiter.callback)
        return;
    QMetaObject::invokeMethod(
        waiter.context.data(), [callback = waiter.callback, result] { callback(result); },
        Qt::QueuedConnection);
}

QByteArray TokenManager::serialize(const AccessToken &token)
{
    QJsonObject o { { QStringLiteral("access_token"), token.value },
        { QStringLiteral("token_type"), token.type } };
    if (token.expiresAt.isValid())
        o.insert(QStringLiteral("expires_at"), token.expiresAt.toUTC().toString(Qt::ISODate));
    if (!token.scope.isEmpty())
        o.insert(QStringLiteral("scope"), token.scope);
    o.insert(QStringLiteral("secret_sha256"), QString::fromLatin1(token.secretDigest));
    o.insert(QStringLiteral("origins"), QJsonArray::fromStringList(token.origins));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<AccessToken> TokenManager::deserialize(const QString &text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    AccessToken token;
    token.value = o.value(QLatin1String("access_token")).toString();
    if (token.value.isEmpty())
        return std::nullopt;
    token.type = o.value(QLatin1String("token_type")).toString(QStringLiteral("Bearer"));
    if (o.contains(QLatin1String("expires_at")))
        token.expiresAt
            = QDateTime::fromString(o.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    token.scope = o.value(QLatin1String("scope")).toString();
    token.secretDigest = o.value(QLatin1String("secret_sha256")).toString().toLatin1();
    for (const QJsonValue &origin : o.value(QLatin1String("origins")).toArray())
        token.origins.append(origin.toString());
    return token;
}

} // namespace Playground
