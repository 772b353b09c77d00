#include "ui/ElidedLabel.h"

#include "app/core/PlainToolTip.h"
namespace Playground {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_fullText = text;
    updateGeometry();
    elide();
}

void ElidedLabel::setHint(const QString &hint)
{
    m_hint = hint;
    elide();
}

QSize ElidedLabel::minimumSizeHint() const
{
    return { fontMetrics().horizontalAdvance(QStringLiteral("……")),
        fontMetrics().height() + contentsMargins().top() + contentsMargins().bottom() };
}

QSize ElidedLabel::sizeHint() const
{
    return { fontMetrics().horizontalAdvance(m_fullText) + 2, minimumSizeHint().height() };
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    const QString shown
        = fontMetrics().elidedText(m_fullText, Qt::ElideRight, contentsRect().width());
    setText(shown);
    const bool cut = shown != m_fullText;
    setToolTip(
        plainToolTip(cut ? (m_hint.isEmpty() ? m_fullText : m_fullText + u'\n' + m_hint) : m_hint));
}

} // namespace Playground
