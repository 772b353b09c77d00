#pragma once

#include <QString>

#include <cstdio>

namespace Playground {

/**
 * Text from outside (names, reason phrases, URLs, server messages) made safe for a terminal and
 * for reports: every control character (C0 with NUL, ESC, BEL, CR and LF, DEL, C1) and the bidi
 * overrides are written visibly as \xHH or \uHHHH, a lone UTF-16 surrogate becomes U+FFFD. Every
 * line the command-line program prints goes through print().
 */
class TerminalText {
public:
    /** One field on one line: nothing in the result moves the cursor or talks to the terminal. */
    static QString escaped(const QString &text);
    /** Like escaped() but keeps line breaks and tabs (the layout of a message of several lines). */
    static QString escapedLines(const QString &text);
    /** text with each lone UTF-16 surrogate replaced by U+FFFD (well-formed UTF-8/XML/JSON). */
    static QString wellFormed(const QString &text);
    /** Writes text (escapedLines()) and a final line break to stream, then flushes. */
    static void printLine(std::FILE *stream, const QString &text);
};

} // namespace Playground
