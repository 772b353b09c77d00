// `api-playground`: the headless commands (run, secrets, convert), linked against playground_core
// only, so a headless run maps no GUI library. Without a command it hands over to the window
// executable (api-playground-gui) installed beside it.
#include "app/cli/CommandLineSpec.h"
#include "app/cli/Completion.h"
#include "app/cli/ConvertCommand.h"
#include "app/cli/ManPage.h"
#include "app/cli/RunCommand.h"
#include "app/cli/SecretsCommand.h"
#include "app/cli/TerminalText.h"
#include "app/core/ProcessHardening.h"
#include "app/core/Version.h"
#include "app/model/ByteText.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

/** Directory of this executable, from /proc (argv[0] may be a bare name found on PATH). */
std::string executableDir()
{
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return {};
    std::string path(buf, size_t(n));
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

/** Replaces this process with the window executable; returns only when that failed. */
int execWindow(char *argv[])
{
    const std::string dir = executableDir();
    const std::string candidates[] = {
        dir + "/api-playground-gui",
        dir + "/../libexec/api-playground/api-playground-gui",
    };
    for (const std::string &gui : candidates) {
        if (access(gui.c_str(), X_OK) != 0)
            continue;
        argv[0] = const_cast<char *>(gui.c_str());
        execv(gui.c_str(), argv);
        std::fprintf(stderr, "api-playground: cannot start the window (%s): %s\n", gui.c_str(),
            std::strerror(errno));
        return 2;
    }
    std::fputs("api-playground: the window is not installed (api-playground-gui not found beside "
               "this program); headless commands work: see --help\n",
        stderr);
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    // First, before any secret can be read: a crash of this process leaves no core file.
    Playground::ProcessHardening::disableCoreDumps();
    const QByteArray first = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (first == "--version" || first == "-v") {
        std::printf("%s %s (Qt %s)\n", Playground::AppName, Playground::AppVersion, qVersion());
        return 0;
    }
    if (first == "--help" || first == "-h") {
        std::fputs(qPrintable(Playground::CommandLineSpec::topUsage()), stdout);
        return 0;
    }
    // Hidden commands for the shell completions and the build (the man page); not in --help.
    if (first == "__complete") {
        QCoreApplication app(argc, argv);
        return Playground::Completion::exec(QCoreApplication::arguments().mid(2));
    }
    if (first == "__man") {
        std::fputs(
            qPrintable(Playground::ManPage::render(QLatin1String(Playground::AppVersion))), stdout);
        return 0;
    }
    if (first == "run" || first == "secrets" || first == "convert") {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QLatin1String(Playground::AppName));
        // Bytes that are not UTF-8 (a --var value typed as $'p\xe4ss') are kept (ByteText):
        // a secret is sent as it was given.
        QStringList args;
        for (int i = 2; i < argc; ++i)
            args.append(Playground::ByteText::fromBytes(argv[i]));
        if (first == "convert")
            return Playground::ConvertCommand::exec(args);
        return first == "run" ? Playground::RunCommand::exec(args)
                              : Playground::SecretsCommand::exec(args);
    }
    if (first.startsWith('-')) {
        Playground::TerminalText::printLine(stderr,
            QStringLiteral("api-playground: unknown option ")
                + Playground::TerminalText::escaped(QString::fromLocal8Bit(first)));
        std::fputs(qPrintable(Playground::CommandLineSpec::topUsage()), stderr);
        return 2;
    }
    return execWindow(argv);
}
