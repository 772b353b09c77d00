#pragma once

// Helpers the window tests share: finding a widget by its objectName, writing a fixture file.
#include <QFile>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QWidget>

namespace Playground::Test {

/**
 * The child of window named name (objectName), or null with a warning naming it. Each request tab
 * has its own editor and response (the same names in every tab): the current collection's
 * current tab's come first.
 */
template <typename T> T *find(QWidget *window, const char *name)
{
    T *widget = nullptr;
    // The current collection's tabs (each collection of the sidebar has its own).
    QTabWidget *tabs = nullptr;
    if (auto *stack = window->findChild<QStackedWidget *>(QStringLiteral("requestTabsStack")))
        tabs = qobject_cast<QTabWidget *>(stack->currentWidget());
    if (!tabs)
        tabs = window->findChild<QTabWidget *>(QStringLiteral("requestTabWidget"));
    if (tabs) {
        if (QWidget *current = tabs->currentWidget())
            widget = current->findChild<T *>(QLatin1String(name));
    }
    if (!widget)
        widget = window->findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no widget named %s", name);
    return widget;
}

/** A small collection: folder "Users" (List users, Create user) and "Health" at the top. */
inline const QByteArray ShopJson
    = "{\n"
      "  \"info\": { \"name\": \"Shop API\",\n"
      "    \"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\" "
      "},\n"
      "  \"item\": [\n"
      "    { \"name\": \"Users\", \"item\": [\n"
      "      { \"name\": \"List users\", \"request\": { \"method\": \"GET\", \"url\": "
      "\"https://example.com/users\" } },\n"
      "      { \"name\": \"Create user\", \"request\": { \"method\": \"POST\", \"url\": "
      "\"https://example.com/users\" } }\n"
      "    ] },\n"
      "    { \"name\": \"Health\", \"request\": { \"method\": \"HEAD\", \"url\": "
      "\"https://example.com/health\" } }\n"
      "  ]\n"
      "}\n";

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
