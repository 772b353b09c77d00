#include "ui/RequestVariablesForm.h"

#include "ui/SecretField.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace Playground {

namespace {

    bool sameShape(const QList<VariableOrigin> &a, const QList<VariableOrigin> &b)
    {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a.at(i).name != b.at(i).name || a.at(i).scope != b.at(i).scope
                || a.at(i).secret != b.at(i).secret || a.at(i).folderIndex != b.at(i).folderIndex)
                return false;
        }
        return true;
    }

} // namespace

RequestVariablesForm::RequestVariablesForm(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("requestVariablesForm"));
    m_empty->setObjectName(QStringLiteral("requestVariablesEmptyLabel"));
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("This request uses no {{variables}}. Type {{name}} in the URL, a header "
                        "or the body and its field appears here."));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(8);
    m_grid->setVerticalSpacing(4);
    m_grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_empty);
    layout->addLayout(m_grid);
    layout->addStretch(1); // the fields start at the top, however tall the panel
}

void RequestVariablesForm::setOrigins(
    const QList<VariableOrigin> &origins, const QString &innermostFolder)
{
    const bool rebuildNeeded = !sameShape(origins, m_origins) || innermostFolder != m_folder;
    m_origins = origins;
    m_folder = innermostFolder;
    if (rebuildNeeded) {
        rebuild();
        return;
    }
    // Same fields: refresh the values of those not being typed in.
    for (qsizetype i = 0; i < m_origins.size(); ++i) {
        auto *field = findChild<QLineEdit *>(
            QStringLiteral("%1VariableLineEdit").arg(m_origins.at(i).name));
        if (field && !field->hasFocus() && field->text() != m_origins.at(i).value)
            field->setText(m_origins.at(i).value);
    }
}

void RequestVariablesForm::rebuild()
{
    // Later, not now: the field whose edit led here may still be in its own signal.
    for (QWidget *old : std::as_const(m_rowWidgets)) {
        old->hide();
        old->setObjectName(QString());
        for (QObject *child : old->findChildren<QObject *>())
            child->setObjectName(QString());
        old->deleteLater();
    }
    m_rowWidgets.clear();
    m_empty->setVisible(m_origins.isEmpty());
    int row = 0;
    for (const VariableOrigin &origin : m_origins) {
        if (origin.scope == VariableOrigin::Scope::Dynamic)
            continue; // {{$guid}} and friends: a new value on each send, nothing to edit
        auto *label = new QLabel(origin.name, this);
        label->setTextFormat(Qt::PlainText);
        QLineEdit *edit = nullptr;
        QWidget *field = nullptr;
        if (origin.secret) {
            auto *secret = new SecretField(
                origin.name + QStringLiteral("Variable"), tr("Value of %1").arg(origin.name), this);
            secret->setText(origin.value);
            secret->setPlaceholderText(
                origin.hasValue ? QString() : tr("in the keychain — type to replace"));
            edit = secret->lineEdit();
            field = secret;
        } else {
            edit = new QLineEdit(origin.value, this);
            edit->setObjectName(origin.name + QStringLiteral("VariableLineEdit"));
            edit->setAccessibleName(tr("Value of %1").arg(origin.name));
            field = edit;
        }
        label->setBuddy(edit);
        QWidget *scope = nullptr;
        if (origin.scope == VariableOrigin::Scope::Unset) {
            edit->setPlaceholderText(tr("no value — type one"));
            auto *where = new QComboBox(this);
            where->setObjectName(origin.name + QStringLiteral("SetInComboBox"));
            where->setAccessibleName(tr("Where to keep %1").arg(origin.name));
            where->addItem(tr("Set in environment"), int(Target::Environment));
            where->addItem(tr("Set in collection"), int(Target::Collection));
            if (!m_folder.isEmpty())
                where->addItem(tr("Set in folder %1").arg(m_folder), int(Target::Folder));
            where->setCurrentIndex(1);
            scope = where;
            connect(
                edit, &QLineEdit::editingFinished, this, [this, edit, where, name = origin.name] {
                    if (!edit->text().isEmpty())
                        Q_EMIT valueSetIn(name, Target(where->currentData().toInt()), edit->text());
                });
        } else {
            auto *chip = new QLabel(VariableOrigins::scopeText(origin), this);
            chip->setObjectName(origin.name + QStringLiteral("ScopeLabel"));
            chip->setTextFormat(Qt::PlainText);
            chip->setForegroundRole(QPalette::PlaceholderText);
            chip->setToolTip(tr("Where the value comes from; an edit is kept there"));
            scope = chip;
            connect(edit, &QLineEdit::editingFinished, this, [this, edit, origin] {
                if (edit->text() != origin.value && !(origin.secret && edit->text().isEmpty()))
                    Q_EMIT valueEdited(origin, edit->text());
            });
        }
        m_grid->addWidget(label, row, 0);
        m_grid->addWidget(field, row, 1);
        m_grid->addWidget(scope, row, 2);
        m_rowWidgets << label << field << scope;
        ++row;
    }
}

} // namespace Playground
