#pragma once

#include "app/model/ResolvedRequest.h"
#include "app/policy/SecretPosition.h"

#include <QString>
#include <QUrl>

namespace Playground {

/**
 * The one place that decides whether a value may go to an origin. Positional, not a scan: secret
 * values are marked when they are substituted (SecretUse) and allowed only in positions that may
 * carry them, of a request whose destination origin — from a scheme, host and port that hold no
 * secret — is allowed for them. Every sender (the send session, the token manager, the executor
 * on each redirect hop) asks it; nothing else decides.
 */
class CredentialPolicy {
public:
    /** Header values, path, query, bodies, auth fields and token request fields; nothing else. */
    static bool mayCarrySecret(SecretPosition position);

    /** "scheme://host:port" (default port filled in) of an http(s) URL with a host; else empty. */
    static QString origin(const QUrl &url);
    /**
     * The origin of a base URL value such as {{baseUrl}}: an http or https URL with a host, else
     * empty. The one definition used for a PAT's default origin and a secret's keychain binding.
     */
    static QString baseUrlOrigin(const QString &value);
    /** 127.0.0.0/8, ::1 and localhost: plain HTTP is allowed there (local mocks and tests). */
    static bool isLoopback(const QUrl &url);

    /** Authorization, Proxy-Authorization, Cookie and the common API key header names. */
    static bool isCredentialHeader(const QByteArray &name);
    /** True when the request carries a credential: a secret, or a credential header. */
    static bool carriesCredentials(const ResolvedRequest &request);

    /**
     * Why the request may not be sent to its URL at all; empty when it may. Checked before any
     * DNS lookup: a secret in the method, a header name, the scheme, host, port, user name, a
     * fragment, a form field name, a file name or a content type; a secret from the keychain sent
     * to an origin it was not stored for; credentials over plain HTTP to a host that is not
     * loopback.
     */
    static QString refusal(const ResolvedRequest &request);

    /** What following one redirect does to the request's credentials. */
    struct Hop {
        bool credentialsDropped = false; ///< headers were removed
        QString refusal; ///< non-empty: the hop must not be made
    };
    /**
     * Prepares request to follow a redirect from firstOrigin to next: a header that carries a
     * secret or a credential goes only to origins allowed for every secret in it (else it is
     * removed); a body re-sent (keepsBody, a 307/308) with a secret in it to an origin not allowed
     * for it refuses the hop. What the request no longer carries (the URL is the server's now) is
     * forgotten, so later hops are judged on what they carry.
     */
    static Hop followRedirect(
        ResolvedRequest *request, const QString &firstOrigin, const QUrl &next, bool keepsBody);

    /**
     * Whether credentials allowed for `allowed` may be attached to a request to origin. Empty
     * allowed: the request's own origin, whatever it is.
     */
    static bool originAllowed(const QStringList &allowed, const QString &origin);

    /** Why a token request to url may not be sent; empty when it may. */
    static QString tokenUrlRefusal(const QUrl &url);
};

} // namespace Playground
