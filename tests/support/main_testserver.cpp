// playground-testserver: the test server as a process, for shell scripts (benchmarks, interop).
//   playground-testserver [--tls] [--port N] [--log FILE]
// Prints "PORT <n>" once listening; serves until SIGTERM/SIGINT, or until stdin reaches end of
// file when stdin is a pipe or socket (so it dies with the script that holds the other end).

#include "tests/support/TestServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using Playground::Test::RecordedRequest;
using Playground::Test::TestServer;

namespace {

int signalSockets[2] = { -1, -1 };

void forwardSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalSockets[1], &byte, 1);
}

bool stdinIsPipeOrSocket()
{
    struct stat status { };
    return ::fstat(STDIN_FILENO, &status) == 0
        && (S_ISFIFO(status.st_mode) || S_ISSOCK(status.st_mode));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("playground-testserver"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Loopback HTTP test server of API Playground."));
    parser.addHelpOption();
    const QCommandLineOption tlsOption(
        QStringLiteral("tls"), QStringLiteral("Serve HTTPS with the test-only certificate."));
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("Port on 127.0.0.1 (default: any free port)."), QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption logOption(QStringLiteral("log"),
        QStringLiteral("Append each request as one JSON line to <file>."), QStringLiteral("file"));
    parser.addOptions({ tlsOption, portOption, logOption });
    parser.process(app);

    bool portOk = false;
    const quint16 port = parser.value(portOption).toUShort(&portOk);
    if (!portOk) {
        std::fprintf(stderr, "playground-testserver: invalid --port\n");
        return 2;
    }

    TestServer server;
    QFile log;
    if (parser.isSet(logOption)) {
        log.setFileName(parser.value(logOption));
        if (!log.open(QIODevice::WriteOnly | QIODevice::Append)) {
            std::fprintf(stderr, "playground-testserver: cannot open the log file\n");
            return 1;
        }
        QObject::connect(
            &server, &TestServer::requestReceived, &log, [&log](const RecordedRequest &request) {
                log.write(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact) + '\n');
                log.flush();
            });
    }
    if (!server.start(
            parser.isSet(tlsOption) ? TestServer::Mode::Tls : TestServer::Mode::Plain, port)) {
        std::fprintf(
            stderr, "playground-testserver: cannot listen on 127.0.0.1:%u\n", unsigned(port));
        return 1;
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSockets) != 0)
        return 1;
    struct sigaction action { };
    action.sa_handler = forwardSignal;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    QSocketNotifier signalNotifier(signalSockets[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);

    std::unique_ptr<QSocketNotifier> stdinNotifier;
    if (stdinIsPipeOrSocket()) {
        stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(stdinNotifier.get(), &QSocketNotifier::activated, &app, [] {
            char buffer[4096];
            if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0)
                QCoreApplication::quit();
        });
    }

    std::printf("PORT %u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
