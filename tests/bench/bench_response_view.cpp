// The response viewer under a large JSON body: how long the UI thread is blocked.
//   bench_response_view --size MB [--floor]
// Writes a compact JSON body of about MB mebibytes (spilled to a temporary file past 8 MiB, as the
// executor does), shows it in a real ResponseView (offscreen) and measures, with a 10 ms timer that
// records its own lateness, the longest stall of the UI thread while the view formats and indexes
// the body, then while it searches the whole body for a string near its end. Prints one table row.
// --floor also prints the same figures for a bare event loop and for QPlainTextEdit::setPlainText
// of (at most 20 MiB of) the same text. Peak RSS is the process's, so run one size per process
// (tests/bench/run-view-bench.sh does).

#include "BenchSupport.h"
#include "app/model/Exchange.h"
#include "ui/ResponseView.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryFile>

#include <cstdio>

using namespace Playground;

using namespace PlaygroundBench;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype sizeAt = args.indexOf(QStringLiteral("--size"));
    const qint64 mib
        = sizeAt > 0 && sizeAt + 1 < args.size() ? args.at(sizeAt + 1).toLongLong() : 200;
    const bool floor = args.contains(QStringLiteral("--floor"));
    const qint64 bytes = mib * 1024 * 1024;

    Exchange exchange;
    exchange.method = "GET";
    exchange.url = QStringLiteral("http://127.0.0.1/huge.json");
    exchange.status = 200;
    exchange.responseHeaders = { { "Content-Type", "application/json" } };
    if (bytes > 8 * 1024 * 1024) {
        auto file = std::make_shared<QTemporaryFile>();
        if (!file->open())
            return 1;
        writeJson(bytes, [&](const QByteArray &chunk) { file->write(chunk); });
        file->flush();
        exchange.bodyFile = file;
        exchange.bodySize = file->size();
    } else {
        writeJson(bytes, [&](const QByteArray &chunk) { exchange.body += chunk; });
        exchange.bodySize = exchange.body.size();
    }

    StallMeter meter;
    if (floor) {
        meter.start();
        QElapsedTimer idle;
        idle.start();
        waitUntil([&] { return idle.elapsed() > 1000; });
        std::printf("floor  bare event loop, 1 s: longest stall %.1f ms\n", meter.stop());
        const QByteArray sample = exchange.bodyBytes(20 * 1024 * 1024);
        const QString text = QString::fromUtf8(sample);
        QPlainTextEdit edit;
        edit.resize(1000, 700);
        edit.show();
        meter.start();
        QElapsedTimer clock;
        clock.start();
        edit.setPlainText(text);
        QCoreApplication::processEvents();
        std::printf("floor  QPlainTextEdit::setPlainText of %.1f MiB: %.0f ms, longest stall "
                    "%.1f ms\n",
            sample.size() / 1048576.0, clock.nsecsElapsed() / 1e6, meter.stop());
    }

    ResponseView view;
    view.resize(1000, 700);
    view.show();
    QCoreApplication::processEvents();

    meter.start();
    QElapsedTimer clock;
    clock.start();
    view.showExchange(exchange);
    double firstScreenMs = -1;
    const bool formatted = waitUntil([&] {
        if (firstScreenMs < 0 && bodyVisible(&view))
            firstScreenMs = clock.nsecsElapsed() / 1e6;
        return !view.isFormatting();
    });
    if (firstScreenMs < 0 && bodyVisible(&view))
        firstScreenMs = clock.nsecsElapsed() / 1e6;
    const double formatMs = clock.nsecsElapsed() / 1e6;
    const double formatStall = meter.stop();

    // Search near the end (the new view shows "n of m"; the old one searches what it shows).
    double findMs = -1;
    double findStall = 0;
    QString findResult = QStringLiteral("n/a");
    auto *findEdit = view.findChild<QLineEdit *>(QStringLiteral("responseFindLineEdit"));
    auto *count = view.findChild<QLabel *>(QStringLiteral("responseFindCountLabel"));
    if (findEdit) {
        meter.start();
        clock.restart();
        findEdit->setText(QStringLiteral("needle-near-the-end"));
        if (count) {
            waitUntil([&] {
                return view.property("searching").toBool() == false && !count->text().isEmpty();
            });
            findResult = count->text();
        } else {
            QCoreApplication::processEvents();
            findResult
                = findEdit->toolTip().isEmpty() ? QStringLiteral("found") : findEdit->toolTip();
        }
        findMs = clock.nsecsElapsed() / 1e6;
        findStall = meter.stop();
    }

    const QString shots = qEnvironmentVariable("PLAYGROUND_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        view.grab().save(shots + QStringLiteral("/response-view-%1mib.png").arg(mib));

    std::printf("%6.1f MiB  first screen %7.0f ms  formatted %7.0f ms  stall %6.1f ms  "
                "find %6.0f ms (%s) stall %6.1f ms  peak RSS %6.0f MiB%s\n",
        exchange.bodySize / 1048576.0, firstScreenMs, formatMs, formatStall, findMs,
        qPrintable(findResult), findStall, peakRssMiB(), formatted ? "" : "  (timed out)");
    return 0;
}
