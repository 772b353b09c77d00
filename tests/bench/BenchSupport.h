// Shared by the response viewer benchmarks: waiting, peak RSS, "the body shows".
#pragma once

#include "tests/support/LargeJson.h"
#include "tests/support/StallMeter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QVariant>

#include <functional>
#include <sys/resource.h>

namespace PlaygroundBench {

using PlaygroundTest::StallMeter;
using PlaygroundTest::writeJson;

inline bool waitUntil(const std::function<bool()> &done, int timeoutMs = 600'000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

inline double peakRssMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

/** True once the response body view shows some text. */
inline bool bodyVisible(const QObject *view)
{
    const QObject *body = view->findChild<QObject *>(QStringLiteral("responseBodyView"));
    return body && body->property("lineCount").toLongLong() > 1;
}

} // namespace PlaygroundBench
