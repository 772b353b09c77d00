#include "app/cli/CliReporter.h"

#include "app/cli/TerminalText.h"

namespace Playground {

namespace {

    /** A field from a file or a server, shown on one line with nothing for a terminal to act on. */
    QString shown(const QString &text)
    {
        return TerminalText::escaped(text);
    }

} // namespace

QString CliReporter::progressLine(int index, int count, const RunResult &result)
{
    const Exchange &x = result.exchange;
    QString line
        = QStringLiteral("[%1/%2] %3 %4")
              .arg(index + 1)
              .arg(count)
              .arg(shown(QString::fromUtf8(x.method.isEmpty() ? QByteArray("-") : x.method)),
                  shown(result.fullName()));
    if (!result.resolveError.isEmpty())
        return line + QStringLiteral(" — not sent: ") + shown(result.resolveError);
    if (x.status > 0)
        line += QStringLiteral(" — %1 %2, %3 ms, %4 bytes")
                    .arg(x.status)
                    .arg(shown(QString::fromUtf8(x.reason)))
                    .arg(x.timings.total, 0, 'f', 1)
                    .arg(x.bodySize);
    if (x.failure != FailureKind::None)
        line += QStringLiteral(" — FAILED: ") + shown(x.error);
    else if (result.failed())
        line += QStringLiteral(" — FAILED");
    for (const QString &w : x.warnings)
        line += QStringLiteral("\n      warning: ") + shown(w);
    return line;
}

Result<QByteArray> CliReporter::render(const RunReport &report) const
{
    QString out;
    const int failed = report.failures();
    out += QStringLiteral("%1: %2 request(s), %3 passed, %4 failed, %5 ms\n")
               .arg(shown(report.collectionName))
               .arg(report.results.size())
               .arg(report.results.size() - failed)
               .arg(failed)
               .arg(report.totalMs, 0, 'f', 0);
    for (const RunResult &r : report.results) {
        if (r.failed())
            out += QStringLiteral("  FAILED %1: %2\n")
                       .arg(shown(r.fullName()), shown(r.failureMessage()));
    }
    return out.toUtf8();
}

} // namespace Playground
