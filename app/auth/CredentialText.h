#pragma once

#include "app/auth/AccessToken.h"
#include "app/auth/CredentialProfile.h"

#include <QDateTime>
#include <QStringList>

class QMimeData;

namespace Playground {

/**
 * Plain-language text about credentials for the UI, kept out of the widgets so tests reach it
 * without a window: masked tokens, expiry phrases, profile titles, origin lists.
 */
class CredentialText {
public:
    /** Shorter secrets are masked completely (showing 4 characters would give away too much). */
    static constexpr qsizetype MinLengthForPrefix = 16;
    static constexpr qsizetype PrefixLength = 4;

    /** "dgs_… (64 characters)"; short values: "•••• (8 characters)". Never the whole value. */
    static QString maskSecret(const QString &value);
    /**
     * "expires 2027-11-28 — in 365 days", "expires today", "expired 3 days ago", or
     * "no expiry given" for an invalid time. Days are rounded to the nearest whole day.
     */
    static QString expiryText(const QDateTime &expiresAt, const QDateTime &now);
    /** "Bearer · dgs_… (64 characters) · expires 2027-11-28 — in 365 days" */
    static QString tokenSummary(const AccessToken &token, const QDateTime &now);

    /** "Personal access token" or "OAuth client credentials". */
    static QString kindName(CredentialProfile::Kind kind);
    /** A short name for a profile: its kind and its secret variable or client id. */
    static QString profileTitle(const CredentialProfile &profile);

    /** Origins typed by a user, separated by commas, spaces or line breaks. */
    struct Origins {
        QStringList valid; ///< normalised "scheme://host:port"
        QStringList invalid; ///< entries that are not an http(s) URL with a host, as typed
    };
    static Origins parseOrigins(const QString &text);
    /** One origin a line, as shown in the editor. */
    static QString formatOrigins(const QStringList &origins);

    /**
     * Clipboard contents for a secret: the text plus "x-kde-passwordManagerHint: secret", so
     * clipboard managers do not keep it in their history. The caller owns the result.
     */
    static QMimeData *secretMimeData(const QString &value);
};

} // namespace Playground
