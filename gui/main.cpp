// `api-playground-gui`: the window. `api-playground` (the headless program) starts it when no
// command is given; the desktop file starts it directly.
#include "app/core/ProcessHardening.h"
#include "app/core/Version.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QIcon>
#include <QTimer>
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
    // The Wayland app id, so the compositor matches the window with the desktop file (on X11 the
    // desktop file's StartupWMClass matches the window class, the application name).
    QGuiApplication::setDesktopFileName(QLatin1String(Playground::AppId));
    // The installed icon (scalable SVG and PNGs in hicolor), for X11 title bars and task bars:
    // once the first window is up, as reading the icon theme takes a good part of a start.
    QTimer::singleShot(0, &app,
        [] { QApplication::setWindowIcon(QIcon::fromTheme(QLatin1String(Playground::AppId))); });
    Playground::Theme::apply(Playground::Theme::saved());
    // The collections and tabs open when the window last closed; the desktop file's selected
    // files (%F) beside them.
    Playground::MainWindow window;
    window.restoreSession();
    for (int i = 1; i < argc; ++i)
        window.openFile(QString::fromLocal8Bit(argv[i]));
    window.show();
    return app.exec();
}
