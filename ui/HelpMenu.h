#pragma once

#include <QMenu>

namespace Playground {

/** Help: keyboard shortcuts (read from the window's own actions), where secrets live, About. */
class HelpMenu : public QMenu {
    Q_OBJECT
public:
    explicit HelpMenu(QWidget *window);

    /** "API Playground 0.1.0 (Qt 6.4.2)", as --version prints it. */
    static QString versionText();
    /** Every action of window that has a shortcut: "Ctrl+Enter — Send", one a line. */
    static QString shortcutsText(const QWidget *window);
};

} // namespace Playground
