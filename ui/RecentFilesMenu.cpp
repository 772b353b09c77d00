#include "ui/RecentFilesMenu.h"

#include "app/core/PlainToolTip.h"
#include <QFileInfo>

namespace Playground {

RecentFilesMenu::RecentFilesMenu(RecentFiles *recent, QWidget *parent)
    : QMenu(tr("Open &recent"), parent)
    , m_recent(recent)
{
    setObjectName(QStringLiteral("recentFilesMenu"));
    menuAction()->setObjectName(QStringLiteral("openRecentAction"));
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::rebuild);
    rebuild(); // enabled or not before the first opening
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QList<RecentFiles::Entry> entries = m_recent->entries();
    int missing = 0;
    for (int i = 0; i < entries.size(); ++i) {
        const RecentFiles::Entry entry = entries.at(i);
        const QFileInfo info(entry.path);
        const QString kind
            = entry.kind == RecentFiles::Kind::Environment ? tr("environment") : tr("collection");
        QString text = tr("%1 (%2)").arg(info.fileName(), kind);
        // "&" in a file name is not a mnemonic; the number is.
        text.replace(QLatin1Char('&'), QLatin1String("&&"));
        if (i < 9)
            text = QStringLiteral("&%1 %2").arg(i + 1).arg(text);
        QAction *action = addAction(text);
        action->setObjectName(QStringLiteral("recentFileAction"));
        action->setToolTip(plainToolTip(entry.path));
        action->setStatusTip(entry.path);
        action->setData(entry.path);
        if (!info.exists()) {
            ++missing;
            action->setEnabled(false); // greyed: the file is gone
            action->setText(tr("%1 — not found").arg(text));
        }
        connect(action, &QAction::triggered, this, [this, entry] { choose(entry); });
    }
    if (entries.isEmpty()) {
        QAction *none = addAction(tr("No recent files"));
        none->setEnabled(false);
    }
    addSeparator();
    if (missing > 0) {
        QAction *prune = addAction(tr("Remove missing files"), this, [this] {
            const int removed = m_recent->removeMissing();
            Q_EMIT message(tr("Removed %n missing file(s) from the recent files.", "", removed));
        });
        prune->setObjectName(QStringLiteral("removeMissingRecentAction"));
    }
    QAction *clearList = addAction(tr("&Clear list"), m_recent, &RecentFiles::clear);
    clearList->setObjectName(QStringLiteral("clearRecentAction"));
    clearList->setEnabled(!entries.isEmpty());
}

void RecentFilesMenu::choose(const RecentFiles::Entry &entry)
{
    if (!QFileInfo::exists(entry.path)) {
        m_recent->remove(entry.path);
        Q_EMIT message(
            tr("%1 is no longer there; it was removed from the recent files.").arg(entry.path));
        return;
    }
    Q_EMIT openRequested(entry.path, entry.kind);
}

} // namespace Playground
