#include "ui/AddProfileDialog.h"

#include "app/auth/CredentialText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Playground {

AddProfileDialog::AddProfileDialog(const QList<ProfileLocation> &locations, QWidget *parent)
    : QDialog(parent)
    , m_locations(locations)
    , m_kind(new QComboBox(this))
    , m_location(new QComboBox(this))
{
    setObjectName(QStringLiteral("addProfileDialog"));
    setWindowTitle(tr("Add Credentials"));

    m_kind->setObjectName(QStringLiteral("profileKindComboBox"));
    m_kind->setAccessibleName(tr("Kind of credentials"));
    for (auto kind : { CredentialProfile::Kind::PersonalAccessToken,
             CredentialProfile::Kind::ClientCredentials })
        m_kind->addItem(CredentialText::kindName(kind), int(kind));

    m_location->setObjectName(QStringLiteral("profileLocationComboBox"));
    m_location->setAccessibleName(tr("Used by"));
    for (const ProfileLocation &location : locations)
        m_location->addItem(location.label);

    auto *hint = new QLabel(
        tr("Requests below the chosen place use these credentials unless they have their own."),
        this);
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("addProfileDialogButtonBox"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Used by:"), m_location);
    for (int row = 0; row < form->rowCount(); ++row) {
        if (auto *label
            = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole)->widget()))
            label->setTextFormat(Qt::PlainText);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addStretch();
    layout->addWidget(buttons);
}

NewProfileChoice AddProfileDialog::choice() const
{
    NewProfileChoice c;
    c.kind = CredentialProfile::Kind(m_kind->currentData().toInt());
    const int index = m_location->currentIndex();
    if (index >= 0 && index < m_locations.size())
        c.path = m_locations.at(index).path;
    return c;
}

std::optional<NewProfileChoice> AddProfileDialog::ask(
    const QList<ProfileLocation> &locations, QWidget *parent)
{
    if (locations.isEmpty())
        return std::nullopt;
    AddProfileDialog dialog(locations, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.choice();
}

} // namespace Playground
