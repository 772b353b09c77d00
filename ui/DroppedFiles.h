#pragma once

#include <QMimeData>
#include <QStringList>
#include <QUrl>

namespace Playground {

/** The local files a drop from a file manager carries; none when it carries anything else. */
inline QStringList droppedFiles(const QMimeData *mime)
{
    QStringList paths;
    for (const QUrl &url : mime ? mime->urls() : QList<QUrl> {}) {
        if (!url.isLocalFile())
            return {};
        paths.append(url.toLocalFile());
    }
    return paths;
}

} // namespace Playground
