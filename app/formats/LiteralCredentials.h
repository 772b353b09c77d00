#pragma once

#include "app/model/Collection.h"

#include <QStringList>

namespace Playground {

/**
 * Credentials written as plain text in a collection (a token in an Authorization or API-key
 * header, a password in an auth block, an access_token query row, a client_secret form field or
 * JSON member at any depth) are moved into secret variables of their request, so an export
 * writes a {{reference}}, never the value. The value stays with the request for this session (a
 * send or an export that asks for secrets still has it).
 */
class LiteralCredentials {
public:
    /** Moves them; returns one line per value moved, naming where it was and its variable. */
    static QStringList extract(Collection *collection);
    /**
     * Moves every secret variable of a request (what extract() or a curl import made) into the
     * collection's variables, whose values a save keeps in the keychain and a file never holds.
     * A name the collection already uses is renamed (key2, key3…) with the request's references.
     * A bearer credential whose token moved, with no allowed origins, is bound to its request's
     * origin. Returns the names moved with a value.
     */
    static QStringList hoist(Collection *collection);
    /**
     * The values extract() would move out of request: what a record of it (history) masks like
     * a secret. Values shorter than MinMaskedLength are left out: masking every "1" of a body
     * would hide the data.
     */
    static QStringList values(const RequestSpec &request);
    static constexpr qsizetype MinMaskedLength = 6;
    /** A request's templated texts mention {{name}} (URL, headers, body, auth). */
    static bool mentions(const RequestSpec &request, const QString &name);
    /**
     * Header, query and form field names that carry a credential: access_token, api_key, key,
     * and any name holding token, secret, password, auth (not as in authority or author),
     * session, credential, assertion (client_assertion) or verifier (code_verifier).
     */
    static bool isCredentialField(const QString &name);
    /** Sets (or adds) the secret variable name of request to value. */
    static void setSecretVariable(RequestSpec *request, const QString &name, const QString &value);
    /**
     * Gives request basic auth: username as written, the password as {{password}}, a secret
     * variable of the request holding password (what hoist() then moves to the collection); a
     * password that is a {{reference}} already stays that reference.
     */
    static void setBasicAuth(
        RequestSpec *request, const QString &username, const QString &password);
};

} // namespace Playground
