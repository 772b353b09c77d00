#include "app/auth/AuthApplier.h"

#include "app/auth/CredentialProfile.h"
#include "app/model/ByteText.h"
#include "app/policy/CredentialPolicy.h"
#include "app/template/RequestResolver.h"

#include <QUrlQuery>

namespace Playground {

namespace {

    constexpr const char *Authorization = "Authorization";

    bool hasLineBreak(const QByteArray &value)
    {
        return value.contains('\r') || value.contains('\n') || value.contains('\0');
    }

    /** Records a credential the auth put in header (a literal one has no variable to mark). */
    void recordCredential(ResolvedRequest *request, const QString &what, SecretPosition position,
        const QByteArray &header, const QStringList &origins = {})
    {
        request->secretUses.append({ what, position, header, origins, false });
    }

    void addSecretValue(ResolvedRequest *request, const QString &value)
    {
        if (!value.isEmpty() && !request->secretValues.contains(value))
            request->secretValues.append(value);
    }

} // namespace

AuthSpec AuthApplier::effectiveAuth(const RequestPath &path, const Collection *collection)
{
    if (path.item && path.item->request.auth && !path.item->request.auth->inherits())
        return *path.item->request.auth;
    for (auto it = path.folders.crbegin(); it != path.folders.crend(); ++it) {
        if ((*it)->auth && !(*it)->auth->inherits())
            return *(*it)->auth;
    }
    if (collection && collection->auth && !collection->auth->inherits())
        return *collection->auth;
    AuthSpec none;
    none.type = QStringLiteral("noauth");
    return none;
}

bool AuthApplier::hasAuthorization(const HeaderList &headers)
{
    return std::any_of(headers.begin(), headers.end(), [](const HeaderPair &h) {
        return h.first.compare(Authorization, Qt::CaseInsensitive) == 0;
    });
}

bool AuthApplier::isSecretParam(const QString &authType, const QString &key)
{
    // The fields that hold a secret in every Postman auth type (bearer, basic, digest, oauth1,
    // oauth2, hawk, awsv4, ntlm, akamai edgegrid, jwt, asap) and in types it may add: a token,
    // password, secret or private key by name, however it is prefixed (accessToken,
    // consumerSecret, tokenSecret, clientToken, secretKey, privateKey, oauth1's verifier,
    // oauth2's code_verifier…). User names, ids, URLs, algorithms and the token's name or type
    // are not secret.
    static const QStringList secretEndings { QStringLiteral("token"), QStringLiteral("password"),
        QStringLiteral("secret"), QStringLiteral("secretkey"), QStringLiteral("privatekey"),
        QStringLiteral("authkey"), QStringLiteral("verifier") };
    const QString lower = key.toLower();
    return std::any_of(secretEndings.cbegin(), secretEndings.cend(), [&](const QString &ending) {
        return lower.endsWith(ending);
    }) || (authType == QLatin1String("apikey") && key == QLatin1String("value"));
}

QStringList AuthApplier::secretVariables(const AuthSpec &auth)
{
    QStringList names;
    for (const AuthParam &p : auth.params) {
        if (!isSecretParam(auth.type, p.key) || !p.value.isString())
            continue;
        for (const TemplateToken &t : TemplateText::tokenize(p.value.toString())) {
            if (t.isVariable && !names.contains(t.text))
                names.append(t.text);
        }
    }
    return names;
}

AuthApplier::Pending AuthApplier::apply(
    const AuthSpec &auth, TemplateText &text, ResolvedRequest *request, QStringList *errors)
{
    Pending pending;
    const QString type = auth.type;
    const QString origin = CredentialPolicy::origin(request->url);
    const bool typedAuthorization = hasAuthorization(request->headers);

    if (const std::optional<CredentialProfile> profile = CredentialProfile::fromAuthSpec(auth)) {
        if (typedAuthorization)
            return pending;
        Result<ResolvedCredentials> credentials = ResolvedCredentials::resolve(*profile, text);
        if (!credentials) {
            errors->append(QStringLiteral("Credentials: ") + credentials.error());
            return pending;
        }
        if (!CredentialPolicy::originAllowed(credentials->allowedOrigins, origin)) {
            request->warnings.append(
                QStringLiteral(
                    "Credentials not sent: %1 is not among the profile's allowed origins (%2)")
                    .arg(origin, credentials->allowedOrigins.join(QLatin1String(", "))));
            return pending;
        }
        for (const QString &value : credentials->secretValues)
            addSecretValue(request, value);
        if (profile->kind == CredentialProfile::Kind::ClientCredentials) {
            pending.oauth = std::move(credentials).value();
            return pending;
        }
        request->secretUses.append(credentials->secretUses);
        request->headers.append(
            { Authorization, "Bearer " + ByteText::toBytes(credentials->bearerToken) });
        return pending;
    }

    if (type == QLatin1String("basic") && !typedAuthorization) {
        const QString user = text.resolve(
            auth.param(QStringLiteral("username")), SecretPosition::AuthField, Authorization);
        const QString password = text.resolve(
            auth.param(QStringLiteral("password")), SecretPosition::AuthField, Authorization);
        // As written: a Latin-1 password (curl -u) is sent as its bytes (ByteText).
        const QByteArray pair = ByteText::toBytes(user) + ':' + ByteText::toBytes(password);
        request->headers.append({ Authorization, "Basic " + pair.toBase64() });
        recordCredential(
            request, QStringLiteral("Basic auth"), SecretPosition::AuthField, Authorization);
        addSecretValue(request, password);
        addSecretValue(request, QString::fromLatin1(pair.toBase64()));
    } else if (type == QLatin1String("apikey")) {
        const bool inQuery = auth.param(QStringLiteral("in")) == QLatin1String("query");
        const QByteArray name
            = text.resolve(auth.param(QStringLiteral("key")), SecretPosition::HeaderName).toUtf8();
        const QString value = text.resolve(auth.param(QStringLiteral("value")),
            inQuery ? SecretPosition::Query : SecretPosition::AuthField,
            inQuery ? QByteArray() : name);
        addSecretValue(request, value);
        if (inQuery) {
            // Encoded like any query value; the URL now carries a credential.
            QUrlQuery query(request->url);
            query.addQueryItem(QString::fromUtf8(QUrl::toPercentEncoding(QString::fromUtf8(name))),
                QString::fromLatin1(ByteText::toBytes(value).toPercentEncoding()));
            request->url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
            recordCredential(request, QStringLiteral("API key"), SecretPosition::Query, {});
            request->warnings.append(QStringLiteral("The API key goes in the URL query, where "
                                                    "servers and proxies may log it; prefer a "
                                                    "header"));
        } else if (!isHeaderToken(name)) {
            errors->append(QStringLiteral("API key header name \"%1\" is not valid")
                               .arg(QString::fromUtf8(name)));
        } else {
            request->headers.append({ name, ByteText::toBytes(value) });
            recordCredential(request, QStringLiteral("API key"), SecretPosition::AuthField, name);
        }
    } else if (type == QLatin1String("oauth2") && !typedAuthorization) {
        // An access token typed in (not client credentials: those are a profile, above).
        const QString token = text.resolve(
            auth.param(QStringLiteral("accessToken")), SecretPosition::AuthField, Authorization);
        if (!token.isEmpty()) {
            QString prefix = text.resolve(auth.param(QStringLiteral("headerPrefix")),
                SecretPosition::HeaderValue, Authorization);
            if (prefix.isEmpty())
                prefix = QStringLiteral("Bearer");
            request->headers.append(
                { Authorization, prefix.toUtf8() + ' ' + ByteText::toBytes(token) });
            recordCredential(request, QStringLiteral("OAuth access token"),
                SecretPosition::AuthField, Authorization);
            addSecretValue(request, token);
        }
    }
    for (const HeaderPair &h : request->headers) {
        if (hasLineBreak(h.second))
            errors->append(QStringLiteral("Auth value for \"%1\" contains a line break; refused")
                               .arg(QString::fromUtf8(h.first)));
    }
    return pending;
}

void AuthApplier::attachToken(
    ResolvedRequest *request, const QString &token, const ResolvedCredentials &credentials)
{
    request->headers.removeIf([](const HeaderPair &h) {
        return h.first.compare(Authorization, Qt::CaseInsensitive) == 0;
    });
    request->secretUses.removeIf([](const SecretUse &use) {
        return use.header.compare(Authorization, Qt::CaseInsensitive) == 0;
    });
    request->headers.append({ Authorization, "Bearer " + ByteText::toBytes(token) });
    request->secretUses.append({ QStringLiteral("OAuth access token"), SecretPosition::AuthField,
        Authorization, credentials.allowedOrigins, false });
    addSecretValue(request, token);
}

} // namespace Playground
