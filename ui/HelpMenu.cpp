#include "ui/HelpMenu.h"

#include "app/core/Version.h"

#include <QAction>
#include <QMessageBox>

namespace Playground {

HelpMenu::HelpMenu(QWidget *window)
    : QMenu(tr("&Help"), window)
{
    setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = addAction(tr("&Keyboard shortcuts"), this, [window] {
        QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"), shortcutsText(window),
            QMessageBox::Close, window);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    });
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    QAction *about = addAction(tr("&About API Playground"), this, [window] {
        QMessageBox box(QMessageBox::NoIcon, tr("About API Playground"),
            tr("%1\n\nA native HTTP API client. Collections are Postman v2.1 files; secrets live "
               "only in the system keychain; no account, no cloud, no telemetry.\n\nThe same "
               "collections run headless: api-playground run COLLECTION (see man "
               "api-playground).")
                .arg(versionText()),
            QMessageBox::Close, window);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

QString HelpMenu::versionText()
{
    return QStringLiteral("API Playground %1 (Qt %2)")
        .arg(QLatin1String(AppVersion), QLatin1String(qVersion()));
}

QString HelpMenu::shortcutsText(const QWidget *window)
{
    QStringList lines;
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        const QString line
            = QStringLiteral("%1\t%2").arg(action->shortcut().toString(QKeySequence::NativeText),
                QString(action->text()).remove(QLatin1Char('&')));
        if (!lines.contains(line))
            lines.append(line);
    }
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

} // namespace Playground
