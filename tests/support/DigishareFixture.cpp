#include "tests/support/DigishareFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace Playground::Test {

namespace {

    // Keeps a client that loops on the token endpoint from growing the server without bound.
    constexpr qsizetype MaxIssuedTokens = 1000;

    QString formDecode(QByteArray encoded)
    {
        encoded.replace('+', ' ');
        return QUrl::fromPercentEncoding(encoded);
    }

    Reply methodNotAllowed(const QByteArray &allowed)
    {
        Reply reply = Reply::json(405,
            { { QStringLiteral("error"), QStringLiteral("method_not_allowed") },
                { QStringLiteral("message"), QStringLiteral("Method not allowed.") } });
        reply.headers.append({ QByteArrayLiteral("Allow"), allowed });
        return reply;
    }

    Reply oauthError(int status, const QString &error, const QString &description)
    {
        Reply reply = Reply::json(status,
            { { QStringLiteral("error"), error },
                { QStringLiteral("error_description"), description } });
        reply.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") });
        return reply;
    }

    /** The token request's parameters from a JSON or form-urlencoded body; nullopt if unreadable.
     */
    std::optional<QHash<QString, QString>> tokenParameters(const RecordedRequest &request)
    {
        QHash<QString, QString> parameters;
        const bool json = request.header("Content-Type").toLower().contains("json")
            || request.body.trimmed().startsWith('{');
        if (json) {
            const QJsonDocument document = QJsonDocument::fromJson(request.body);
            if (!document.isObject())
                return std::nullopt;
            const QJsonObject object = document.object();
            for (auto it = object.begin(); it != object.end(); ++it)
                parameters.insert(it.key(), it.value().toString());
            return parameters;
        }
        for (const QByteArray &pair : request.body.split('&')) {
            const qsizetype equals = pair.indexOf('=');
            if (equals > 0)
                parameters.insert(formDecode(pair.left(equals)), formDecode(pair.mid(equals + 1)));
        }
        return parameters;
    }

} // namespace

void DigishareFixture::setClientCredentials(
    const QByteArray &clientId, const QByteArray &clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

bool DigishareFixture::isValidToken(const QByteArray &token) const
{
    return !token.isEmpty() && (token == m_personalAccessToken || m_issuedTokens.contains(token));
}

Reply DigishareFixture::token(const RecordedRequest &request)
{
    ++m_tokenRequestCount;
    if (request.method != "POST")
        return methodNotAllowed(QByteArrayLiteral("POST"));
    if (m_tokenMode == TokenMode::ProxyErrorPage) {
        return Reply::text(502,
            QByteArrayLiteral("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n"
                              "<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
                              "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"),
            QByteArrayLiteral("text/html"));
    }
    const auto parameters = tokenParameters(request);
    if (!parameters) {
        return oauthError(400, QStringLiteral("invalid_request"),
            QStringLiteral("The request body is not a JSON object."));
    }
    const QString grantType = parameters->value(QStringLiteral("grant_type"));
    if (grantType.isEmpty()) {
        return oauthError(400, QStringLiteral("invalid_request"),
            QStringLiteral("The grant_type parameter is required."));
    }
    if (grantType != QLatin1String("client_credentials")) {
        return oauthError(400, QStringLiteral("unsupported_grant_type"),
            QStringLiteral("The authorization grant type is not supported."));
    }

    // RFC 6749 §2.3.1: with HTTP Basic, id and secret are form-urlencoded before base64.
    const QByteArray authorization = request.header("Authorization");
    const bool basic = authorization.toLower().startsWith("basic ");
    QString clientId = parameters->value(QStringLiteral("client_id"));
    QString clientSecret = parameters->value(QStringLiteral("client_secret"));
    if (basic) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        clientId = formDecode(decoded.left(colon));
        clientSecret = colon < 0 ? QString() : formDecode(decoded.mid(colon + 1));
    }
    if (clientId != QString::fromUtf8(m_clientId)
        || clientSecret != QString::fromUtf8(m_clientSecret)) {
        Reply reply = oauthError(
            401, QStringLiteral("invalid_client"), QStringLiteral("Client authentication failed"));
        if (basic)
            reply.headers.append({ QByteArrayLiteral("WWW-Authenticate"),
                QByteArrayLiteral("Basic realm=\"digishare\"") });
        return reply;
    }

    QJsonObject answer { { QStringLiteral("token_type"), QStringLiteral("Bearer") } };
    if (m_tokenMode == TokenMode::Normal) {
        QByteArray random(24, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()), 6);
        const QByteArray accessToken = "dgs_at_" + random.toHex();
        if (m_issuedTokens.size() >= MaxIssuedTokens)
            m_issuedTokens.removeFirst();
        m_issuedTokens.append(accessToken);
        answer.insert(QStringLiteral("expires_in"), m_expiresIn);
        answer.insert(QStringLiteral("access_token"), QString::fromLatin1(accessToken));
    }
    Reply reply = Reply::json(200, answer);
    reply.headers.append({ QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store") });
    return reply;
}

Reply DigishareFixture::campaigns(const RecordedRequest &request) const
{
    if (request.method != "GET")
        return methodNotAllowed(QByteArrayLiteral("GET"));
    const QByteArray authorization = request.header("Authorization");
    const QByteArray token = authorization.toLower().startsWith("bearer ")
        ? authorization.mid(7).trimmed()
        : QByteArray();
    if (!isValidToken(token)) {
        Reply reply = Reply::json(401,
            { { QStringLiteral("error"), QStringLiteral("unauthenticated") },
                { QStringLiteral("message"),
                    token.isEmpty()
                        ? QStringLiteral("A bearer token is required.")
                        : QStringLiteral("The bearer token is invalid or expired.") } });
        reply.headers.append({ QByteArrayLiteral("WWW-Authenticate"),
            token.isEmpty()
                ? QByteArrayLiteral("Bearer realm=\"digishare\"")
                : QByteArrayLiteral("Bearer realm=\"digishare\", error=\"invalid_token\"") });
        return reply;
    }
    const auto campaign = [](int id, const QString &name, const QString &status) {
        return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("name"), name },
            { QStringLiteral("status"), status } };
    };
    return Reply::json(200,
        { { QStringLiteral("data"),
            QJsonArray { campaign(1, QStringLiteral("Spring launch"), QStringLiteral("active")),
                campaign(2, QStringLiteral("Ramadan offers"), QStringLiteral("draft")) } } });
}

} // namespace Playground::Test
