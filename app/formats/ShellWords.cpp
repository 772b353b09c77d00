#include "app/formats/ShellWords.h"

#include "app/model/ByteText.h"

namespace Playground {

namespace {

    bool isBlank(char c)
    {
        return c == ' ' || c == '\t' || c == '\r';
    }

    bool isOperator(char c)
    {
        return c == '|' || c == ';' || c == '&' || c == '<' || c == '>';
    }

    bool isNameStart(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    /** After `\` at i: is the rest of the line blank (a continuation with trailing spaces)? */
    qsizetype continuationEnd(const QByteArray &text, qsizetype i)
    {
        qsizetype j = i + 1;
        while (j < text.size() && isBlank(text.at(j)))
            ++j;
        if (j < text.size() && text.at(j) == '\n')
            return j + 1;
        return -1;
    }

    int hexValue(char u)
    {
        if (u >= '0' && u <= '9')
            return u - '0';
        if (u >= 'a' && u <= 'f')
            return u - 'a' + 10;
        if (u >= 'A' && u <= 'F')
            return u - 'A' + 10;
        return -1;
    }

} // namespace

Result<ShellWords::Split> ShellWords::split(const QString &input)
{
    // Parsed as UTF-8 bytes: every syntax character is ASCII, and no byte of a multi-byte
    // sequence is, so non-ASCII text passes through whole; \xHH escapes add raw bytes, and a
    // byte the input kept (ByteText) is that byte again.
    const QByteArray text = ByteText::toBytes(input);
    if (text.size() > MaxInput)
        return Result<Split>::failure(
            QStringLiteral("the command is too long (more than %1 MiB)").arg(MaxInput >> 20));
    Split out;
    QByteArray word;
    bool inWord = false;
    bool expansion = false;
    int line = 1;
    int wordLine = 1;
    const qsizetype n = text.size();
    const auto startWord = [&] {
        if (!inWord) {
            inWord = true;
            wordLine = line;
        }
    };
    const auto endWord = [&] {
        if (inWord) {
            // An empty quoted word ('') is empty text, not a missing one.
            const QString decoded = word.isEmpty() ? QLatin1String("") : ByteText::fromBytes(word);
            out.words.append({ decoded, expansion, wordLine, ByteText::keepsBytes(decoded) });
        }
        word.clear();
        inWord = false;
        expansion = false;
    };
    const auto append = [&](char c) { word += c; };
    // Keeps an unquoted or double-quoted expansion as literal text, balanced to its end.
    const auto literalExpansion = [&](qsizetype i) -> qsizetype {
        const char next = i + 1 < n ? text.at(i + 1) : char(0);
        if (text.at(i) == '`') {
            expansion = true;
            qsizetype j = text.indexOf('`', i + 1);
            j = j < 0 ? n : j + 1;
            word += text.mid(i, j - i);
            line += int(text.mid(i, j - i).count('\n'));
            return j;
        }
        if (next == '(' || next == '{') {
            expansion = true;
            const char open = next;
            const char close = open == '(' ? ')' : '}';
            int depth = 0;
            qsizetype j = i + 1;
            for (; j < n; ++j) {
                if (text.at(j) == open)
                    ++depth;
                else if (text.at(j) == close && --depth == 0)
                    break;
            }
            j = qMin(j + 1, n);
            word += text.mid(i, j - i);
            line += int(text.mid(i, j - i).count('\n'));
            return j;
        }
        qsizetype j = i + 1;
        if (j < n && isNameStart(text.at(j))) {
            while (j < n && (isNameStart(text.at(j)) || (text.at(j) >= '0' && text.at(j) <= '9')))
                ++j;
        } else if (j < n && QByteArrayView("@*#?$!-0123456789").contains(text.at(j))) {
            ++j;
        } else {
            // a lone `$` is just a dollar sign
            word += '$';
            return i + 1;
        }
        expansion = true;
        word += text.mid(i, j - i);
        return j;
    };

    qsizetype i = 0;
    while (i < n) {
        const char c = text.at(i);
        if (c == '\n') {
            ++line;
            endWord();
            // A new line ends the command, unless nothing was said yet (leading blank lines).
            if (!out.words.isEmpty()) {
                out.rest = ByteText::fromBytes(text.mid(i + 1).trimmed());
                return out;
            }
            ++i;
            continue;
        }
        if (isBlank(c)) {
            endWord();
            ++i;
            continue;
        }
        // Windows forms: `^` (cmd) or a backtick (PowerShell) ending a line continue it.
        if ((c == '^' || c == '`') && !inWord && continuationEnd(text, i) > 0) {
            out.windowsCmd = out.windowsCmd || c == '^';
            i = continuationEnd(text, i);
            ++line;
            continue;
        }
        if (c == '#' && !inWord) {
            const qsizetype eol = text.indexOf('\n', i);
            i = eol < 0 ? n : eol;
            continue;
        }
        if (isOperator(c)) {
            endWord();
            out.rest = ByteText::fromBytes(text.mid(i).trimmed());
            return out;
        }
        if (c == '\\') {
            const qsizetype cont = continuationEnd(text, i);
            if (cont > 0) {
                i = cont;
                ++line;
                continue;
            }
            startWord();
            if (i + 1 < n)
                append(text.at(i + 1));
            i += 2;
            continue;
        }
        if (c == '\'') {
            startWord();
            const qsizetype end = text.indexOf('\'', i + 1);
            if (end < 0)
                return Result<Split>::failure(
                    QStringLiteral("line %1: a single quote is not closed").arg(line));
            const QByteArray quoted = text.mid(i + 1, end - i - 1);
            word += quoted;
            line += int(quoted.count('\n'));
            i = end + 1;
            continue;
        }
        if (c == '$' && i + 1 < n && text.at(i + 1) == '\'') {
            // bash ANSI-C quoting.
            startWord();
            qsizetype j = i + 2;
            bool closed = false;
            while (j < n) {
                const char d = text.at(j);
                if (d == '\'') {
                    closed = true;
                    ++j;
                    break;
                }
                if (d == '\n')
                    ++line;
                if (d != '\\' || j + 1 >= n) {
                    append(d);
                    ++j;
                    continue;
                }
                const char e = text.at(j + 1);
                j += 2;
                switch (e) {
                case 'n':
                    word += '\n';
                    break;
                case 't':
                    word += '\t';
                    break;
                case 'r':
                    word += '\r';
                    break;
                case 'a':
                    word += '\a';
                    break;
                case 'b':
                    word += '\b';
                    break;
                case 'e':
                case 'E':
                    word += '\x1b';
                    break;
                case 'f':
                    word += '\f';
                    break;
                case 'v':
                    word += '\v';
                    break;
                case 'c':
                    if (j < n) {
                        word += char(text.at(j) & 0x1f);
                        ++j;
                    }
                    break;
                case 'x': {
                    int value = 0;
                    int digits = 0;
                    while (digits < 2 && j < n && hexValue(text.at(j)) >= 0) {
                        value = value * 16 + hexValue(text.at(j));
                        ++j;
                        ++digits;
                    }
                    if (digits == 0)
                        word += "\\x";
                    else
                        word += char(value);
                    break;
                }
                case 'u':
                case 'U': {
                    const int max = e == 'u' ? 4 : 8;
                    char32_t value = 0;
                    int digits = 0;
                    while (digits < max && j < n && hexValue(text.at(j)) >= 0) {
                        value = value * 16 + char32_t(hexValue(text.at(j)));
                        ++j;
                        ++digits;
                    }
                    if (digits == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
                        word += text.mid(j - digits - 2, digits + 2);
                    else
                        word += QString::fromUcs4(&value, 1).toUtf8();
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        int digits = 1;
                        while (digits < 3 && j < n && text.at(j) >= '0' && text.at(j) <= '7') {
                            value = value * 8 + (text.at(j) - '0');
                            ++j;
                            ++digits;
                        }
                        word += char(value & 0xff);
                    } else if (e == '\\' || e == '\'' || e == '"' || e == '?') {
                        append(e);
                    } else {
                        word += '\\';
                        append(e);
                    }
                }
            }
            if (!closed)
                return Result<Split>::failure(
                    QStringLiteral("line %1: a $'…' quote is not closed").arg(line));
            i = j;
            continue;
        }
        if (c == '"') {
            startWord();
            qsizetype j = i + 1;
            bool closed = false;
            while (j < n) {
                const char d = text.at(j);
                if (d == '"') {
                    closed = true;
                    ++j;
                    break;
                }
                if (d == '\\' && j + 1 < n) {
                    const char e = text.at(j + 1);
                    if (e == '\n') {
                        ++line;
                    } else if (e == '$' || e == '`' || e == '"' || e == '\\') {
                        append(e);
                    } else {
                        word += '\\';
                        append(e);
                    }
                    j += 2;
                    continue;
                }
                if (d == '$' || d == '`') {
                    j = literalExpansion(j);
                    continue;
                }
                if (d == '\n')
                    ++line;
                append(d);
                ++j;
            }
            if (!closed)
                return Result<Split>::failure(
                    QStringLiteral("line %1: a double quote is not closed").arg(line));
            i = j;
            continue;
        }
        if (c == '^' && i + 1 < n && text.at(i + 1) == '"')
            out.windowsCmd = true; // cmd's escaped quote (Chrome's "Copy as cURL (cmd)")
        if (c == '$' || c == '`') {
            startWord();
            i = literalExpansion(i);
            continue;
        }
        startWord();
        append(c);
        ++i;
    }
    endWord();
    return out;
}

namespace {

    /**
     * bash's $'…' quoting of text: a byte that is not UTF-8 text, a control character, \\ and '
     * escaped, the rest (valid UTF-8) as it is. Printable text, so it survives a terminal or the
     * clipboard, which carry text and would replace such a byte.
     */
    QByteArray ansiCQuoted(const QByteArray &bytes)
    {
        const QString text = ByteText::fromBytes(bytes);
        QByteArray out = "$'";
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text.at(i).unicode();
            const int kept = ByteText::keptByte(text, i);
            if (kept >= 0 || c < 0x20 || c == 0x7f) {
                const int byte = kept >= 0 ? kept : int(c);
                out += "\\x" + QByteArray::number(byte, 16).rightJustified(2, '0');
            } else if (c == '\\' || c == '\'') {
                out += '\\';
                out += char(c);
            } else {
                const qsizetype length = QChar::isHighSurrogate(c) && i + 1 < text.size() ? 2 : 1;
                out += ByteText::toBytes(QStringView(text).mid(i, length));
                i += length - 1;
            }
        }
        return out + '\'';
    }

} // namespace

QByteArray ShellWords::quote(const QByteArray &text)
{
    if (text.isEmpty())
        return "''";
    if (ByteText::keepsBytes(ByteText::fromBytes(text)))
        return ansiCQuoted(text);
    bool plain = true;
    for (const char c : text) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("_@%+=:,./-").contains(c);
        if (!safe) {
            plain = false;
            break;
        }
    }
    if (plain)
        return text;
    QByteArray out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + '\'';
}

} // namespace Playground
