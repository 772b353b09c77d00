#pragma once

#include "app/response/TimelinePhases.h"

#include <QWidget>

namespace Playground {

/**
 * The response's Timeline tab: one bar per phase of the send (prepare, connect, TLS, send, wait,
 * receive) on a common scale, with its duration, and the redirects followed before it.
 */
class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void showExchange(const Exchange &exchange);
    void clear();
    /** What the view shows, as lines of text (also its accessible description). */
    QString text() const;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int rowHeight() const;
    int nameWidth() const;

    QList<TimelinePhase> m_phases;
    double m_total = 0;
    QStringList m_notes; ///< lines under the bars: the redirects, a failure
};

} // namespace Playground
