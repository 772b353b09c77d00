#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Playground {

/**
 * Where in an outgoing request a substituted value lands. The credential policy decides, per
 * position, whether a secret may be put there at all (CredentialPolicy::mayCarrySecret).
 */
enum class SecretPosition {
    NotSent, ///< resolved for display or bookkeeping (allowed origins, variable tables); never sent
    Method,
    HeaderName,
    HeaderValue,
    BaseUrl, ///< a variable at the start of the URL: scheme, host, port and a path prefix
    Host, ///< scheme, userinfo, host or port written in the URL
    Path,
    Query,
    Fragment,
    Body,
    MultipartName,
    MultipartFilename, ///< a file part's path (its name goes on the wire) or a binary body's path
    MultipartContentType,
    AuthField, ///< a field of the request's auth (token, user, password, API key value)
    TokenUrl, ///< the OAuth token endpoint
    TokenRequestField, ///< client id, client secret or scope sent to the token endpoint
};

/** A short phrase for messages: "the method", "a header name", ... */
QString secretPositionName(SecretPosition position);

/** One place a secret value was put into a request, and where it may go. */
struct SecretUse {
    QString name; ///< the variable, or a description ("OAuth access token")
    SecretPosition position = SecretPosition::NotSent;
    QByteArray header; ///< the header it sits in, when it is in one
    /**
     * Origins ("scheme://host:port") the value may reach. Empty: only the origin the request is
     * first sent to; never across a redirect to another origin.
     */
    QStringList origins;
    /** Read from the keychain: a request to any other origin is refused, not just stripped. */
    bool bound = false;
};

using SecretUses = QList<SecretUse>;

} // namespace Playground
