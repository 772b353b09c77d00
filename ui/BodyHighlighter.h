#pragma once

#include "app/response/SyntaxTokens.h"

#include <QSyntaxHighlighter>

class QPlainTextEdit;

namespace Playground {

/**
 * Colours a request body being typed: JSON, or XML/HTML, line by line with the response viewer's
 * tokenizer and palette-aware colours (ui/SyntaxColors), so both read the same in light and dark.
 */
class BodyHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit BodyHighlighter(QPlainTextEdit *editor);

    void setLanguage(SyntaxLanguage language);

protected:
    void highlightBlock(const QString &text) override;

private:
    QPlainTextEdit *m_editor;
    SyntaxLanguage m_language = SyntaxLanguage::None;
};

} // namespace Playground
