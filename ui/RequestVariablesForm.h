#pragma once

#include "app/template/VariableOrigins.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace Playground {

/**
 * The variables the request on screen uses, laid out like the docs playground: one field per
 * variable with its value (secrets masked) and the scope it comes from. Editing a field asks its
 * owner to write the value where it came from; an unset one offers "Set in environment /
 * collection / folder". Fields are rebuilt only when the names or scopes change, so typing here
 * is never interrupted.
 */
class RequestVariablesForm : public QWidget {
    Q_OBJECT
public:
    /** Where an unset variable may be given a value. */
    enum class Target { Environment, Collection, Folder };

    explicit RequestVariablesForm(QWidget *parent = nullptr);

    /** The request's variables; innermostFolder: the folder an unset one may go to ("" none). */
    void setOrigins(const QList<VariableOrigin> &origins, const QString &innermostFolder);

Q_SIGNALS:
    /** The user gave name a value in the scope it comes from. */
    void valueEdited(const Playground::VariableOrigin &origin, const QString &value);
    /** The user gave an unset variable a value, to be kept in target. */
    void valueSetIn(
        const QString &name, Playground::RequestVariablesForm::Target target, const QString &value);

private:
    void rebuild();

    QList<VariableOrigin> m_origins;
    QString m_folder;
    QGridLayout *m_grid;
    QLabel *m_empty;
    QList<QWidget *> m_rowWidgets;
};

} // namespace Playground
