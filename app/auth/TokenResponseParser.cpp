#include "app/auth/TokenResponseParser.h"

#include "app/http/Redactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Playground {

namespace {

    constexpr qsizetype MaxQuoted = 200;

    /** Text from the server, made safe to show on one line. */
    QString plain(QString text)
    {
        text = text.simplified();
        for (QChar &c : text) {
            if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                c = QLatin1Char(' ');
        }
        if (text.size() > MaxQuoted)
            text = text.left(MaxQuoted) + QStringLiteral("…");
        return text;
    }

    QString statusText(int status)
    {
        return status > 0 ? QStringLiteral("HTTP %1").arg(status)
                          : QStringLiteral("no HTTP status");
    }

    /** RFC 6750 b64token characters and the common extras; never CR, LF, space or non-ASCII. */
    bool isTokenText(const QString &token)
    {
        for (QChar c : token) {
            if (c.unicode() < 0x21 || c.unicode() > 0x7e)
                return false;
        }
        return true;
    }

    std::optional<qint64> expiresIn(const QJsonValue &value)
    {
        bool ok = false;
        qint64 seconds = -1;
        if (value.isDouble()) {
            const double d = value.toDouble();
            ok = d >= 0 && d < 1e11;
            seconds = qint64(d);
        } else if (value.isString()) {
            seconds = value.toString().trimmed().toLongLong(&ok);
            ok = ok && seconds >= 0 && seconds < qint64(1e11);
        }
        if (!ok)
            return std::nullopt;
        return seconds;
    }

} // namespace

QString TokenResponseParser::htmlSummary(const QByteArray &body)
{
    const QString html = QString::fromUtf8(body.left(64 * 1024));
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = title.match(html);
    QString text = m.hasMatch() ? m.captured(1) : html;
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression scripts(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    text.remove(scripts);
    text.replace(tags, QStringLiteral(" "));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return plain(text);
}

Result<AccessToken> TokenResponseParser::parse(int status, const QByteArray &contentType,
    const QByteArray &body, const QDateTime &receivedAt, const QStringList &secrets)
{
    Result<AccessToken> result = parseBody(status, contentType, body, receivedAt);
    if (result || secrets.isEmpty())
        return result;
    // Masked in the body first, so a quote cut to length cannot show the secret's beginning;
    // then in the sentence, for a secret the server wrote with JSON escapes.
    const Redactor redactor(secrets);
    const Result<AccessToken> masked
        = parseBody(status, contentType, redactor.bytes(body), receivedAt);
    return Result<AccessToken>::failure(redactor.text(masked ? result.error() : masked.error()));
}

Result<AccessToken> TokenResponseParser::parseBody(
    int status, const QByteArray &contentType, const QByteArray &body, const QDateTime &receivedAt)
{
    using R = Result<AccessToken>;
    const QByteArray trimmed = body.trimmed();
    const QByteArray type = contentType.toLower();
    if (trimmed.isEmpty())
        return R::failure(
            QStringLiteral("The token endpoint answered %1 with an empty body, not a token.")
                .arg(statusText(status)));

    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject()) {
        if (type.contains("html") || trimmed.startsWith('<')) {
            const QString summary = htmlSummary(trimmed);
            return R::failure(
                QStringLiteral("The token endpoint answered %1 with a web page instead of a token "
                               "(a proxy or gateway may be in the way)%2")
                    .arg(statusText(status),
                        summary.isEmpty() ? QStringLiteral(".")
                                          : QStringLiteral(": \"%1\".").arg(summary)));
        }
        return R::failure(QStringLiteral(
            "The token endpoint answered %1 with something that is not a JSON object; "
            "no token was received.")
                              .arg(statusText(status)));
    }

    const QJsonObject o = document.object();
    const QJsonValue error = o.value(QLatin1String("error"));
    if (!error.isUndefined() && !error.isNull()) {
        QString text
            = QStringLiteral("The token endpoint refused (%1): %2")
                  .arg(statusText(status),
                      plain(error.isString() ? error.toString() : QStringLiteral("error")));
        const QString description = plain(o.value(QLatin1String("error_description")).toString());
        if (!description.isEmpty())
            text += QStringLiteral(" — ") + description;
        const QString uri = plain(o.value(QLatin1String("error_uri")).toString());
        if (!uri.isEmpty())
            text += QStringLiteral(" (see %1)").arg(uri);
        return R::failure(text);
    }
    if (status < 200 || status > 299) {
        QString detail = plain(o.value(QLatin1String("message")).toString());
        return R::failure(
            QStringLiteral("The token endpoint answered %1 without a token%2")
                .arg(statusText(status),
                    detail.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + detail));
    }

    const QJsonValue accessToken = o.value(QLatin1String("access_token"));
    if (!accessToken.isString() || accessToken.toString().isEmpty())
        return R::failure(
            QStringLiteral("The token endpoint answered %1 but the answer has no access_token.")
                .arg(statusText(status)));
    AccessToken token;
    token.value = accessToken.toString();
    if (token.value.size() > MaxTokenLength || !isTokenText(token.value))
        return R::failure(QStringLiteral(
            "The token endpoint's access_token contains characters a token cannot have "
            "(spaces, line breaks or non-ASCII) or is too long; it was not used."));

    const QJsonValue tokenType = o.value(QLatin1String("token_type"));
    if (tokenType.isString() && !tokenType.toString().isEmpty()) {
        if (tokenType.toString().compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0)
            return R::failure(QStringLiteral(
                "The token endpoint issued a \"%1\" token; only Bearer tokens are supported.")
                                  .arg(plain(tokenType.toString())));
    }
    // token_type is "Bearer" in any spelling; it is always sent as "Bearer".
    token.type = QStringLiteral("Bearer");
    if (const auto seconds = expiresIn(o.value(QLatin1String("expires_in"))))
        token.expiresAt = receivedAt.addSecs(*seconds);
    token.scope = o.value(QLatin1String("scope")).toString();
    return token;
}

} // namespace Playground
