#pragma once

#include "app/response/LineSource.h"
#include "app/response/TextSearch.h"

#include <QAbstractScrollArea>

#include <memory>

namespace Playground {

/**
 * A read-only, virtualised text view: it paints only the visible lines of a LineSource, so a
 * body of hundreds of megabytes scrolls like a small one. Monospace, syntax-highlighted with
 * colours chosen for the palette, find matches marked, selection by mouse (Shift+click extends),
 * Ctrl+A, and Ctrl+C of at most MaxCopyChars characters.
 */
class BodyTextView : public QAbstractScrollArea {
    Q_OBJECT
    Q_PROPERTY(qint64 lineCount READ lineCount)
public:
    static constexpr qint64 MaxCopyChars = 16 * 1024 * 1024;

    explicit BodyTextView(QWidget *parent = nullptr);

    void setSource(std::shared_ptr<const LineSource> source);
    const std::shared_ptr<const LineSource> &source() const { return m_source; }
    qint64 lineCount() const { return m_source ? m_source->lineCount() : 0; }
    /** Shown when there are no lines to show. */
    void setPlaceholderText(const QString &text);

    /** Marks these matches (of the source's searchBytes()); current is selected and revealed. */
    void setMatches(std::shared_ptr<const SearchMatches> matches, qsizetype current);
    /** The lines on screen, first and last. */
    qint64 firstVisibleLine() const;
    qint64 lastVisibleLine() const;
    void scrollToLine(qint64 line);
    /** The whole text of a small source (tests, copy). At most maxChars characters. */
    QString text(qint64 maxChars = MaxCopyChars) const;
    QString selectedText(bool *truncated = nullptr) const;
    void selectAll();
    void copy();

Q_SIGNALS:
    /** Something worth a line of text happened ("Copied the first 16 MiB of the selection"). */
    void notice(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int lineHeight() const;
    qreal charWidth() const;
    int visibleLines() const;
    void updateScrollBars();
    TextPosition positionAt(const QPoint &point) const;
    void reveal(const TextPosition &start, const TextPosition &end);

    std::shared_ptr<const LineSource> m_source;
    std::shared_ptr<const SearchMatches> m_matches;
    qsizetype m_currentMatch = -1;
    QString m_placeholder;
    TextPosition m_anchor;
    TextPosition m_cursor;
};

} // namespace Playground
