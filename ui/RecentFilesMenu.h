#pragma once

#include "app/document/RecentFiles.h"

#include <QMenu>

namespace Playground {

/**
 * File › Open recent: the last collections and environments, newest first. A file that is gone
 * is greyed out ("Remove missing files" drops them); one that vanished since the menu opened is
 * removed when chosen, with a message. "Clear list" empties it.
 */
class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    RecentFilesMenu(RecentFiles *recent, QWidget *parent = nullptr);

    /** Lists the entries as they are now (done each time the menu opens). */
    void rebuild();

Q_SIGNALS:
    void openRequested(const QString &path, Playground::RecentFiles::Kind kind);
    /** Something to tell the user (a file removed from the list). */
    void message(const QString &text);

private:
    void choose(const RecentFiles::Entry &entry);

    RecentFiles *m_recent;
};

} // namespace Playground
