#include "app/template/UrlBuilder.h"

#include "app/model/ByteText.h"

#include <QRegularExpression>

namespace Playground {

namespace {

    bool isPlainHost(const QString &value)
    {
        static const QRegularExpression re(
            QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?$"));
        return re.match(value).hasMatch();
    }

    /**
     * Literal text of a query row or fragment, as written in the URL: kept (a %26 stays %26), but
     * characters that would end or split it (#, space, controls) are percent-encoded, so the
     * server gets the row the table shows.
     */
    QString queryLiteral(const QString &text)
    {
        QString out;
        for (const QChar c : text) {
            if (c == QLatin1Char('#') || c.unicode() <= 0x20 || c.unicode() == 0x7f)
                out += QString::fromLatin1(QUrl::toPercentEncoding(QString(c)));
            else
                out += c;
        }
        return out;
    }

    /** text with each kept byte (ByteText) written as %XX, upper-case. */
    QString percentEncodeKeptBytes(const QString &text)
    {
        if (!ByteText::keepsBytes(text))
            return text;
        QString out;
        out.reserve(text.size() + 32);
        for (qsizetype i = 0; i < text.size(); ++i) {
            const int byte = ByteText::keptByte(text, i);
            if (byte < 0)
                out += text.at(i);
            else
                out += QLatin1Char('%') + QString::number(byte, 16).toUpper();
        }
        return out;
    }

} // namespace

QString UrlBuilder::defaultScheme(const QString &typed)
{
    // As curl and newman do for local servers; anything else gets https, never plain http.
    static const QRegularExpression loopback(
        QStringLiteral(R"(^\s*(localhost|127(\.[0-9]{1,3}){3}|\[::1\])(:[0-9]*)?([/?#]|$))"),
        QRegularExpression::CaseInsensitiveOption);
    return loopback.match(typed).hasMatch() ? QStringLiteral("http") : QStringLiteral("https");
}

SecretPosition UrlBuilder::positionOf(Zone zone)
{
    switch (zone) {
    case Zone::Scheme:
    case Zone::Authority:
        return SecretPosition::Host;
    case Zone::Path:
        return SecretPosition::Path;
    case Zone::Query:
        return SecretPosition::Query;
    case Zone::Fragment:
        return SecretPosition::Fragment;
    }
    return SecretPosition::Host;
}

UrlBuilder::UrlBuilder(TemplateText &text)
    : m_text(text)
{
}

QByteArray UrlBuilder::encodeComponent(const QString &value)
{
    // '.' is encoded too: a value of ".." must not become a dot-segment.
    // A byte the text kept (ByteText) is that byte, encoded.
    return ByteText::toBytes(value).toPercentEncoding(QByteArray(), QByteArrayLiteral("."));
}

void UrlBuilder::advanceZone(const QString &text, Zone &zone)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (zone) {
        case Zone::Scheme:
            if (c == QLatin1Char(':') && text.mid(i, 3) == QLatin1String("://")) {
                zone = Zone::Authority;
                i += 2;
            }
            break;
        case Zone::Authority:
            if (c == QLatin1Char('/'))
                zone = Zone::Path;
            else if (c == QLatin1Char('?'))
                zone = Zone::Query;
            else if (c == QLatin1Char('#'))
                zone = Zone::Fragment;
            break;
        case Zone::Path:
            if (c == QLatin1Char('?'))
                zone = Zone::Query;
            else if (c == QLatin1Char('#'))
                zone = Zone::Fragment;
            break;
        case Zone::Query:
            if (c == QLatin1Char('#'))
                zone = Zone::Fragment;
            break;
        case Zone::Fragment:
            break;
        }
    }
}

void UrlBuilder::appendValue(QString &out, const QString &value, Zone zone)
{
    switch (zone) {
    case Zone::Scheme:
        if (m_error.isEmpty())
            m_error = QStringLiteral(
                "A variable cannot supply part of the scheme; put it at the very start of the URL");
        return;
    case Zone::Authority:
        if (!isPlainHost(value)) {
            if (m_error.isEmpty())
                m_error = QStringLiteral(
                    "A variable in the host part must be a plain host name; \"%1\" is not")
                              .arg(value);
            return;
        }
        out += value;
        return;
    case Zone::Path:
    case Zone::Query:
    case Zone::Fragment:
        out += QString::fromLatin1(encodeComponent(value));
        return;
    }
}

void UrlBuilder::appendLiteral(QString &out, const QString &literal, Zone &zone,
    bool beforeVariable, const KeyValueList &pathVariables)
{
    // Split the literal where the zone changes; ":name" segments are replaced only in the path.
    qsizetype start = 0;
    while (start < literal.size()) {
        const Zone here = zone;
        qsizetype end = start;
        while (end < literal.size() && zone == here) {
            const qsizetype step
                = (zone == Zone::Scheme && literal.mid(end, 3) == QLatin1String("://")) ? 3 : 1;
            advanceZone(literal.mid(end, step), zone);
            end += step;
        }
        const QString chunk = literal.mid(start, end - start);
        if (here == Zone::Path && !pathVariables.isEmpty())
            out += replacePathVariables(chunk, out.endsWith(QLatin1Char('/')),
                beforeVariable && end == literal.size(), pathVariables);
        else
            out += chunk;
        start = end;
    }
}

QString UrlBuilder::replacePathVariables(
    const QString &chunk, bool afterSlash, bool beforeVariable, const KeyValueList &pathVariables)
{
    QString rewritten;
    qsizetype pos = 0;
    auto it = UrlSpec::pathVariablePattern().globalMatch(ByteText::matchable(chunk));
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.captured(1).isEmpty() && !afterSlash)
            continue; // ":name" must start a segment
        if (beforeVariable && m.capturedEnd() == chunk.size())
            continue; // and end it: ":id{{x}}" is text (UrlSpec::pathVariableNames agrees)
        const QString name = m.captured(2);
        const auto var = std::find_if(pathVariables.begin(), pathVariables.end(),
            [&](const KeyValue &kv) { return kv.key == name; });
        if (var == pathVariables.end() || var->value.isEmpty())
            continue; // no value: the segment stays as written, as in Postman
        rewritten += chunk.mid(pos, m.capturedStart(2) - 1 - pos);
        rewritten += QString::fromLatin1(
            encodeComponent(m_text.resolve(var->value, SecretPosition::Path)));
        pos = m.capturedEnd();
    }
    rewritten += chunk.mid(pos);
    return rewritten;
}

Result<QUrl> UrlBuilder::build(const UrlSpec &spec)
{
    m_error.clear();
    QList<TemplateToken> tokens = TemplateText::tokenize(spec.base.trimmed());
    if (tokens.isEmpty())
        return Result<QUrl>::failure(QStringLiteral("The URL is empty"));

    QString out;
    Zone zone = Zone::Scheme;
    qsizetype first = 0;
    if (tokens.first().isVariable) {
        // A base URL variable: scheme and host (and a path prefix) come from its value.
        const QString name = tokens.first().text;
        const QString prefix = m_text.resolveName(name, SecretPosition::BaseUrl).trimmed();
        if (m_text.isKnown(name)) {
            const QUrl check(prefix, QUrl::StrictMode);
            if (!check.isValid() || check.host().isEmpty()
                || (check.scheme() != QLatin1String("https")
                    && check.scheme() != QLatin1String("http")))
                return Result<QUrl>::failure(QStringLiteral(
                    "The variable {{%1}} at the start of the URL must hold a base URL such as "
                    "https://api.example.com, not \"%2\"")
                                                 .arg(name, prefix));
            if (!check.query().isEmpty() || !check.fragment().isEmpty()
                || !check.userInfo().isEmpty())
                return Result<QUrl>::failure(QStringLiteral(
                    "The base URL in {{%1}} must not contain a query, fragment or user name")
                                                 .arg(name));
        }
        out = prefix;
        advanceZone(prefix, zone);
        first = 1;
    } else if (!spec.base.contains(QLatin1String("://"))) {
        out = defaultScheme(spec.base) + QStringLiteral("://");
        zone = Zone::Authority;
    }

    for (qsizetype i = first; i < tokens.size(); ++i) {
        const TemplateToken &t = tokens.at(i);
        if (t.isVariable) {
            const QString value = m_text.resolveName(t.text, positionOf(zone));
            if (!m_text.isKnown(t.text)) {
                out += value; // stays "{{name}}"; listed as unresolved
                continue;
            }
            if (zone == Zone::Authority) {
                // A host variable is a whole host or a whole label: "api.example.com{{x}}" must
                // not let x extend the host to another domain.
                const QChar before = out.isEmpty() ? QChar() : out.back();
                const QString next = i + 1 < tokens.size() ? tokens.at(i + 1).text : QString();
                static const QRegularExpression port(QStringLiteral("^[0-9]{1,5}$"));
                const bool isPort = before == QLatin1Char(':') && port.match(value).hasMatch();
                const bool startsLabel
                    = isPort || out.endsWith(QLatin1String("://")) || before == QLatin1Char('.');
                const bool endsLabel = i + 1 >= tokens.size()
                    || (!tokens.at(i + 1).isVariable
                        && QStringLiteral(".:/?#").contains(next.front()));
                if (!startsLabel || !endsLabel) {
                    if (m_error.isEmpty())
                        m_error = QStringLiteral(
                            "The variable {{%1}} is glued to other text in the host; "
                            "a host variable must be a whole host or a whole label")
                                      .arg(t.text);
                    continue;
                }
            }
            appendValue(out, value, zone);
        } else {
            appendLiteral(out, t.text, zone, i + 1 < tokens.size() && tokens.at(i + 1).isVariable,
                spec.pathVariables);
        }
    }
    if (!m_error.isEmpty())
        return Result<QUrl>::failure(m_error);
    if (!m_text.error().isEmpty())
        return Result<QUrl>::failure(m_text.error());

    // Query rows: literal text as typed, variable values encoded.
    QStringList pairs;
    for (const KeyValue &row : spec.query) {
        if (!row.enabled)
            continue;
        QString pair;
        Zone q = Zone::Query;
        for (const TemplateToken &t : TemplateText::tokenize(row.key)) {
            if (t.isVariable)
                appendValue(pair, m_text.resolveName(t.text, SecretPosition::Query), q);
            else
                pair += queryLiteral(t.text);
        }
        if (!row.value.isNull()) {
            pair += QLatin1Char('=');
            for (const TemplateToken &t : TemplateText::tokenize(row.value)) {
                if (t.isVariable)
                    appendValue(pair, m_text.resolveName(t.text, SecretPosition::Query), q);
                else
                    pair += queryLiteral(t.text);
            }
        }
        pairs.append(pair);
    }
    if (!pairs.isEmpty())
        out += (zone == Zone::Query ? QLatin1Char('&') : QLatin1Char('?'))
            + pairs.join(QLatin1Char('&'));
    if (!spec.fragment.isEmpty()) {
        // Fragments never reach the server; values in them are encoded like any other.
        QString fragment;
        Zone f = Zone::Fragment;
        for (const TemplateToken &t : TemplateText::tokenize(spec.fragment)) {
            if (t.isVariable)
                appendValue(fragment, m_text.resolveName(t.text, SecretPosition::Fragment), f);
            else
                fragment += queryLiteral(t.text);
        }
        out += QLatin1Char('#') + fragment;
    }

    if (!m_text.unresolved().isEmpty())
        return Result<QUrl>::failure(QStringLiteral("Unresolved variables: %1")
                                         .arg(m_text.unresolved().join(QLatin1String(", "))));

    // A byte the text kept (ByteText) is sent as %XX: QUrl holds text, and the server gets the
    // same octet curl sends (curl writes a raw 0xE9 of a path as %e9).
    out = percentEncodeKeptBytes(out);
    QUrl url(out, QUrl::TolerantMode);
    if (!url.isValid())
        return Result<QUrl>::failure(
            QStringLiteral("Invalid URL \"%1\": %2").arg(out, url.errorString()));
    // QUrl decodes %2E, so a value of ".." would become a dot-segment that moves the request up.
    for (const QString &seg : url.path(QUrl::FullyEncoded).split(QLatin1Char('/'))) {
        if ((seg == QLatin1String(".") || seg == QLatin1String(".."))
            && !spec.base.contains(QLatin1Char('/') + seg + QLatin1Char('/'))
            && !spec.base.endsWith(QLatin1Char('/') + seg))
            return Result<QUrl>::failure(
                QStringLiteral("A variable value makes the path segment \"%1\", which would move "
                               "the request to another path; refused")
                    .arg(seg));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return Result<QUrl>::failure(
            QStringLiteral("Unsupported URL scheme \"%1\" (use http or https)").arg(url.scheme()));
    if (url.host().isEmpty())
        return Result<QUrl>::failure(QStringLiteral("The URL \"%1\" has no host").arg(out));
    return url;
}

} // namespace Playground
