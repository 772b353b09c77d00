#include "ui/BodyHighlighter.h"

#include "ui/SyntaxColors.h"

#include <QPlainTextEdit>

namespace Playground {

BodyHighlighter::BodyHighlighter(QPlainTextEdit *editor)
    : QSyntaxHighlighter(editor->document())
    , m_editor(editor)
{
}

void BodyHighlighter::setLanguage(SyntaxLanguage language)
{
    if (language == m_language)
        return;
    m_language = language;
    rehighlight();
}

void BodyHighlighter::highlightBlock(const QString &text)
{
    if (m_language == SyntaxLanguage::None)
        return;
    const QPalette palette = m_editor->palette();
    for (const SyntaxToken &token : tokenizeLine(text, m_language)) {
        if (token.kind == TokenKind::Punctuation)
            continue;
        setFormat(token.start, token.length, syntaxColor(token.kind, palette));
    }
}

} // namespace Playground
