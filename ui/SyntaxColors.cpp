#include "ui/SyntaxColors.h"

#include <cmath>

namespace Playground {

QColor syntaxColor(TokenKind kind, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (kind) {
    case TokenKind::Key:
        return QColor(dark ? 0x9cdcfe : 0x0451a5);
    case TokenKind::String:
        return QColor(dark ? 0xce9178 : 0xa31515);
    case TokenKind::Number:
        return QColor(dark ? 0xb5cea8 : 0x08734a);
    case TokenKind::Keyword:
        return QColor(dark ? 0x6cb6ff : 0x0000ff);
    case TokenKind::Tag:
        return QColor(dark ? 0x7ab8ff : 0x800000);
    case TokenKind::Attribute:
        return QColor(dark ? 0x9cdcfe : 0xc50000);
    case TokenKind::Comment:
        return QColor(dark ? 0x85c46c : 0x3b7a22);
    case TokenKind::Punctuation:
        break;
    }
    return palette.color(QPalette::Text);
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace Playground
