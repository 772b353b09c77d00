#include "app/response/SyntaxTokens.h"

namespace Playground {

namespace {

    bool isNumberChar(QChar c)
    {
        return c.isDigit() || c == QLatin1Char('-') || c == QLatin1Char('+')
            || c == QLatin1Char('.') || c == QLatin1Char('e') || c == QLatin1Char('E');
    }

    int stringEnd(QStringView line, int i)
    {
        const QChar quote = line.at(i);
        const int n = int(line.size());
        for (++i; i < n; ++i) {
            if (line.at(i) == QLatin1Char('\\'))
                ++i;
            else if (line.at(i) == quote)
                return i + 1;
        }
        return n;
    }

    QList<SyntaxToken> tokenizeJson(QStringView line)
    {
        QList<SyntaxToken> tokens;
        const int n = int(line.size());
        int i = 0;
        while (i < n) {
            const QChar c = line.at(i);
            if (c == QLatin1Char('"')) {
                const int end = stringEnd(line, i);
                int j = end;
                while (j < n && line.at(j).isSpace())
                    ++j;
                const bool key = j < n && line.at(j) == QLatin1Char(':');
                tokens.append({ i, end - i, key ? TokenKind::Key : TokenKind::String });
                i = end;
            } else if (c.isDigit() || c == QLatin1Char('-')) {
                int j = i + 1;
                while (j < n && isNumberChar(line.at(j)))
                    ++j;
                tokens.append({ i, j - i, TokenKind::Number });
                i = j;
            } else if (c.isLetter()) {
                int j = i + 1;
                while (j < n && line.at(j).isLetter())
                    ++j;
                const QStringView word = line.sliced(i, j - i);
                if (word == QLatin1String("true") || word == QLatin1String("false")
                    || word == QLatin1String("null"))
                    tokens.append({ i, j - i, TokenKind::Keyword });
                i = j;
            } else if (c == QLatin1Char('{') || c == QLatin1Char('}') || c == QLatin1Char('[')
                || c == QLatin1Char(']') || c == QLatin1Char(',') || c == QLatin1Char(':')) {
                tokens.append({ i, 1, TokenKind::Punctuation });
                ++i;
            } else {
                ++i;
            }
        }
        return tokens;
    }

    QList<SyntaxToken> tokenizeMarkup(QStringView line)
    {
        QList<SyntaxToken> tokens;
        const int n = int(line.size());
        int i = 0;
        bool inTag = false;
        bool expectName = false;
        while (i < n) {
            const QChar c = line.at(i);
            if (!inTag) {
                if (line.sliced(i).startsWith(QLatin1String("<!--"))) {
                    const qsizetype end = line.indexOf(QLatin1String("-->"), i + 4);
                    const int stop = end < 0 ? n : int(end) + 3;
                    tokens.append({ i, stop - i, TokenKind::Comment });
                    i = stop;
                } else if (c == QLatin1Char('<')) {
                    int j = i + 1;
                    if (j < n
                        && (line.at(j) == QLatin1Char('/') || line.at(j) == QLatin1Char('?')
                            || line.at(j) == QLatin1Char('!')))
                        ++j;
                    tokens.append({ i, j - i, TokenKind::Punctuation });
                    i = j;
                    inTag = true;
                    expectName = true;
                } else {
                    ++i;
                }
                continue;
            }
            if (c == QLatin1Char('>') || c == QLatin1Char('/') || c == QLatin1Char('?')) {
                tokens.append({ i, 1, TokenKind::Punctuation });
                if (c == QLatin1Char('>'))
                    inTag = false;
                ++i;
            } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                const int end = stringEnd(line, i);
                tokens.append({ i, end - i, TokenKind::String });
                i = end;
            } else if (c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char(':')) {
                int j = i + 1;
                while (j < n
                    && (line.at(j).isLetterOrNumber() || line.at(j) == QLatin1Char('-')
                        || line.at(j) == QLatin1Char('_') || line.at(j) == QLatin1Char(':')
                        || line.at(j) == QLatin1Char('.')))
                    ++j;
                tokens.append({ i, j - i, expectName ? TokenKind::Tag : TokenKind::Attribute });
                expectName = false;
                i = j;
            } else {
                ++i;
            }
        }
        return tokens;
    }

} // namespace

QList<SyntaxToken> tokenizeLine(QStringView line, SyntaxLanguage language)
{
    switch (language) {
    case SyntaxLanguage::Json:
        return tokenizeJson(line);
    case SyntaxLanguage::Markup:
        return tokenizeMarkup(line);
    case SyntaxLanguage::None:
        break;
    }
    return {};
}

} // namespace Playground
