#include "app/http/Redactor.h"

#include "app/model/ByteText.h"
#include "app/policy/CredentialPolicy.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <algorithm>

namespace Playground {

Redactor::Redactor(QStringList secrets)
    : m_secrets(std::move(secrets))
{
    m_secrets.removeAll(QString());
    // Longest first, so a secret that contains another is masked whole.
    std::sort(m_secrets.begin(), m_secrets.end(),
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
    // Every spelling of every secret, worked out once: a record calls text() for each string.
    for (const QString &s : std::as_const(m_secrets)) {
        for (const QByteArray &spelling : spellings(s)) {
            m_spellings.append(spelling);
            m_textSpellings.append(ByteText::fromBytes(spelling));
            m_longestSpelling = std::max(m_longestSpelling, spelling.size());
        }
    }
}

bool Redactor::isCredentialHeader(const QByteArray &name)
{
    return CredentialPolicy::isCredentialHeader(name)
        || name.compare("set-cookie", Qt::CaseInsensitive) == 0;
}

namespace {

    /** secret inside a JSON string: slashes as "\/" or not, non-ASCII as "\uXXXX" or not. */
    /** shortControls: a tab as \\t (most encoders), else as \\u0009. */
    QByteArray jsonEscaped(
        const QString &secret, bool slashes, bool asciiOnly, bool shortControls = true)
    {
        static const QHash<char16_t, QString> shortForms { { u'\b', QStringLiteral("\\b") },
            { u'\f', QStringLiteral("\\f") }, { u'\n', QStringLiteral("\\n") },
            { u'\r', QStringLiteral("\\r") }, { u'\t', QStringLiteral("\\t") } };
        QString out;
        for (const QChar c : secret) {
            const char16_t u = c.unicode();
            if (u == u'"' || u == u'\\')
                out += QLatin1Char('\\') + c;
            else if (u == u'/' && slashes)
                out += QLatin1String("\\/");
            else if (shortControls && shortForms.contains(u))
                out += shortForms.value(u);
            else if (u < 0x20 || (asciiOnly && u > 0x7e))
                out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
        return out.toUtf8();
    }

} // namespace

QByteArrayList Redactor::spellings(const QString &secret)
{
    // Longest first, so a spelling that contains another is masked whole. Besides the value
    // itself: percent-encoded (URLs, forms), as JSON encoders write it in a string (an echoed
    // request) and as HTML escapes it (an error page).
    QByteArrayList out { QUrl::toPercentEncoding(secret, QByteArray(), QByteArrayLiteral(".")),
        QUrl::toPercentEncoding(secret), secret.toUtf8(), jsonEscaped(secret, false, false),
        jsonEscaped(secret, true, false), jsonEscaped(secret, true, true),
        jsonEscaped(secret, false, true), jsonEscaped(secret, false, false, false),
        secret.toHtmlEscaped().toUtf8(),
        secret.toHtmlEscaped().replace(QLatin1Char('/'), QLatin1String("&#x2F;")).toUtf8() };
    // A secret with bytes that are not UTF-8 (ByteText) is sent as those bytes.
    if (ByteText::keepsBytes(secret)) {
        const QByteArray bytes = ByteText::toBytes(secret);
        out << bytes << bytes.toPercentEncoding(QByteArray(), QByteArrayLiteral("."))
            << bytes.toPercentEncoding();
    }
    std::sort(out.begin(), out.end(),
        [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    QByteArrayList unique;
    for (const QByteArray &spelling : std::as_const(out)) {
        if (!spelling.isEmpty() && !unique.contains(spelling))
            unique.append(spelling);
    }
    return unique;
}

QString Redactor::text(const QString &value) const
{
    QString out = value;
    for (const QString &spelling : m_textSpellings)
        out.replace(spelling, QLatin1String(Mask));
    // Any other percent-encoding of a secret (a server's Location, lower-case hex, '+' for a
    // space): compared decoded, and shown decoded with the secret masked.
    if (!out.contains(QLatin1Char('%')) && !out.contains(QLatin1Char('+')))
        return out;
    for (const bool plusIsSpace : { false, true }) {
        QByteArray encoded = out.toUtf8();
        if (plusIsSpace)
            encoded.replace('+', ' ');
        QString decoded = QUrl::fromPercentEncoding(encoded);
        bool masked = false;
        for (const QString &s : m_secrets) {
            if (!s.isEmpty() && decoded.contains(s)) {
                decoded.replace(s, QLatin1String(Mask));
                masked = true;
            }
        }
        if (masked)
            return decoded;
    }
    return out;
}

QByteArray Redactor::bytesUpTo(const QByteArray &value, qint64 maxBytes) const
{
    // Redacted a little past the cut first, so a secret that starts before it is masked whole.
    return bytes(value.left(maxBytes + longestSpelling())).left(maxBytes);
}

QByteArray Redactor::bytes(const QByteArray &value) const
{
    QByteArray out = value;
    for (const QByteArray &spelling : m_spellings)
        out.replace(spelling, Mask);
    // A form or query body may spell a secret another way: compared decoded, as text() does.
    if (!out.contains('%') && !out.contains('+'))
        return out;
    for (const bool plusIsSpace : { false, true }) {
        QByteArray decoded = out;
        if (plusIsSpace)
            decoded.replace('+', ' ');
        decoded = QByteArray::fromPercentEncoding(decoded);
        bool masked = false;
        for (const QString &s : m_secrets) {
            if (!s.isEmpty() && decoded.contains(ByteText::toBytes(s))) {
                decoded.replace(ByteText::toBytes(s), Mask);
                masked = true;
            }
        }
        if (masked)
            return decoded;
    }
    return out;
}

QString Redactor::url(const QUrl &url) const
{
    return text(url.toString(QUrl::FullyEncoded | QUrl::RemovePassword));
}

HeaderList Redactor::headers(const HeaderList &headers) const
{
    HeaderList out;
    for (const HeaderPair &h : headers) {
        if (isCredentialHeader(h.first)) {
            // Keep the scheme word ("Bearer") so a reader sees which kind was sent.
            const qsizetype space = h.second.indexOf(' ');
            const bool scheme = h.first.compare("authorization", Qt::CaseInsensitive) == 0
                || h.first.compare("proxy-authorization", Qt::CaseInsensitive) == 0;
            out.append({ h.first,
                scheme && space > 0 ? h.second.left(space + 1) + Mask : QByteArray(Mask) });
        } else {
            out.append({ h.first, bytes(h.second) });
        }
    }
    return out;
}

QJsonValue Redactor::json(const QJsonValue &value) const
{
    if (value.isString())
        return text(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(json(v));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(text(it.key()), json(it.value()));
        return out;
    }
    return value;
}

} // namespace Playground
