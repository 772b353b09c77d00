#pragma once

#include "tests/support/RecordedRequest.h"
#include "tests/support/Reply.h"

namespace Playground::Test {

/**
 * The Digishare API's authentication as its documentation describes it: a personal access
 * token and the OAuth 2.0 client-credentials grant, plus knobs to make it misbehave.
 * Served by TestServer at POST /v1/oauth/token and GET /v1/campaigns.
 */
class DigishareFixture {
public:
    /** How POST /v1/oauth/token answers valid credentials. */
    enum class TokenMode {
        Normal, ///< 200 {"token_type","expires_in","access_token"}
        ProxyErrorPage, ///< 502 text/html from a "proxy", to every token request
        MissingFields, ///< 200 {"token_type":"Bearer"} without access_token and expires_in
    };

    static constexpr qint64 DefaultExpiresIn = 31'536'000;

    QByteArray personalAccessToken() const { return m_personalAccessToken; }
    void setPersonalAccessToken(const QByteArray &token) { m_personalAccessToken = token; }
    QByteArray clientId() const { return m_clientId; }
    QByteArray clientSecret() const { return m_clientSecret; }
    void setClientCredentials(const QByteArray &clientId, const QByteArray &clientSecret);
    qint64 expiresIn() const { return m_expiresIn; }
    void setExpiresIn(qint64 seconds) { m_expiresIn = seconds; }
    TokenMode tokenMode() const { return m_tokenMode; }
    void setTokenMode(TokenMode mode) { m_tokenMode = mode; }

    /** Requests to the token endpoint so far, answered successfully or not. */
    int tokenRequestCount() const { return m_tokenRequestCount; }
    /** Access tokens issued and still valid, oldest first. */
    QList<QByteArray> issuedTokens() const { return m_issuedTokens; }
    /** Issued access tokens stop working (401), as after a revocation or expiry. */
    void invalidateIssuedTokens() { m_issuedTokens.clear(); }
    bool isValidToken(const QByteArray &token) const;

    /** Answers POST /v1/oauth/token. */
    Reply token(const RecordedRequest &request);
    /** Answers GET /v1/campaigns. */
    Reply campaigns(const RecordedRequest &request) const;

private:
    QByteArray m_personalAccessToken = QByteArrayLiteral("dgs_test_personal_access_token");
    QByteArray m_clientId = QByteArrayLiteral("test-client-id");
    QByteArray m_clientSecret = QByteArrayLiteral("test-client-secret");
    qint64 m_expiresIn = DefaultExpiresIn;
    TokenMode m_tokenMode = TokenMode::Normal;
    int m_tokenRequestCount = 0;
    QList<QByteArray> m_issuedTokens;
};

} // namespace Playground::Test
