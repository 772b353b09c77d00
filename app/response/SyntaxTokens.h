#pragma once

#include <QList>
#include <QStringView>

namespace Playground {

/** The language a body view highlights. */
enum class SyntaxLanguage { None, Json, Markup };

enum class TokenKind { Key, String, Number, Keyword, Punctuation, Tag, Attribute, Comment };

/** A highlighted run of one display line, in characters. */
struct SyntaxToken {
    int start = 0;
    int length = 0;
    TokenKind kind = TokenKind::String;
};

/**
 * Splits one display line into highlighted runs. Line by line on purpose: a virtualised view
 * highlights only the lines it paints. JSON: keys, strings, numbers, true/false/null,
 * punctuation. Markup (XML, HTML): tags, attribute names, quoted values, comments on one line.
 */
QList<SyntaxToken> tokenizeLine(QStringView line, SyntaxLanguage language);

} // namespace Playground
