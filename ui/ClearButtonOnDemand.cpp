#include "ui/ClearButtonOnDemand.h"

#include <QLineEdit>

namespace Playground {

void ClearButtonOnDemand::install(QLineEdit *edit)
{
    if (!edit->text().isEmpty()) {
        edit->setClearButtonEnabled(true);
        return;
    }
    // QLineEdit's own textChanged handler runs first, so the button is made visible at once.
    QObject::connect(
        edit, &QLineEdit::textChanged, edit, [edit] { edit->setClearButtonEnabled(true); },
        Qt::SingleShotConnection);
}

} // namespace Playground
