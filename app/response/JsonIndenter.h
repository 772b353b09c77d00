#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Playground {

/**
 * Re-indents JSON text as it streams by, without parsing it into objects: key order, number
 * spelling and string bytes stay as sent, and a body of hundreds of megabytes is formatted in
 * pieces with constant memory. Tolerates invalid or truncated input (it indents what is there).
 */
class JsonIndenter {
public:
    explicit JsonIndenter(int indent = 2)
        : m_indent(indent)
    {
    }
    /** Appends the re-indented form of the next piece of input to out. */
    void feed(QByteArrayView input, QByteArray &out);
    /** Appends what a piece boundary held back (an opening bracket at the very end). */
    void finish(QByteArray &out);
    /** The whole of a small document at once. */
    static QByteArray indent(QByteArrayView json, int indent = 2);

private:
    int m_indent;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    char m_pendingOpen = 0; ///< '{' or '[' whose newline waits: "{}" and "[]" stay on one line
};

} // namespace Playground
