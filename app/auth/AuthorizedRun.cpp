#include "app/auth/AuthorizedRun.h"

#include "app/auth/TokenManager.h"
#include "app/http/HttpExecutor.h"
#include "app/http/RequestRun.h"
#include "app/http/UrlOrigin.h"
#include "app/template/RequestResolver.h"

namespace Playground {

namespace {

    bool hasAuthorization(const HeaderList &headers)
    {
        return std::any_of(headers.begin(), headers.end(), [](const HeaderPair &h) {
            return h.first.compare("Authorization", Qt::CaseInsensitive) == 0;
        });
    }

} // namespace

AuthorizedRun::AuthorizedRun(HttpExecutor *executor, TokenManager *tokens, ResolvedRequest request,
    std::optional<ResolvedCredentials> credentials, SendOptions options, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_tokens(tokens)
    , m_request(std::move(request))
    , m_credentials(std::move(credentials))
    , m_options(options)
{
}

Result<AuthorizedRun *> AuthorizedRun::create(const RequestSpec &request, const AuthSpec &auth,
    const VariableScopes &scopes, HttpExecutor *executor, TokenManager *tokens,
    const SendOptions &options, QObject *parent)
{
    using R = Result<AuthorizedRun *>;
    const std::optional<CredentialProfile> profile = CredentialProfile::fromAuthSpec(auth);
    if (!profile) {
        RequestResolver resolver;
        Result<ResolvedRequest> resolved = resolver.resolve(request, auth, scopes);
        if (!resolved)
            return R::failure(resolved.error());
        return new AuthorizedRun(
            executor, tokens, std::move(resolved).value(), std::nullopt, options, parent);
    }

    VariableScopes marked = scopes;
    for (const QString &name : profile->secretVariables())
        marked.markSecret(name);
    AuthSpec none;
    none.type = QStringLiteral("noauth");
    RequestResolver resolver;
    Result<ResolvedRequest> resolved = resolver.resolve(request, none, marked);
    const Result<ResolvedCredentials> credentials = ResolvedCredentials::resolve(*profile, marked);
    if (!resolved || !credentials) {
        QStringList errors;
        if (!resolved)
            errors.append(resolved.error());
        if (!credentials)
            errors.append(QStringLiteral("Credentials: ") + credentials.error());
        return R::failure(errors.join(QLatin1String("; ")));
    }
    ResolvedRequest ready = std::move(resolved).value();
    ready.secretValues.append(credentials->secretValues);
    ready.boundSecrets.insert(credentials->boundSecrets);
    ready.secretValues.removeDuplicates();
    return new AuthorizedRun(
        executor, tokens, std::move(ready), credentials.value(), options, parent);
}

bool AuthorizedRun::isOAuth() const
{
    return m_credentials && m_credentials->kind == CredentialProfile::Kind::ClientCredentials;
}

void AuthorizedRun::start()
{
    // An Authorization header typed on the request wins over the profile, as in the resolver.
    if (!m_credentials || hasAuthorization(m_request.headers)) {
        m_credentials.reset();
        send();
        return;
    }
    const QString origin = urlOrigin(m_request.url);
    const QStringList &allowed = m_credentials->allowedOrigins;
    if (!allowed.isEmpty() && !allowed.contains(origin)) {
        m_request.warnings.append(QStringLiteral(
            "Credentials not sent: %1 is not among the profile's allowed origins (%2)")
                                      .arg(origin, allowed.join(QLatin1String(", "))));
        m_credentials.reset();
        send();
        return;
    }
    m_request.allowedOrigins = allowed;
    if (!isOAuth()) {
        authorizeWith(m_credentials->bearerToken);
        send();
        return;
    }
    m_tokens->token(m_credentials->tokenRequest, this, [this](const Result<AccessToken> &token) {
        if (!token) {
            m_error = QStringLiteral("OAuth token: ") + token.error();
            finish();
            return;
        }
        authorizeWith(token->value);
        send();
    });
}

void AuthorizedRun::authorizeWith(const QString &token)
{
    m_token = token;
    m_request.headers.removeIf([](const HeaderPair &h) {
        return h.first.compare("Authorization", Qt::CaseInsensitive) == 0;
    });
    m_request.headers.append({ "Authorization", "Bearer " + token.toUtf8() });
    if (!m_request.secretValues.contains(token))
        m_request.secretValues.append(token);
}

void AuthorizedRun::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_run) {
        m_run->cancel();
        return;
    }
    // Waiting for a token: nothing was sent.
    m_exchange.failure = FailureKind::Cancelled;
    m_exchange.error = QStringLiteral("Cancelled");
    finish();
}

void AuthorizedRun::send()
{
    if (m_cancelled)
        return;
    RequestRun *run = m_executor->send(m_request, m_options);
    m_run = run;
    connect(run, &RequestRun::progress, this, &AuthorizedRun::progress);
    connect(run, &RequestRun::finished, this, [this, run] {
        run->deleteLater();
        onSent(run->exchange());
    });
}

void AuthorizedRun::onSent(const Exchange &exchange)
{
    m_exchange = exchange;
    const bool tokenReachedServer = std::none_of(exchange.hops.begin(), exchange.hops.end(),
        [](const RedirectHop &hop) { return hop.credentialsDropped; });
    if (!isOAuth() || m_retried || m_cancelled || m_token.isEmpty() || exchange.status != 401
        || !tokenReachedServer) {
        finish();
        return;
    }
    // The cached token was refused (revoked or expired early): one new token, one retry, never
    // more.
    m_retried = true;
    m_tokens->renew(
        m_credentials->tokenRequest, m_token, this, [this](const Result<AccessToken> &token) {
            if (!token) {
                m_exchange.warnings.append(
                    QStringLiteral("HTTP 401 with the cached token; getting a new one failed: %1")
                        .arg(token.error()));
                finish();
                return;
            }
            authorizeWith(token->value);
            m_request.warnings.append(
                QStringLiteral("The first attempt got HTTP 401; sent again once with a new token"));
            send();
        });
}

void AuthorizedRun::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace Playground
