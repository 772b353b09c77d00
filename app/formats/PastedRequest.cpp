#include "app/formats/PastedRequest.h"

#include "app/formats/CurlImporter.h"

namespace Playground {

std::optional<Result<ImportedRequest>> PastedRequest::fromPaste(const QString &text)
{
    if (!CurlImporter::looksLikeCurl(text))
        return std::nullopt;
    return CurlImporter::parse(text);
}

} // namespace Playground
