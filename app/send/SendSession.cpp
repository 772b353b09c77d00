#include "app/send/SendSession.h"

#include "app/auth/CredentialProfile.h"
#include "app/auth/TokenManager.h"
#include "app/http/HttpExecutor.h"
#include "app/http/Redactor.h"
#include "app/http/RequestRun.h"
#include "app/policy/CredentialPolicy.h"
#include "app/template/RequestResolver.h"
#include "app/template/TemplateText.h"

namespace Playground {

SendSession::Prepared SendSession::prepare(
    const RequestSpec &request, const AuthSpec &auth, VariableScopes scopes)
{
    // Every variable a secret field of the auth refers to is a secret: marked where it lands,
    // redacted wherever the exchange is recorded.
    for (const QString &name : AuthApplier::secretVariables(auth))
        scopes.markSecret(name);
    if (const std::optional<CredentialProfile> profile = CredentialProfile::fromAuthSpec(auth)) {
        for (const QString &name : profile->secretVariables())
            scopes.markSecret(name);
    }
    TemplateText text(scopes);
    Prepared out;
    QStringList errors;
    out.request = RequestResolver::resolve(request, text, &errors);
    out.pending = AuthApplier::apply(auth, text, &out.request, &errors);
    out.request.secretUses = text.secretUses() + out.request.secretUses;
    for (const QString &value : text.secretValues()) {
        if (!out.request.secretValues.contains(value))
            out.request.secretValues.append(value);
    }
    const Redactor redactor(out.request.secretValues);
    // Masked first, then shortened: a value cut before masking could show most of a secret.
    const auto told = [&redactor](const QString &message) {
        constexpr qsizetype MaxMessage = 2000;
        const QString masked = redactor.text(message);
        return masked.size() > MaxMessage ? masked.left(MaxMessage) + QStringLiteral("…") : masked;
    };

    out.unresolved = text.unresolved();
    if (!out.unresolved.isEmpty()) {
        out.failure = FailureKind::Unresolved;
        out.message = QStringLiteral("Unresolved variables: %1")
                          .arg(out.unresolved.join(QLatin1String(", ")));
        return out;
    }
    if (!text.error().isEmpty())
        errors.prepend(text.error());
    // Messages may quote a value (a bad host, a bad URL): never a secret one.
    if (!errors.isEmpty()) {
        out.failure = FailureKind::Invalid;
        out.message = told(errors.join(QLatin1String("; ")));
        return out;
    }
    // Before any byte, and before any DNS lookup of a host that might spell a secret.
    if (const QString refusal = CredentialPolicy::refusal(out.request); !refusal.isEmpty()) {
        out.failure = FailureKind::Refused;
        out.message = told(refusal);
    }
    return out;
}

SendSession::SendSession(HttpExecutor *executor, TokenManager *tokens, const RequestSpec &request,
    const AuthSpec &auth, const VariableScopes &scopes, const SendOptions &options, QObject *parent)
    : QObject(parent)
    , m_executor(executor)
    , m_tokens(tokens)
    , m_prepared(prepare(request, auth, scopes))
    , m_options(options)
{
}

QStringList SendSession::redactionValues() const
{
    // Shorter header values are left alone: masking every "a=1" of a body would hide the data.
    constexpr qsizetype MinCredentialLength = 6;
    QStringList values = m_prepared.request.secretValues;
    for (const QString &cookie : m_jarCookieValues) {
        if (cookie.size() >= MinCredentialLength && !values.contains(cookie))
            values.append(cookie);
    }
    for (const HeaderPair &h : m_prepared.request.headers) {
        if (!Redactor::isCredentialHeader(h.first))
            continue;
        const QString value = QString::fromUtf8(h.second).trimmed();
        const qsizetype space = value.indexOf(QLatin1Char(' '));
        for (const QString &v : { value, space > 0 ? value.mid(space + 1).trimmed() : QString() }) {
            if (v.size() >= MinCredentialLength && !values.contains(v))
                values.append(v);
        }
    }
    return values;
}

void SendSession::start()
{
    if (!m_prepared.ok()) {
        m_exchange.unresolved = m_prepared.unresolved;
        failBeforeSending(m_prepared.failure, m_prepared.message);
        return;
    }
    const std::optional<ResolvedCredentials> &oauth = m_prepared.pending.oauth;
    if (!oauth) {
        send();
        return;
    }
    m_tokens->token(oauth->tokenRequest, this, [this](const Result<AccessToken> &token) {
        if (!token) {
            failBeforeSending(
                FailureKind::NoToken, QStringLiteral("OAuth token: ") + token.error());
            return;
        }
        m_token = token->value;
        AuthApplier::attachToken(&m_prepared.request, m_token, *m_prepared.pending.oauth);
        send();
    });
}

void SendSession::failBeforeSending(FailureKind kind, const QString &error)
{
    // The method itself may be where a refused secret sat: recorded redacted, like everything.
    m_exchange.method = Redactor(m_prepared.request.secretValues).bytes(m_prepared.request.method);
    m_exchange.failure = kind;
    m_exchange.error = error;
    m_exchange.warnings = m_prepared.request.warnings;
    // From the event loop, as a real send would: callers connect after start().
    QMetaObject::invokeMethod(this, &SendSession::finish, Qt::QueuedConnection);
}

void SendSession::cancel()
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

void SendSession::send()
{
    if (m_cancelled)
        return;
    RequestRun *run = m_executor->send(m_prepared.request, m_options);
    m_run = run;
    connect(run, &RequestRun::progress, this, &SendSession::progress);
    connect(run, &RequestRun::finished, this, [this, run] {
        run->deleteLater();
        m_jarCookieValues += run->jarCookieValues();
        onSent(run->exchange());
    });
}

void SendSession::onSent(const Exchange &exchange)
{
    m_exchange = exchange;
    const bool tokenReachedServer = std::none_of(exchange.hops.begin(), exchange.hops.end(),
        [](const RedirectHop &hop) { return hop.credentialsDropped; });
    const std::optional<ResolvedCredentials> &oauth = m_prepared.pending.oauth;
    if (!oauth || m_retried || m_cancelled || m_token.isEmpty() || exchange.status != 401
        || !tokenReachedServer) {
        finish();
        return;
    }
    // The cached token was refused (revoked or expired early): one new token, one retry, never
    // more.
    m_retried = true;
    m_tokens->renew(oauth->tokenRequest, m_token, this, [this](const Result<AccessToken> &token) {
        if (!token) {
            m_exchange.warnings.append(
                QStringLiteral("HTTP 401 with the cached token; getting a new one failed: %1")
                    .arg(token.error()));
            finish();
            return;
        }
        m_token = token->value;
        AuthApplier::attachToken(&m_prepared.request, m_token, *m_prepared.pending.oauth);
        m_prepared.request.warnings.append(
            QStringLiteral("The first attempt got HTTP 401; sent again once with a new token"));
        send();
    });
}

void SendSession::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace Playground
