#pragma once

#include "app/core/Result.h"
#include "app/model/UrlSpec.h"
#include "app/template/TemplateText.h"

#include <QUrl>

namespace Playground {

/**
 * Builds a concrete URL from a template, part by part (SECURITY.md): a variable at the very start
 * may supply scheme, host and a path prefix; a variable in the host must be a plain host name;
 * variable values in the path, query and fragment are percent-encoded, so `../`, `@evil`, `.evil`
 * or a backslash cannot move the request. `:name` path segments take their value from the
 * path variables. Without a scheme, loopback hosts get http (as curl and newman do) and every other
 * host https.
 */
class UrlBuilder {
public:
    explicit UrlBuilder(TemplateText &text);

    Result<QUrl> build(const UrlSpec &spec);

    /** The scheme used for a URL typed without one: http for loopback hosts, else https. */
    static QString defaultScheme(const QString &typed);

    /** Percent-encodes everything except RFC 3986 unreserved letters, digits, '-', '_' and '~'. */
    static QByteArray encodeComponent(const QString &value);

private:
    enum class Zone { Scheme, Authority, Path, Query, Fragment };
    /** beforeVariable: a {{variable}} follows the literal at once (":id{{x}}" is no segment). */
    void appendLiteral(QString &out, const QString &literal, Zone &zone, bool beforeVariable,
        const KeyValueList &pathVariables);
    QString replacePathVariables(const QString &chunk, bool afterSlash, bool beforeVariable,
        const KeyValueList &pathVariables);
    void appendValue(QString &out, const QString &value, Zone zone);
    static void advanceZone(const QString &text, Zone &zone);
    static SecretPosition positionOf(Zone zone);

    TemplateText &m_text;
    QString m_error;
};

} // namespace Playground
