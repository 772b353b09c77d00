#pragma once

#include "app/core/Result.h"

#include <QJsonValue>

namespace Playground {

/**
 * YAML (1.2 core schema, through yaml-cpp) read into JSON values, so YAML documents (OpenAPI, MDC
 * props) are handled by the same code as JSON ones. Bounded: nesting depth and node count (an
 * alias bomb cannot expand past it). Errors name origin:line:column.
 */
class YamlJson {
public:
    static constexpr int MaxDepth = 128;
    static constexpr qsizetype MaxNodes = 2'000'000;

    /**
     * The first document of text; firstLine is added to line numbers (for embedded YAML). With
     * keepOrder, each mapping records its keys' order (OrderedJson reads it back).
     */
    static Result<QJsonValue> parse(
        const QByteArray &text, const QString &origin, int firstLine = 1, bool keepOrder = false);
};

} // namespace Playground
