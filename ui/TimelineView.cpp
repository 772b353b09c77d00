#include "ui/TimelineView.h"

#include "app/response/ResponseFormatter.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace Playground {

namespace {

    constexpr int Margin = 8;
    constexpr int DurationWidth = 90;

    /** Bar colours that read on light and dark backgrounds alike. */
    QColor phaseColor(int i)
    {
        static const QColor colors[] = { QColor(0x8a, 0x8f, 0x98), QColor(0xe0, 0x9b, 0x2d),
            QColor(0x3b, 0x82, 0xf6), QColor(0x22, 0xa0, 0x6b), QColor(0xa8, 0x55, 0xf7) };
        return colors[i % int(std::size(colors))];
    }

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("responseTimelineView"));
    setAccessibleName(tr("Timeline of the send"));
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void TimelineView::clear()
{
    m_phases.clear();
    m_notes.clear();
    m_total = 0;
    setAccessibleDescription(QString());
    update();
}

void TimelineView::showExchange(const Exchange &exchange)
{
    m_phases = timelinePhases(exchange.timings);
    m_total = 0;
    for (const TimelinePhase &p : m_phases)
        m_total = qMax(m_total, p.start + p.duration);
    m_notes.clear();
    if (!exchange.hops.isEmpty())
        m_notes << (exchange.hops.size() == 1
                ? tr("After 1 redirect; the times are of the last request.")
                : tr("After %1 redirects; the times are of the last request.")
                      .arg(exchange.hops.size()));
    if (exchange.failure != FailureKind::None && exchange.failure != FailureKind::Cancelled)
        m_notes << tr("Stopped: %1").arg(ResponseFormatter::failureTitle(exchange.failure));
    if (m_phases.isEmpty())
        m_notes.prepend(tr("Nothing reached the network."));
    setAccessibleDescription(text());
    updateGeometry();
    update();
}

QString TimelineView::text() const
{
    QStringList lines;
    for (const TimelinePhase &p : m_phases)
        lines << QStringLiteral("%1\t%2").arg(p.name, ResponseFormatter::durationText(p.duration));
    if (!m_phases.isEmpty())
        lines << QStringLiteral("%1\t%2").arg(
            tr("Total"), ResponseFormatter::durationText(m_total));
    return (lines + m_notes).join(QLatin1Char('\n'));
}

int TimelineView::rowHeight() const
{
    return fontMetrics().height() + 10;
}

int TimelineView::nameWidth() const
{
    int width = fontMetrics().horizontalAdvance(tr("Total"));
    for (const TimelinePhase &p : m_phases)
        width = qMax(width, fontMetrics().horizontalAdvance(p.name));
    return width + 16;
}

QSize TimelineView::sizeHint() const
{
    return { 480, Margin * 2 + rowHeight() * int(m_phases.size() + 1 + m_notes.size()) };
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    const int i = (help->pos().y() - Margin) / rowHeight();
    if (help->pos().y() >= Margin && i < m_phases.size())
        QToolTip::showText(help->globalPos(), m_phases.at(i).about, this);
    else
        QToolTip::hideText();
    return true;
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette pal = palette();
    const int row = rowHeight();
    const int nameW = nameWidth();
    const int barLeft = Margin + nameW;
    const int barWidth = qMax(40, width() - barLeft - DurationWidth - Margin);
    const double scale = m_total > 0 ? barWidth / m_total : 0;
    int y = Margin;
    for (int i = 0; i < m_phases.size(); ++i, y += row) {
        const TimelinePhase &p = m_phases.at(i);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRect(Margin, y, nameW, row), Qt::AlignLeft | Qt::AlignVCenter, p.name);
        const int x = barLeft + int(p.start * scale);
        const int w = qMax(2, int(p.duration * scale));
        painter.fillRect(QRect(x, y + 4, w, row - 8), phaseColor(i));
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRect(barLeft + barWidth + 8, y, DurationWidth, row),
            Qt::AlignLeft | Qt::AlignVCenter, ResponseFormatter::durationText(p.duration));
    }
    if (!m_phases.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(
            QRect(Margin, y, nameW, row), Qt::AlignLeft | Qt::AlignVCenter, tr("Total"));
        painter.drawText(QRect(barLeft + barWidth + 8, y, DurationWidth, row),
            Qt::AlignLeft | Qt::AlignVCenter, ResponseFormatter::durationText(m_total));
        painter.setFont(font());
        y += row;
    }
    painter.setPen(pal.color(QPalette::PlaceholderText));
    for (const QString &note : m_notes) {
        painter.drawText(
            QRect(Margin, y, width() - 2 * Margin, row), Qt::AlignLeft | Qt::AlignVCenter, note);
        y += row;
    }
}

} // namespace Playground
