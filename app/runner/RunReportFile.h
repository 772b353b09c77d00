#pragma once

#include "app/core/Result.h"
#include "app/runner/RunReport.h"

namespace Playground {

/** A finished run saved as JUnit XML or JSON, with the same reporters as `api-playground run`. */
class RunReportFile {
public:
    enum class Format { Junit, Json };

    /** By the file name: ".xml" is JUnit, anything else JSON. */
    static Format formatFor(const QString &path);
    /** Writes atomically: the file is whole or untouched. The error names the file. */
    static Status write(const RunReport &report, Format format, const QString &path);
};

} // namespace Playground
