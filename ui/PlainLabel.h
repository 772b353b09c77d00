#pragma once

#include <QLabel>

namespace Playground {

/**
 * A word-wrapped label that shows its text as plain text, never as HTML (data from files,
 * servers and users is shown through these).
 */
inline QLabel *plainLabel(const QString &objectName, QWidget *parent, bool selectable = false)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    if (selectable)
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace Playground
