#include "ui/BodyTextView.h"

#include "ui/SyntaxColors.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace Playground {

namespace {

    constexpr int Margin = 4;
    constexpr int MaxMarkedPerPaint = 4000;

} // namespace

BodyTextView::BodyTextView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
}

void BodyTextView::setSource(std::shared_ptr<const LineSource> source)
{
    m_source = std::move(source);
    m_matches.reset();
    m_currentMatch = -1;
    m_anchor = m_cursor = {};
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
}

void BodyTextView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

int BodyTextView::lineHeight() const
{
    return fontMetrics().height();
}

qreal BodyTextView::charWidth() const
{
    // Fractional: text runs are drawn with the font's real advance, marks on the same grid.
    return qMax<qreal>(1, QFontMetricsF(font()).horizontalAdvance(QLatin1Char('M')));
}

int BodyTextView::visibleLines() const
{
    return qMax(1, (viewport()->height() - Margin) / lineHeight());
}

qint64 BodyTextView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

qint64 BodyTextView::lastVisibleLine() const
{
    return qMin(lineCount() - 1, firstVisibleLine() + visibleLines() - 1);
}

void BodyTextView::scrollToLine(qint64 line)
{
    verticalScrollBar()->setValue(
        int(qBound(qint64(0), line, qint64(verticalScrollBar()->maximum()))));
}

void BodyTextView::updateScrollBars()
{
    const qint64 lines = lineCount();
    const int page = visibleLines();
    verticalScrollBar()->setRange(0, int(qMin<qint64>(INT_MAX, qMax<qint64>(0, lines - page))));
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setSingleStep(1);
    const qint64 width
        = m_source ? qint64(m_source->longestLineChars() * charWidth()) + 2 * Margin : 0;
    horizontalScrollBar()->setRange(
        0, int(qMin<qint64>(INT_MAX, qMax<qint64>(0, width - viewport()->width()))));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(qRound(charWidth() * 4));
}

void BodyTextView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void BodyTextView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange) {
        updateScrollBars();
        viewport()->update();
    }
}

void BodyTextView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QPalette &pal = palette();
    const int lh = lineHeight();
    const qreal cw = charWidth();
    const int ascent = fontMetrics().ascent();
    const int x0 = Margin - horizontalScrollBar()->value();
    if (!m_source || (lineCount() <= 1 && m_source->lineText(0).isEmpty())) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(Margin, Margin, -Margin, -Margin),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const qint64 first = firstVisibleLine();
    const qint64 last = lastVisibleLine();
    const int firstColumn = qMax(0, int((horizontalScrollBar()->value() - Margin) / cw));
    const int columns = int(viewport()->width() / cw) + 2;

    // Matches on screen, as (start, end) positions.
    QList<std::pair<TextPosition, TextPosition>> marks;
    TextPosition currentStart;
    TextPosition currentEnd;
    if (m_matches && !m_matches->offsets.empty()) {
        const qint64 from = m_source->lineOffset(first);
        const qint64 to = m_source->lineOffset(last + 1);
        auto it = std::lower_bound(m_matches->offsets.begin(), m_matches->offsets.end(), from);
        for (; it != m_matches->offsets.end() && *it < to && marks.size() < MaxMarkedPerPaint; ++it)
            marks.append({ m_source->position(*it),
                m_source->position(
                    *it + m_matches->lengthAt(qsizetype(it - m_matches->offsets.begin()))) });
        if (m_currentMatch >= 0 && m_currentMatch < m_matches->count()) {
            const qint64 offset = m_matches->offsets.at(size_t(m_currentMatch));
            currentStart = m_source->position(offset);
            currentEnd = m_source->position(offset + m_matches->lengthAt(m_currentMatch));
        }
    }
    const TextPosition selStart = qMin(m_anchor, m_cursor);
    const TextPosition selEnd = qMax(m_anchor, m_cursor);
    QColor matchColor = pal.color(QPalette::Highlight);
    matchColor.setAlpha(70);

    const auto markSpan = [&](qint64 line, int y, const TextPosition &a, const TextPosition &b,
                              int lineLength, const QColor &color) {
        if (line < a.line || line > b.line)
            return;
        const int startColumn = line == a.line ? a.column : 0;
        const int endColumn = line == b.line ? b.column : lineLength + 1;
        if (endColumn <= startColumn)
            return;
        painter.fillRect(
            QRectF(x0 + startColumn * cw, y, (endColumn - startColumn) * cw, lh), color);
    };

    for (qint64 line = first; line <= last; ++line) {
        const int y = Margin + int(line - first) * lh;
        const QString text = m_source->lineText(line);
        for (const auto &[a, b] : std::as_const(marks))
            markSpan(line, y, a, b, int(text.size()), matchColor);
        if (selStart != selEnd)
            markSpan(line, y, selStart, selEnd, int(text.size()), pal.color(QPalette::Highlight));

        const int visibleEnd = qMin(int(text.size()), firstColumn + columns);
        const auto drawRun = [&](int from, int to, const QColor &color) {
            from = qMax(from, firstColumn);
            to = qMin(to, visibleEnd);
            for (int column = from; column < to;) {
                // Selected characters use the highlighted-text colour, the rest their own.
                const TextPosition here { line, column };
                const bool selected = selStart != selEnd && selStart <= here && here < selEnd;
                int next = column + 1;
                while (next < to
                    && (selStart != selEnd && selStart <= TextPosition { line, next }
                           && TextPosition { line, next } < selEnd)
                        == selected)
                    ++next;
                painter.setPen(selected ? pal.color(QPalette::HighlightedText) : color);
                painter.drawText(
                    QPointF(x0 + column * cw, y + ascent), text.mid(column, next - column));
                column = next;
            }
        };
        const QList<SyntaxToken> tokens = tokenizeLine(text, m_source->language());
        int column = 0;
        const QColor plain = pal.color(QPalette::Text);
        for (const SyntaxToken &token : tokens) {
            drawRun(column, token.start, plain);
            drawRun(token.start, token.start + token.length, syntaxColor(token.kind, pal));
            column = token.start + token.length;
        }
        drawRun(column, int(text.size()), plain);
    }
    if (currentStart != currentEnd) {
        // The current match: a frame, so it shows over any highlighting.
        painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
        if (currentStart.line >= first && currentStart.line <= last) {
            const int y = Margin + int(currentStart.line - first) * lh;
            const int endColumn = currentEnd.line == currentStart.line
                ? currentEnd.column
                : int(m_source->lineText(currentStart.line).size());
            painter.drawRect(QRectF(
                x0 + currentStart.column * cw, y, (endColumn - currentStart.column) * cw, lh - 1));
        }
    }
}

TextPosition BodyTextView::positionAt(const QPoint &point) const
{
    if (!m_source)
        return {};
    const qint64 line = qBound<qint64>(
        0, firstVisibleLine() + (point.y() - Margin) / lineHeight(), lineCount() - 1);
    const int x = point.x() - Margin + horizontalScrollBar()->value();
    const int column
        = qBound(0, int((x + charWidth() / 2) / charWidth()), int(m_source->lineText(line).size()));
    return { line, column };
}

void BodyTextView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    m_cursor = positionAt(event->position().toPoint());
    if (!(event->modifiers() & Qt::ShiftModifier))
        m_anchor = m_cursor;
    viewport()->update();
}

void BodyTextView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    const QPoint point = event->position().toPoint();
    // Dragging past an edge scrolls, so a selection can grow beyond the screen.
    if (point.y() < 0)
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    else if (point.y() > viewport()->height())
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    m_cursor = positionAt(point);
    viewport()->update();
}

void BodyTextView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copy();
    } else if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
    } else if (event->matches(QKeySequence::MoveToStartOfDocument)) {
        verticalScrollBar()->setValue(0);
    } else if (event->matches(QKeySequence::MoveToEndOfDocument)) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    } else if (event->key() == Qt::Key_Up) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    } else if (event->key() == Qt::Key_Down) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    } else if (event->key() == Qt::Key_PageUp) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub);
    } else if (event->key() == Qt::Key_PageDown) {
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
    } else if (event->key() == Qt::Key_Left) {
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
    } else if (event->key() == Qt::Key_Right) {
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    } else {
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void BodyTextView::setMatches(std::shared_ptr<const SearchMatches> matches, qsizetype current)
{
    m_matches = std::move(matches);
    m_currentMatch = current;
    if (m_source && m_matches && current >= 0 && current < m_matches->count()) {
        const qint64 offset = m_matches->offsets.at(size_t(current));
        m_anchor = m_source->position(offset);
        m_cursor = m_source->position(offset + m_matches->lengthAt(current));
        reveal(m_anchor, m_cursor);
    }
    viewport()->update();
}

void BodyTextView::reveal(const TextPosition &start, const TextPosition &end)
{
    if (start.line < firstVisibleLine() || end.line > lastVisibleLine())
        scrollToLine(start.line - visibleLines() / 3);
    const qreal cw = charWidth();
    const int left = int(start.column * cw);
    const int right
        = int((end.line == start.line ? end.column : start.column + 1) * cw) + 2 * Margin;
    QScrollBar *bar = horizontalScrollBar();
    if (left < bar->value() || right > bar->value() + viewport()->width())
        bar->setValue(qMax(0, left - viewport()->width() / 3));
}

QString BodyTextView::text(qint64 maxChars) const
{
    QString out;
    for (qint64 line = 0; line < lineCount() && out.size() < maxChars; ++line) {
        if (line > 0)
            out += QLatin1Char('\n');
        out += m_source->lineText(line);
    }
    return out.left(maxChars);
}

QString BodyTextView::selectedText(bool *truncated) const
{
    if (truncated)
        *truncated = false;
    if (!m_source || m_anchor == m_cursor)
        return {};
    const TextPosition start = qMin(m_anchor, m_cursor);
    const TextPosition end = qMax(m_anchor, m_cursor);
    QString out;
    for (qint64 line = start.line; line <= end.line; ++line) {
        const QString text = m_source->lineText(line);
        const int from = line == start.line ? start.column : 0;
        const int to = line == end.line ? end.column : int(text.size());
        out += QStringView(text).mid(from, qMax(0, to - from));
        if (line < end.line)
            out += QLatin1Char('\n');
        if (out.size() >= MaxCopyChars) {
            if (truncated)
                *truncated = true;
            out.truncate(MaxCopyChars);
            break;
        }
    }
    return out;
}

void BodyTextView::selectAll()
{
    if (!m_source)
        return;
    m_anchor = {};
    const qint64 last = lineCount() - 1;
    m_cursor = { last, int(m_source->lineText(last).size()) };
    viewport()->update();
}

void BodyTextView::copy()
{
    bool truncated = false;
    const QString text = selectedText(&truncated);
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    if (truncated)
        Q_EMIT notice(tr("Copied the first %1 million characters of the selection; Save body… "
                         "keeps all of it")
                          .arg(MaxCopyChars / (1024 * 1024)));
}

} // namespace Playground
