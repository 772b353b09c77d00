#pragma once

#include <QMenu>

namespace Playground {

/** View › Theme: System / Light / Dark, applied at once and remembered for the next start. */
class ThemeMenu : public QMenu {
    Q_OBJECT
public:
    explicit ThemeMenu(QWidget *parent);
};

} // namespace Playground
