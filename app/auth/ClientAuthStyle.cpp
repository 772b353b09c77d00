#include "app/auth/ClientAuthStyle.h"

namespace Playground {

QString clientAuthStyleName(ClientAuthStyle style)
{
    switch (style) {
    case ClientAuthStyle::JsonBody:
        return QStringLiteral("json");
    case ClientAuthStyle::FormBody:
        return QStringLiteral("form");
    case ClientAuthStyle::HttpBasic:
        return QStringLiteral("basic");
    }
    return QStringLiteral("json");
}

std::optional<ClientAuthStyle> clientAuthStyleFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("json"))
        return ClientAuthStyle::JsonBody;
    if (n == QLatin1String("form"))
        return ClientAuthStyle::FormBody;
    if (n == QLatin1String("basic"))
        return ClientAuthStyle::HttpBasic;
    return std::nullopt;
}

} // namespace Playground
