#pragma once

#include "app/model/ResolvedRequest.h"

#include <QJsonValue>
#include <QStringList>

namespace Playground {

/** Replaces secret values (and credential header values) with a mask before anything is recorded.
 */
class Redactor {
public:
    static constexpr const char *Mask = "***";

    explicit Redactor(QStringList secrets);

    QString text(const QString &value) const;
    QByteArray bytes(const QByteArray &value) const;
    /**
     * At most maxBytes of value, redacted. A secret that straddles the cut is masked whole when
     * value holds longestSpelling() bytes past it (pass that much more when there is).
     */
    QByteArray bytesUpTo(const QByteArray &value, qint64 maxBytes) const;
    /** The longest way a secret of this redactor can be spelled (see spellings()), in bytes. */
    qsizetype longestSpelling() const { return m_longestSpelling; }
    QString url(const QUrl &url) const;
    HeaderList headers(const HeaderList &headers) const;
    /** Every string (and key) in value, at any depth, passed through text(). */
    QJsonValue json(const QJsonValue &value) const;

    /** Credential headers (CredentialPolicy) and Set-Cookie: their values are never recorded. */
    static bool isCredentialHeader(const QByteArray &name);

    /**
     * How a secret can be spelled in what we record: as is, percent-encoded, and percent-encoded
     * with dots too (how URL values are built, so "%2E" in an "Invalid URL" message is caught).
     */
    static QByteArrayList spellings(const QString &secret);

private:
    QStringList m_secrets;
    QByteArrayList m_spellings; ///< of every secret, longest secret first
    QStringList m_textSpellings; ///< the same, as text
    qsizetype m_longestSpelling = 0;
};

} // namespace Playground
