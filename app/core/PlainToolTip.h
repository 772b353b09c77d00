#pragma once

#include <QString>

namespace Playground {

/**
 * text as a tooltip that shows exactly that text. Qt reads a tooltip that looks like HTML as
 * HTML (and loads its images), so text from a file or a server always goes through here.
 */
inline QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<qt>%1</qt>")
        .arg(text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
}

} // namespace Playground
