#pragma once

#include "app/auth/AccessToken.h"
#include "app/core/Result.h"

#include <QByteArray>
#include <QDateTime>

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

    static Result<AccessToken> parse(int status, const QByteArray &contentType,
        const QByteArray &body, const QDateTime &receivedAt = QDateTime::currentDateTimeUtc());

private:
    static QString htmlSummary(const QByteArray &body);
};

} // namespace Playground
