#include "ui/KeychainStatusBar.h"

#include "app/secrets/SecretStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>

namespace Playground {

KeychainStatusBar::KeychainStatusBar(SecretStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("keychainStatusBar"));
    m_icon->setObjectName(QStringLiteral("keychainIconLabel"));
    m_icon->setTextFormat(Qt::PlainText);
    m_text->setObjectName(QStringLiteral("keychainStatusLabel"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);

    // The icon's room is kept from the start: the icon comes after the first screen (reading the
    // icon theme the first time costs more than the rest of the status bar), and nothing moves.
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setFixedSize(size, size);
    if (m_store)
        connect(m_store, &SecretStore::statusChanged, this, [this] {
            update();
            updateIcon();
        });
    update();
    QTimer::singleShot(0, this, &KeychainStatusBar::updateIcon);
}

QString KeychainStatusBar::text() const
{
    return m_text->text();
}

void KeychainStatusBar::update()
{
    m_text->setText(
        m_store ? m_store->statusText() : tr("No secret store — secrets cannot be saved"));
    m_text->setAccessibleName(m_text->text());
}

void KeychainStatusBar::updateIcon()
{
    const bool ok = m_store && m_store->status() == SecretStatus::Available;
    const int size = m_icon->width();
    m_icon->setPixmap(
        style()
            ->standardIcon(ok ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning)
            .pixmap(size, size));
}

void KeychainStatusBar::setSingleLine()
{
    m_text->setWordWrap(false);
    auto *box = static_cast<QHBoxLayout *>(layout());
    box->setAlignment(m_icon, Qt::AlignVCenter);
}

} // namespace Playground
