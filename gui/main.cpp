// `api-playground-gui`: the window. `api-playground` (the headless program) starts it when no
// command is given; the desktop file starts it directly.
#include "app/core/ProcessHardening.h"
#include "app/core/Version.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <cstdio>

namespace {

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[])
{
    // First, before any secret can be read: a crash of the window leaves no core file.
    Playground::ProcessHardening::disableCoreDumps();
    if (!hasDisplay()) {
        std::fputs("api-playground: no display to open a window on; use xvfb-run, or "
                   "`api-playground run COLLECTION` for headless runs\n",
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
