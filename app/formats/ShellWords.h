#pragma once

#include "app/core/Result.h"

#include <QStringList>

namespace Playground {

/**
 * Splits a POSIX shell command line into words the way sh does for a simple command, without
 * running anything: single and double quotes, backslash escapes, backslash-newline continuations
 * (also the `^` and backtick continuations that Windows "Copy as cURL" forms use), and bash's
 * `$'…'` ANSI-C quoting. Expansions (`$VAR`, `${…}`, `$(…)`, backticks) are never performed: they
 * stay literal text and are reported, so the caller can warn.
 */
class ShellWords {
public:
    /** Longest command line accepted (a pasted command with a large body fits). */
    static constexpr qsizetype MaxInput = 16 * 1024 * 1024;

    struct Word {
        QString text;
        bool hasExpansion = false; ///< an unquoted or double-quoted $…, ${…}, $(…) or `…`
        int line = 1; ///< where the word starts
        /**
         * Some of its bytes (from \\xHH or octal escapes, or the input's) are not UTF-8: text
         * keeps them as ByteText does.
         */
        bool keepsBytes = false;
    };

    struct Split {
        QList<Word> words;
        /** Text after an unquoted `|`, `;`, `&&`, `>`… : another command, not part of this one. */
        QString rest;
        /** A `^` ended a line or stood before `"` unquoted: Windows cmd syntax, not sh. */
        bool windowsCmd = false;
    };

    /** The words of text; an unterminated quote is an error naming the line. */
    static Result<Split> split(const QString &text);

    /**
     * text quoted for a POSIX shell, so that it survives as one word whatever it holds. Bytes that
     * are not UTF-8 are written as \\xHH in bash's $'…' (zsh and ksh read it too; dash does not):
     * the command stays text, which a terminal or the clipboard carries.
     */
    static QByteArray quote(const QByteArray &text);
};

} // namespace Playground
