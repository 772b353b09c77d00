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
#include "ui/MainWindow.h"
#include "ui/ResponseView.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QThread>

#include <atomic>
#include <cstdio>

using namespace Playground;
using namespace PlaygroundBench;

namespace {

/** Serves the file at path to each connection that asks, from its own thread (blocking calls). */
class FileServer : public QThread {
public:
    explicit FileServer(QString path)
        : m_path(std::move(path))
    {
    }
    quint16 port() const { return m_port.load(); }
    /** Nanoseconds on clock() when the last byte of the last answer was accepted by the socket. */
    qint64 lastByteNs() const { return m_lastByteNs.load(); }
    static QElapsedTimer &clock()
    {
        static QElapsedTimer timer;
        return timer;
    }

protected:
    void run() override
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost)) {
            m_port = 1;
            return;
        }
        m_port = server.serverPort();
        while (server.waitForNewConnection(-1)) {
            std::unique_ptr<QTcpSocket> socket(server.nextPendingConnection());
            QByteArray head;
            while (!head.contains("\r\n\r\n") && socket->waitForReadyRead(10'000))
                head += socket->readAll();
            QFile file(m_path);
            if (!file.open(QIODevice::ReadOnly))
                return;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(file.size()) + "\r\nConnection: close\r\n\r\n");
            while (!file.atEnd()) {
                socket->write(file.read(256 * 1024));
                while (socket->bytesToWrite() > 1024 * 1024)
                    socket->waitForBytesWritten(-1);
            }
            while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(-1)) { }
            m_lastByteNs = clock().nsecsElapsed();
            socket->disconnectFromHost();
            if (socket->state() != QAbstractSocket::UnconnectedState)
                socket->waitForDisconnected(10'000);
        }
    }

private:
    QString m_path;
    std::atomic<quint16> m_port { 0 };
    std::atomic<qint64> m_lastByteNs { -1 };
};

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

    FileServer::clock().start();
    FileServer server(body.fileName());
    server.start();
    waitUntil([&] { return server.port() != 0; });

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
    const double downloadMs = (server.lastByteNs()) / 1e6;
    const qint64 lastByte = server.lastByteNs();

    formatMeter.start();
    double firstScreenMs = -1;
    const bool formatted = waitUntil([&] {
        if (firstScreenMs < 0 && bodyVisible(response))
            firstScreenMs = (FileServer::clock().nsecsElapsed() - lastByte) / 1e6;
        return firstScreenMs >= 0 && !response->isFormatting();
    });
    const double formatMs = (FileServer::clock().nsecsElapsed() - lastByte) / 1e6;
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

    std::printf("%6.1f MiB  download %6.0f ms (stall %5.1f ms)  first screen %5.0f ms after the "
                "last byte  formatted %6.0f ms (stall %5.1f ms)  find %5.0f ms \"%s\" (stall "
                "%5.1f ms)  peak RSS %5.0f MiB%s\n",
        bodyBytes / 1048576.0, downloadMs, downloadStall, firstScreenMs, formatMs, formatStall,
        findMs, qPrintable(count->text()), findStall, peakRssMiB(),
        received && formatted ? "" : "  (timed out)");
    server.terminate();
    server.wait();
    return 0;
}
