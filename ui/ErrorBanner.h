#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace Playground {

/** An inline message strip (error or warning) with a close button; text is always plain. */
class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Error, Warning, Info };

    explicit ErrorBanner(QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Error);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_label;
    QToolButton *m_closeButton;
    Kind m_kind = Kind::Error;
};

} // namespace Playground
