#pragma once

#include "app/model/Collection.h"

#include <QStringList>

namespace Playground {

/**
 * Credentials written as plain text in a collection (a token in an Authorization or API-key
 * header, a password in an auth block, an access_token query row, a client_secret form field) are
 * moved into secret variables of their request, so an export writes a {{reference}}, never the
 * value. The value stays with the request for this session (a send or an export that asks for
 * secrets still has it).
 */
class LiteralCredentials {
public:
    /** Moves them; returns one line per value moved, naming where it was and its variable. */
    static QStringList extract(Collection *collection);
    /**
     * Header, query and form field names that carry a credential: access_token, api_key, key,
     * and any name holding token, secret, password, auth, session or credential.
     */
    static bool isCredentialField(const QString &name);
};

} // namespace Playground
