#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace Playground {

/**
 * A request's description: its Markdown shown as formatted text, safely (raw HTML is shown as
 * text, no image or other resource is ever loaded, links are not followed), and an Edit button
 * that turns it into plain text to type in; Done hands the new text over.
 */
class DescriptionView : public QWidget {
    Q_OBJECT
public:
    explicit DescriptionView(QWidget *parent = nullptr);

    /** Shows text (leaves editing, dropping what was typed). */
    void setDescription(const QString &text);
    QString description() const { return m_text; }

Q_SIGNALS:
    /** The user finished editing and the text differs. */
    void descriptionEdited(const QString &text);

private:
    void render();
    void setEditing(bool editing);

    QString m_text;
    QStackedWidget *m_stack;
    QTextBrowser *m_view;
    QPlainTextEdit *m_editor;
    QPushButton *m_editButton;
};

} // namespace Playground
