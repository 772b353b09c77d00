#pragma once

#include "app/model/FormPart.h"
#include "app/model/KeyValue.h"

#include <QJsonObject>

namespace Playground {

/** The body of a request, in one of Postman's modes. */
struct RequestBody {
    enum class Mode { None, Raw, UrlEncoded, FormData, File, GraphQl, Other };

    Mode mode = Mode::None;
    QString modeName; ///< the mode as read, kept for Mode::Other (graphql, ...)
    QString raw; ///< Raw: text with {{templates}}
    QString rawLanguage; ///< Raw: options.raw.language (json, xml, text, ...)
    KeyValueList urlEncoded; ///< UrlEncoded
    QList<FormPart> formData; ///< FormData
    QString filePath; ///< File: path of the file sent as-is
    QString graphQlQuery; ///< GraphQl: the query, with {{templates}}
    QString graphQlVariables; ///< GraphQl: the variables, JSON object text with {{templates}}
    QJsonObject extra; ///< unused fields (options other than raw.language, disabled, ...)

    /** The Content-Type implied by the mode/language when the request sets none. */
    QString impliedContentType() const;
    /**
     * A GraphQL body as the JSON text it is sent as, {{templates}} kept: the query a JSON string,
     * then the variables as written (left out when blank), as Postman sends it.
     */
    QString graphQlJson() const;
    /** The raw language a typed body looks like: "json" when it starts with { or [, else "text". */
    static QString guessRawLanguage(const QString &text);
};

} // namespace Playground
