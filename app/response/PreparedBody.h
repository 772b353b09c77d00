#pragma once

#include "app/model/Exchange.h"
#include "app/response/LineSource.h"

#include <functional>
#include <memory>
#include <optional>

namespace Playground {

/** A whole response body made ready for a virtualised view: its lines in each display mode. */
struct PreparedBody {
    enum class Kind { Empty, Text, Json, Markup, Binary };
    Kind kind = Kind::Empty;
    std::shared_ptr<const BodyBuffer> bytes; ///< the body (UTF-8 when a charset was converted)
    std::shared_ptr<const LineSource> raw; ///< text as sent (not for binary)
    std::shared_ptr<const LineSource> pretty; ///< re-indented JSON (JSON only)
    std::shared_ptr<const LineSource> hex; ///< hex dump (binary only)
    qint64 totalBytes = 0;
    /** What is shown, in one line: "JSON, formatted · 200.0 MiB". */
    QString note;
};

/**
 * Makes a PreparedBody from an exchange, reading the body from memory or mapping its spill
 * file: JSON is re-indented by streaming into memory (small bodies) or into a temporary file
 * (large ones), and every text gets a line index. Runs on a worker thread; nothing is ever laid
 * out as a whole.
 */
class BodyPreparer {
public:
    /** Bodies up to this size are formatted into memory and JSON is validated first. */
    static constexpr qint64 InMemoryLimitBytes = 8 * 1024 * 1024;
    /** Bodies in another charset than UTF-8 up to this size are converted; larger ones are
     * shown as UTF-8 and the note says so. */
    static constexpr qint64 ConvertCharsetLimitBytes = 64 * 1024 * 1024;
    /** Called with 0..100 now and then; returning false cancels. */
    using Progress = std::function<bool(int percent)>;

    static std::optional<PreparedBody> prepare(
        const Exchange &exchange, const Progress &progress = {});
    /** The first screen of a large body in a few milliseconds (the beginning of the text,
     * re-indented when it looks like JSON), shown while prepare() runs. */
    static std::shared_ptr<const LineSource> firstScreen(const Exchange &exchange);
};

} // namespace Playground
