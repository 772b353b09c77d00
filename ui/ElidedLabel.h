#pragma once

#include <QLabel>

namespace Playground {

/**
 * One line of plain text that never wraps, never widens its layout and never moves it: text too
 * long for the width ends in "…" with the whole text in the tooltip, and the line keeps its
 * height while hidden, so showing it does not push anything down.
 */
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    /** What the tooltip says besides the whole text (shown under it when the text is elided). */
    void setHint(const QString &hint);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_fullText;
    QString m_hint;
};

} // namespace Playground
