#pragma once

#include "ui/RequestVariablesForm.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace Playground {

/**
 * "{{name}} has no value — set it in: Environment · Collection · Folder", under the request's
 * URL: each button opens that table with the cursor on the variable's row (added when missing).
 * Its line is always reserved, so the editor never jumps when it appears.
 */
class UnresolvedVariablesHint : public QWidget {
    Q_OBJECT
public:
    explicit UnresolvedVariablesHint(QWidget *parent = nullptr);

    /** The names without a value (empty hides the hint); folder: the request's innermost one. */
    void setMissing(const QStringList &names, const QString &folder, bool hasCollection);

Q_SIGNALS:
    void setRequested(const QString &name, Playground::RequestVariablesForm::Target target);

private:
    QLabel *m_text;
    QPushButton *m_environment;
    QPushButton *m_collection;
    QPushButton *m_folder;
    QString m_name;
};

} // namespace Playground
