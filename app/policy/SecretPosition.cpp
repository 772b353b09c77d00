#include "app/policy/SecretPosition.h"

namespace Playground {

QString secretPositionName(SecretPosition position)
{
    switch (position) {
    case SecretPosition::NotSent:
        return QStringLiteral("a value that is not sent");
    case SecretPosition::Method:
        return QStringLiteral("the method");
    case SecretPosition::HeaderName:
        return QStringLiteral("a header name");
    case SecretPosition::HeaderValue:
        return QStringLiteral("a header value");
    case SecretPosition::BaseUrl:
        return QStringLiteral("the base URL (scheme and host)");
    case SecretPosition::Host:
        return QStringLiteral("the scheme, host, port or user name of the URL");
    case SecretPosition::Path:
        return QStringLiteral("the URL path");
    case SecretPosition::Query:
        return QStringLiteral("the URL query");
    case SecretPosition::Fragment:
        return QStringLiteral("the URL fragment");
    case SecretPosition::Body:
        return QStringLiteral("the body");
    case SecretPosition::MultipartName:
        return QStringLiteral("a form field name");
    case SecretPosition::MultipartFilename:
        return QStringLiteral("a file name or path");
    case SecretPosition::MultipartContentType:
        return QStringLiteral("a content type");
    case SecretPosition::AuthField:
        return QStringLiteral("the request's auth");
    case SecretPosition::TokenUrl:
        return QStringLiteral("the token URL");
    case SecretPosition::TokenRequestField:
        return QStringLiteral("the token request");
    }
    return {};
}

} // namespace Playground
