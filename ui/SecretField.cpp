#include "ui/SecretField.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLineEdit>
#include <QToolButton>

namespace Playground {

SecretField::SecretField(const QString &name, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_lineEdit(new QLineEdit(this))
    , m_reveal(new QToolButton(this))
{
    QString capitalized = name;
    if (!capitalized.isEmpty())
        capitalized[0] = capitalized.at(0).toUpper();
    setObjectName(name + QStringLiteral("SecretField"));

    m_lineEdit->setObjectName(name + QStringLiteral("LineEdit"));
    m_lineEdit->setEchoMode(QLineEdit::Password);
    m_lineEdit->setAccessibleName(accessibleName);
    // No autocompletion or drag out of a secret field.
    m_lineEdit->setDragEnabled(false);
    m_lineEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData
        | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);

    m_reveal->setObjectName(QStringLiteral("reveal") + capitalized + QStringLiteral("ToolButton"));
    m_reveal->setCheckable(true);
    m_reveal->setAutoRaise(true);
    m_reveal->setFocusPolicy(Qt::TabFocus);
    const QIcon eye = QIcon::fromTheme(QStringLiteral("view-visible"));
    if (eye.isNull())
        m_reveal->setText(tr("Show"));
    else
        m_reveal->setIcon(eye);
    m_reveal->setToolTip(tr("Show or hide the value"));
    m_reveal->setAccessibleName(tr("Show %1").arg(accessibleName.toLower()));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_lineEdit, 1);
    layout->addWidget(m_reveal);
    setFocusProxy(m_lineEdit);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    connect(m_reveal, &QToolButton::toggled, this, [this](bool on) {
        m_lineEdit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        const QIcon icon
            = QIcon::fromTheme(on ? QStringLiteral("view-hidden") : QStringLiteral("view-visible"));
        if (icon.isNull())
            m_reveal->setText(on ? tr("Hide") : tr("Show"));
        else
            m_reveal->setIcon(icon);
    });
    connect(m_lineEdit, &QLineEdit::textEdited, this, &SecretField::textEdited);
}

QString SecretField::text() const
{
    return m_lineEdit->text();
}

void SecretField::setText(const QString &text)
{
    setRevealed(false);
    m_lineEdit->setText(text);
}

void SecretField::setPlaceholderText(const QString &text)
{
    m_lineEdit->setPlaceholderText(text);
}

bool SecretField::isRevealed() const
{
    return m_reveal->isChecked();
}

void SecretField::setRevealed(bool revealed)
{
    m_reveal->setChecked(revealed);
}

void SecretField::hideEvent(QHideEvent *event)
{
    // A revealed secret does not stay readable when the user comes back to the panel.
    setRevealed(false);
    QWidget::hideEvent(event);
}

} // namespace Playground
