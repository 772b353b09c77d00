#include "ui/Theme.h"

#include "app/core/AppSettings.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace Playground::Theme {

namespace {

    const char SettingsKey[] = "view/theme";

    struct Startup {
        QString style;
        QPalette palette;
    };

    const Startup &startup()
    {
        static const Startup initial { QApplication::style()->name(), QApplication::palette() };
        return initial;
    }

    QPalette darkPalette()
    {
        const QColor window(0x2d, 0x2d, 0x30);
        const QColor base(0x1e, 0x1e, 0x1e);
        const QColor text(0xe6, 0xe6, 0xe6);
        const QColor disabled(0x80, 0x80, 0x80);
        const QColor highlight(0x3a, 0x7b, 0xd5);
        QPalette p;
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x28));
        p.setColor(QPalette::ToolTipBase, window);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3d));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4e));
        p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x44));
        p.setColor(QPalette::Mid, QColor(0x26, 0x26, 0x28));
        p.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
        p.setColor(QPalette::Shadow, Qt::black);
        p.setColor(QPalette::Highlight, highlight);
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
        p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff));
        for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
            p.setColor(QPalette::Disabled, role, disabled);
        p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
        return p;
    }

} // namespace

QString key(Choice choice)
{
    switch (choice) {
    case Choice::Light:
        return QStringLiteral("light");
    case Choice::Dark:
        return QStringLiteral("dark");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

void apply(Choice choice)
{
    const Startup &initial = startup();
    if (choice == Choice::System) {
        QApplication::setStyle(QStyleFactory::create(initial.style));
        QApplication::setPalette(initial.palette);
        return;
    }
    // Fusion draws every control from the palette, so a forced palette looks whole on any desktop.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(
        choice == Choice::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

Choice saved()
{
    const QString value = QSettings(AppSettings::path(), QSettings::IniFormat)
                              .value(QLatin1String(SettingsKey))
                              .toString();
    for (const Choice choice : { Choice::Light, Choice::Dark })
        if (value == key(choice))
            return choice;
    return Choice::System;
}

void save(Choice choice)
{
    QSettings(AppSettings::path(), QSettings::IniFormat)
        .setValue(QLatin1String(SettingsKey), key(choice));
}

} // namespace Playground::Theme
