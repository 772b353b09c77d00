#include "app/model/RequestBody.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Playground {

QString RequestBody::impliedContentType() const
{
    switch (mode) {
    case Mode::Raw:
        if (rawLanguage == QLatin1String("json"))
            return QStringLiteral("application/json");
        if (rawLanguage == QLatin1String("xml"))
            return QStringLiteral("application/xml");
        if (rawLanguage == QLatin1String("html"))
            return QStringLiteral("text/html");
        if (rawLanguage == QLatin1String("javascript"))
            return QStringLiteral("application/javascript");
        return QStringLiteral("text/plain");
    case Mode::GraphQl:
        return QStringLiteral("application/json");
    case Mode::UrlEncoded:
        return QStringLiteral("application/x-www-form-urlencoded");
    case Mode::FormData:
        return QStringLiteral("multipart/form-data");
    case Mode::File:
        return QStringLiteral("application/octet-stream");
    case Mode::None:
    case Mode::Other:
        break;
    }
    return {};
}

QString RequestBody::graphQlJson() const
{
    const QByteArray quoted
        = QJsonDocument(QJsonArray { graphQlQuery }).toJson(QJsonDocument::Compact);
    QString out
        = QStringLiteral("{\"query\":") + QString::fromUtf8(quoted.mid(1, quoted.size() - 2));
    if (!graphQlVariables.trimmed().isEmpty())
        out += QStringLiteral(",\"variables\":") + graphQlVariables;
    return out + QLatin1Char('}');
}

QString RequestBody::guessRawLanguage(const QString &text)
{
    const QString start = text.trimmed().left(1);
    return start == QLatin1String("{") || start == QLatin1String("[") ? QStringLiteral("json")
                                                                      : QStringLiteral("text");
}

} // namespace Playground
