#pragma once

#include "app/response/ResponseFormatter.h"

#include <QColor>

namespace Playground {

/** The colour a status of this class is shown in (invalid for None): mid-tones that read on light
 * and dark window backgrounds, the same in the response view and the runner. */
QColor statusColor(ResponseFormatter::StatusClass statusClass);

} // namespace Playground
