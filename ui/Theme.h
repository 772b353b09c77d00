#pragma once

#include <QString>

namespace Playground::Theme {

/** View › Theme: follow the system, or force a light or dark palette. */
enum class Choice { System, Light, Dark };

/** Applies choice to the whole application; System restores the style and palette it started
 * with. Widgets that draw their own colours follow through QEvent::PaletteChange. */
void apply(Choice choice);
/** The choice saved in the settings (System when none or unknown). */
Choice saved();
void save(Choice choice);

QString key(Choice choice);

} // namespace Playground::Theme
