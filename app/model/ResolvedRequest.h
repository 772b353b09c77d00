#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

#include "app/policy/SecretPosition.h"

namespace Playground {

using HeaderPair = QPair<QByteArray, QByteArray>;
using HeaderList = QList<HeaderPair>;

/** A request ready for the wire: concrete URL, headers and body bytes. */
struct ResolvedRequest {
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
    bool hasBody = false;
    /** Resolved secret values: redacted wherever the exchange is recorded. */
    QStringList secretValues;
    QStringList warnings;
    /**
     * Every place a secret (a secret variable, a keychain value, a credential the auth added) was
     * put, with the origins it may reach: what CredentialPolicy checks before each hop.
     */
    SecretUses secretUses;
};

} // namespace Playground
