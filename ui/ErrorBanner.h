#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Playground {

/**
 * A message strip (error, warning or note) with a close button; text is always plain. It floats
 * over the bottom of a host widget (overlay()), so showing or hiding it never moves the layout.
 */
class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Error, Warning, Info };

    explicit ErrorBanner(QWidget *parent = nullptr);

    /** Floats over the bottom edge of host, inset by margin, following its size. */
    void overlay(QWidget *host, int margin = 8);
    void showMessage(const QString &text, Kind kind = Kind::Error);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QWidget *m_host = nullptr;
    int m_margin = 8;
    QLabel *m_label;
    QToolButton *m_closeButton;
    Kind m_kind = Kind::Error;
};

} // namespace Playground
