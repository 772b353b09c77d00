#pragma once

// Helpers the window tests share: finding a widget by its objectName, writing a fixture file.
#include <QFile>
#include <QTemporaryDir>
#include <QWidget>

namespace Playground::Test {

/** The child of window named name (objectName), or null with a warning naming it. */
template <typename T> T *find(QWidget *window, const char *name)
{
    T *widget = window->findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no widget named %s", name);
    return widget;
}

/** Writes bytes to name in dir; the path, or empty when it could not be written. */
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace Playground::Test
