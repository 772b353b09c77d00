#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Playground {

class BodyHighlighter;

/**
 * A raw body: the text, its language (JSON, Text, XML, HTML, JavaScript), highlighting, and for
 * JSON a live check that marks the line and column of the first error, Beautify and Minify
 * ({{variables}} kept, app/template/JsonTemplate). An invalid body may still be sent: the check
 * only says so.
 */
class RawBodyEditor : public QWidget {
    Q_OBJECT
public:
    explicit RawBodyEditor(QWidget *parent = nullptr);

    /** Shows text in language (a Postman options.raw.language; empty reads as text). */
    void setContent(const QString &text, const QString &language);
    QString text() const;
    QString language() const;
    /** The Content-Type sent unless a header sets one; empty hides the note. */
    void setImpliedContentType(const QString &type);
    /** The first JSON problem as shown ("Line 2, column 5: …"), empty when there is none. */
    QString problemText() const;

    QPlainTextEdit *textEdit() const { return m_edit; }

Q_SIGNALS:
    /** The user changed the text or the language. */
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onLanguageChosen();
    void rewrite(bool pretty);
    void updateCheck();

    QComboBox *m_languageCombo;
    QPushButton *m_beautifyButton;
    QPushButton *m_minifyButton;
    QLabel *m_contentTypeLabel;
    QLabel *m_checkLabel;
    QPlainTextEdit *m_edit;
    BodyHighlighter *m_highlighter;
    bool m_loading = false;
};

} // namespace Playground
