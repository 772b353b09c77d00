#pragma once

#include "app/core/Result.h"
#include "app/formats/Imported.h"

#include <optional>

namespace Playground {

/**
 * What the URL field makes of pasted text: a curl command becomes the whole request (method, URL,
 * headers, body, auth) with its warnings; anything else is left to the field.
 */
class PastedRequest {
public:
    /**
     * nullopt: text is not a curl command (paste it as a URL). Otherwise the request, or an error
     * to show (an open quote, a line too long), never the raw command as a URL.
     */
    static std::optional<Result<ImportedRequest>> fromPaste(const QString &text);
};

} // namespace Playground
