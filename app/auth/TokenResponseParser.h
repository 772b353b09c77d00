#pragma once

#include "app/auth/AccessToken.h"
#include "app/core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace Playground {

/**
 * Reads a token endpoint's answer (RFC 6749 §5.1 success, §5.2 error) defensively: JSON
 * {access_token, token_type (any case), expires_in (number, string or missing)} is a token;
 * {error, error_description, error_uri} becomes the server's own words; an HTML page from a proxy,
 * an empty body or anything else becomes one plain sentence that names the HTTP status.
 */
class TokenResponseParser {
public:
    /** Longest access token accepted (a bigger one is not a token). */
    static constexpr qsizetype MaxTokenLength = 16 * 1024;

    /**
     * The token, or the reason there is none in one sentence. The sentence quotes the server, and
     * an error body may echo the request: each of @p secrets (the client secret in the spellings
     * the request used) is masked in it, before any cut to length.
     */
    static Result<AccessToken> parse(int status, const QByteArray &contentType,
        const QByteArray &body, const QDateTime &receivedAt = QDateTime::currentDateTimeUtc(),
        const QStringList &secrets = {});

private:
    static Result<AccessToken> parseBody(int status, const QByteArray &contentType,
        const QByteArray &body, const QDateTime &receivedAt);
    static QString htmlSummary(const QByteArray &body);
};

} // namespace Playground
