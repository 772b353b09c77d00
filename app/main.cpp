// The executable: GUI by default, headless commands (`run`) without widgets.
#include "app/cli/RunCommand.h"
#include "app/cli/SecretsCommand.h"
#include "app/core/Version.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <cstdio>

namespace {

const char *Usage
    = "Usage:\n"
      "  api-playground [COLLECTION]      open the window (optionally with a collection file)\n"
      "  api-playground run COLLECTION …  run a collection headless (see run --help)\n"
      "  api-playground secrets …         store, delete or list a collection's secrets (see "
      "secrets --help)\n"
      "  api-playground --version | --help\n";

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[])
{
    const QByteArray first = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (first == "--version" || first == "-v") {
        std::printf("%s %s (Qt %s)\n", Playground::AppName, Playground::AppVersion, qVersion());
        return 0;
    }
    if (first == "--help" || first == "-h") {
        std::fputs(Usage, stdout);
        return 0;
    }
    if (first == "run") {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QLatin1String(Playground::AppName));
        return Playground::RunCommand::exec(QCoreApplication::arguments().mid(2));
    }
    if (first == "secrets") {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QLatin1String(Playground::AppName));
        return Playground::SecretsCommand::exec(QCoreApplication::arguments().mid(2));
    }
    if (first.startsWith('-')) {
        std::fprintf(stderr, "api-playground: unknown option %s\n%s", first.constData(), Usage);
        return 2;
    }
    if (!hasDisplay()) {
        std::fputs("api-playground: no display to open a window on; use xvfb-run, or "
                   "`api-playground run COLLECTION` "
                   "for headless runs\n",
            stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QLatin1String(Playground::AppName));
    QApplication::setApplicationVersion(QLatin1String(Playground::AppVersion));
    QApplication::setOrganizationName(QStringLiteral("Digishare"));
    Playground::MainWindow window;
    if (argc > 1)
        window.openCollection(QString::fromLocal8Bit(argv[1]));
    window.show();
    return app.exec();
}
