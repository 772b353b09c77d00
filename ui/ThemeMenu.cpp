#include "ui/ThemeMenu.h"

#include "ui/Theme.h"

#include <QActionGroup>

namespace Playground {

ThemeMenu::ThemeMenu(QWidget *parent)
    : QMenu(tr("&Theme"), parent)
{
    setObjectName(QStringLiteral("themeMenu"));
    auto *group = new QActionGroup(this);
    const Theme::Choice current = Theme::saved();
    const std::pair<Theme::Choice, QString> choices[] = {
        { Theme::Choice::System, tr("&System") },
        { Theme::Choice::Light, tr("&Light") },
        { Theme::Choice::Dark, tr("&Dark") },
    };
    for (const auto &[choice, text] : choices) {
        QAction *action = addAction(text);
        action->setObjectName(QStringLiteral("theme_%1Action").arg(Theme::key(choice)));
        action->setCheckable(true);
        action->setChecked(choice == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [choice = choice] {
            Theme::apply(choice);
            Theme::save(choice);
        });
    }
}

} // namespace Playground
