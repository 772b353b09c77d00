// View › Theme: the window turns dark and back, and the choice is remembered.
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include "app/core/AppSettings.h"
#include <QAction>
#include <QApplication>

#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QtTest>

using namespace Playground;

namespace {

/** Mean lightness (0-255) of the window as it is drawn. */
int drawnLightness(QWidget &window)
{
    const QImage image = window.grab().toImage();
    qint64 sum = 0;
    qint64 count = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4, ++count)
            sum += QColor(image.pixel(x, y)).lightness();
    return count ? int(sum / count) : 0;
}

QAction *themeAction(QWidget &window, const char *key)
{
    auto *action
        = window.findChild<QAction *>(QStringLiteral("theme_%1Action").arg(QLatin1String(key)));
    if (!action)
        qFatal("no theme action %s", key);
    return action;
}

} // namespace

class TestTheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings(AppSettings::path(), QSettings::IniFormat).clear();
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(QApplication::style()->standardPalette());
    }

    void darkAndBackToSystem()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(themeAction(window, "system")->isChecked());
        const int light = drawnLightness(window);
        QVERIFY2(light > 160, qPrintable(QString::number(light)));

        themeAction(window, "dark")->trigger();
        QTRY_VERIFY(drawnLightness(window) < 100);
        QCOMPARE(Theme::saved(), Theme::Choice::Dark);
        // Text stays readable on the dark base.
        const QPalette dark = window.palette();
        QVERIFY(dark.color(QPalette::Base).lightness() < 64);
        QVERIFY(dark.color(QPalette::Text).lightness() > 192);

        // A new window starts with the remembered choice ticked.
        MainWindow second;
        QVERIFY(themeAction(second, "dark")->isChecked());

        themeAction(window, "system")->trigger();
        QTRY_VERIFY(drawnLightness(window) > 160);
        QCOMPARE(Theme::saved(), Theme::Choice::System);
    }
};

QTEST_MAIN(TestTheme)
#include "TestTheme.moc"
