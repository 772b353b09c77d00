// A large JSON body downloaded into the real window: how long the UI thread is blocked while the
// body arrives and while it is formatted, and how soon after the last byte the first screen shows.
//   bench_window_download --size MB
// A loopback HTTP server on its own thread sends about MB mebibytes of compact JSON as fast as the
// window reads it. The window (offscreen, settings and history in Qt's test locations) sends to it
// with its URL field and Send button. A 10 ms timer records its own lateness. "Last byte" is when
// the server's socket accepted the last byte (so "first screen after the last byte" can only be
// overstated). Then a find for a string near the end. Prints one table row; peak RSS is the
// process's, so run one size per process (tests/bench/run-view-bench.sh does).

#include "BenchSupport.h"
#include "tests/support/ThreadedFileServer.h"
#include "ui/MainWindow.h"
#include "ui/ResponseView.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cstdio>

using namespace Playground;
using namespace PlaygroundBench;

namespace {

template <typename T> T *child(QWidget &parent, const char *name)
{
    auto *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("bench_window_download: no %s in the window", name);
    return widget;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype sizeAt = args.indexOf(QStringLiteral("--size"));
    const qint64 mib
        = sizeAt > 0 && sizeAt + 1 < args.size() ? args.at(sizeAt + 1).toLongLong() : 200;

    QTemporaryFile body;
    if (!body.open())
        return 1;
    writeJson(mib * 1024 * 1024, [&](const QByteArray &chunk) { body.write(chunk); });
    body.flush();
    const qint64 bodyBytes = body.size();

    PlaygroundTest::ThreadedFileServer server(body.fileName());
    if (!server.listen())
        return 1;

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();
    auto *response = child<ResponseView>(window, "responseView");
    child<QLineEdit>(window, "urlLineEdit")
        ->setText(QStringLiteral("http://127.0.0.1:%1/big.json").arg(server.port()));

    StallMeter downloadMeter;
    StallMeter formatMeter;
    downloadMeter.start();
    child<QPushButton>(window, "sendButton")->click();
    const bool received = waitUntil([&] { return server.lastByteNs() >= 0; });
    const double downloadStall = downloadMeter.stop();
    const double downloadMs = server.lastByteNs() / 1e6;
    const qint64 lastByte = server.lastByteNs();

    formatMeter.start();
    double firstScreenMs = -1;
    const bool formatted = waitUntil([&] {
        if (firstScreenMs < 0 && bodyVisible(response))
            firstScreenMs = (server.clock().nsecsElapsed() - lastByte) / 1e6;
        return firstScreenMs >= 0 && !response->isFormatting();
    });
    const double formatMs = (server.clock().nsecsElapsed() - lastByte) / 1e6;
    const double formatStall = formatMeter.stop();

    StallMeter findMeter;
    findMeter.start();
    QElapsedTimer findClock;
    findClock.start();
    child<QLineEdit>(window, "responseFindLineEdit")
        ->setText(QStringLiteral("needle-near-the-end"));
    auto *count = child<QLabel>(window, "responseFindCountLabel");
    waitUntil(
        [&] { return !response->isSearching() && count->text().contains(QLatin1String(" of ")); });
    const double findMs = findClock.nsecsElapsed() / 1e6;
    const double findStall = findMeter.stop();

    std::printf("%6.1f MiB  download %6.0f ms (stall %5.1f ms, UI-thread CPU %4.1f ms)  first "
                "screen %5.0f ms after the "
                "last byte  formatted %6.0f ms (stall %5.1f ms, UI-thread CPU %4.1f ms)  find "
                "%5.0f ms \"%s\" (stall "
                "%5.1f ms)  peak RSS %5.0f MiB%s\n",
        bodyBytes / 1048576.0, downloadMs, downloadStall, downloadMeter.worstCpu(), firstScreenMs,
        formatMs, formatStall, formatMeter.worstCpu(), findMs, qPrintable(count->text()), findStall,
        peakRssMiB(), received && formatted ? "" : "  (timed out)");
    return 0;
}
