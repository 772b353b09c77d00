#include "ui/StatusColors.h"

namespace Playground {

QColor statusColor(ResponseFormatter::StatusClass statusClass)
{
    // Mid-tone colors: readable on light and dark window backgrounds.
    switch (statusClass) {
    case ResponseFormatter::StatusClass::Success:
        return QColor(0x2e, 0x9d, 0x4f);
    case ResponseFormatter::StatusClass::Redirect:
    case ResponseFormatter::StatusClass::Informational:
        return QColor(0x3a, 0x7b, 0xd5);
    case ResponseFormatter::StatusClass::ClientError:
        return QColor(0xd0, 0x7a, 0x00);
    case ResponseFormatter::StatusClass::ServerError:
    case ResponseFormatter::StatusClass::Failed:
        return QColor(0xd6, 0x45, 0x45);
    case ResponseFormatter::StatusClass::None:
        break;
    }
    return {};
}

} // namespace Playground
