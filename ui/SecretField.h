#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

namespace Playground {

/**
 * A masked line edit for a secret with a checkable "reveal" tool button. Child objectNames are
 * "<name>LineEdit" and "reveal<Name>ToolButton" (e.g. tokenLineEdit, revealTokenToolButton).
 * The value is never put in a tooltip, a title or a log; hiding the widget masks it again.
 */
class SecretField : public QWidget {
    Q_OBJECT
public:
    /** name: "token" or "clientSecret"; accessibleName: what a screen reader says. */
    SecretField(const QString &name, const QString &accessibleName, QWidget *parent = nullptr);

    QString text() const;
    /** Sets the value and masks it again (also clears the line edit's undo history). */
    void setText(const QString &text);
    void setPlaceholderText(const QString &text);
    bool isRevealed() const;
    void setRevealed(bool revealed);

    QLineEdit *lineEdit() const { return m_lineEdit; }

Q_SIGNALS:
    /** The user edited the value. */
    void textEdited();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    QLineEdit *m_lineEdit;
    QToolButton *m_reveal;
};

} // namespace Playground
