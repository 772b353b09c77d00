#include "ui/ErrorBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace Playground {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_closeButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Message"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_label->setObjectName(QStringLiteral("errorBannerLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_closeButton->setObjectName(QStringLiteral("errorBannerCloseButton"));
    m_closeButton->setAccessibleName(tr("Dismiss message"));
    m_closeButton->setToolTip(tr("Dismiss"));
    m_closeButton->setText(QStringLiteral("✕"));
    m_closeButton->setAutoRaise(true);
    connect(m_closeButton, &QToolButton::clicked, this, &ErrorBanner::clear);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 4, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);
    hide();
}

void ErrorBanner::showMessage(const QString &text, Kind kind)
{
    m_kind = kind;
    m_label->setText(text);
    setAccessibleDescription(text);
    // Fixed light backgrounds with dark text stay readable under light and dark palettes alike.
    QString background;
    QString border;
    switch (kind) {
    case Kind::Error:
        background = QStringLiteral("#fde2e1");
        border = QStringLiteral("#d64545");
        break;
    case Kind::Warning:
        background = QStringLiteral("#fff3cd");
        border = QStringLiteral("#c77c00");
        break;
    case Kind::Info:
        background = QStringLiteral("#e3efff");
        border = QStringLiteral("#3a7bd5");
        break;
    }
    setStyleSheet(
        QStringLiteral("#errorBanner { background: %1; border: 1px solid %2; border-radius: 4px; }"
                       "#errorBanner QLabel, #errorBanner QToolButton { color: #1f1f1f; "
                       "background: transparent; }")
            .arg(background, border));
    show();
    place();
}

void ErrorBanner::overlay(QWidget *host, int margin)
{
    m_host = host;
    m_margin = margin;
    setParent(host);
    host->installEventFilter(this);
    hide();
}

bool ErrorBanner::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_host && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        place();
    return QFrame::eventFilter(watched, event);
}

void ErrorBanner::place()
{
    if (!m_host || !isVisible())
        return;
    const int width = qMax(0, m_host->width() - 2 * m_margin);
    const int height = qMin(heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height(),
        m_host->height() / 2);
    setGeometry(m_margin, m_host->height() - height - m_margin, width, height);
    raise();
}

void ErrorBanner::clear()
{
    m_label->clear();
    hide();
}

QString ErrorBanner::text() const
{
    return m_label->text();
}

} // namespace Playground
