#include "app/runner/RunResult.h"

namespace Playground {

bool RunResult::failed() const
{
    if (!resolveError.isEmpty() || exchange.failure != FailureKind::None || exchange.status <= 0)
        return true;
    return exchange.status >= 400 && !httpErrorsAllowed;
}

QString RunResult::failureMessage() const
{
    if (!resolveError.isEmpty())
        return resolveError;
    if (exchange.failure != FailureKind::None || exchange.status <= 0)
        return exchange.error.isEmpty() ? QStringLiteral("No response") : exchange.error;
    if (exchange.status >= 400 && !httpErrorsAllowed)
        return QStringLiteral("HTTP %1 %2")
            .arg(exchange.status)
            .arg(QString::fromUtf8(exchange.reason))
            .trimmed();
    return {};
}

QString RunResult::fullName() const
{
    QStringList parts = folders;
    parts.append(name);
    return parts.join(QLatin1String(" / "));
}

} // namespace Playground
