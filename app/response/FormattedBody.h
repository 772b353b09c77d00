#pragma once

#include <QString>

namespace Playground {

/** A response body made ready for display: text, and what was done to it. */
struct FormattedBody {
    QString text;
    bool pretty = false; ///< JSON re-indented (key order and numbers kept as sent)
    bool binary = false; ///< shown as a hex dump
    bool truncated = false; ///< only the first part is shown
    bool linesBroken = false; ///< very long lines were wrapped for display
    qint64 totalBytes = 0;
    qint64 shownBytes = 0;
    /** One line that says what the viewer shows ("JSON, formatted", "first 2.0 MiB of 50.0 MiB").
     */
    QString note;
};

} // namespace Playground
