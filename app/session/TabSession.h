#pragma once

#include "app/core/Result.h"
#include "app/model/CollectionItem.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Playground {

/**
 * The window's open collections and tabs, for the next start: each collection's file with its tabs
 * (a request of the collection by its names, or a scratch request's content) and current tab, the
 * current collection, and the window's geometry. Written as a small JSON file; secrets never reach
 * it (credentials typed as plain text into a scratch request are written as {{references}} without
 * their values). Version 1 files (one collection) are read too.
 */
struct TabSession {
    struct Tab {
        QStringList itemNames; ///< folders, then the request; empty: a scratch request
        CollectionItem scratch; ///< the scratch request (its request and settings)
    };

    /** A collection of the sidebar with its tabs; no path: scratch tabs without a collection. */
    struct Workspace {
        QString collectionPath;
        QList<Tab> tabs;
        int current = 0;
    };

    QList<Workspace> workspaces;
    int currentWorkspace = 0;
    QByteArray windowGeometry; ///< QWidget::saveGeometry()
    QByteArray splitterState; ///< QSplitter::saveState() of the sidebar splitter

    /** Where the window keeps it: tabs.json in the app's config folder. */
    static QString defaultPath();
    /** Reads path; an error names the file and the problem. */
    static Result<TabSession> read(const QString &path);
    /** Writes atomically (the old file stays whole on failure). */
    static Status write(const QString &path, const TabSession &session);
};

} // namespace Playground
