#include "app/cli/TerminalText.h"

namespace Playground {

namespace {

    /** Characters a terminal may act on, or that reorder what is shown (Trojan Source). */
    bool needsEscape(char16_t c)
    {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
            || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029 || c == 0xfeff;
    }

    QString escape(const QString &text, bool keepLayout)
    {
        QString out;
        out.reserve(text.size());
        const qsizetype n = text.size();
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = text.at(i).unicode();
            if (QChar::isHighSurrogate(c) && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
                out += text.at(i);
                out += text.at(++i);
            } else if (QChar::isSurrogate(c)) {
                out += QChar(QChar::ReplacementCharacter);
            } else if ((c == u'\n' || c == u'\t') && keepLayout) {
                out += text.at(i);
            } else if (needsEscape(c)) {
                out += c <= 0xff ? QStringLiteral("\\x%1").arg(int(c), 2, 16, QLatin1Char('0'))
                                 : QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
            } else {
                out += text.at(i);
            }
        }
        return out;
    }

} // namespace

QString TerminalText::escaped(const QString &text)
{
    return escape(text, false);
}

QString TerminalText::escapedLines(const QString &text)
{
    return escape(text, true);
}

QString TerminalText::wellFormed(const QString &text)
{
    QString out = text;
    const qsizetype n = out.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = out.at(i);
        if (c.isHighSurrogate() && i + 1 < n && out.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            out[i] = QChar(QChar::ReplacementCharacter);
    }
    return out;
}

void TerminalText::printLine(std::FILE *stream, const QString &text)
{
    // fwrite, not fputs: the byte count is given, so nothing can end the line early.
    const QByteArray bytes = (escapedLines(text) + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace Playground
