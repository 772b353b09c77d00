#pragma once

#include "app/response/SyntaxTokens.h"

#include <QColor>
#include <QPalette>

namespace Playground {

/** The colour of a highlighted token on this palette's Base: one set for light, one for dark
 * backgrounds, each readable (contrast of at least 4.5:1) on the Base colours of common themes. */
QColor syntaxColor(TokenKind kind, const QPalette &palette);
/** WCAG contrast ratio of two colours (1 to 21). */
double contrastRatio(const QColor &a, const QColor &b);

} // namespace Playground
