#pragma once

#include <QByteArrayView>

#include <functional>
#include <optional>
#include <vector>

namespace Playground {

/**
 * Where each display line of a text starts, for a view that shows any line of hundreds of
 * megabytes without laying all of it out. A line ends after '\n'; a line longer than
 * MaxLineBytes is broken there (at a UTF-8 character boundary), so no display line is huge.
 * Only every Stride-th line start is stored (a 20-million-line text costs 2.5 MB); the others
 * are found by scanning forward from the nearest stored one.
 */
class LineIndex {
public:
    static constexpr qint64 MaxLineBytes = 4096;
    static constexpr qint64 Stride = 64;
    /** Called now and then with the bytes indexed so far; returning false cancels. */
    using KeepGoing = std::function<bool(qint64 bytesDone)>;

    /** Indexes text; nullopt when keepGoing cancelled. */
    static std::optional<LineIndex> build(QByteArrayView text, const KeepGoing &keepGoing = {});
    /** The start of the line after the one that starts at start (text.size() at the end). */
    static qint64 nextLineStart(QByteArrayView text, qint64 start);

    qint64 lineCount() const { return m_lines; }
    /** Bytes of the longest line (newline included). */
    qint64 longestLineBytes() const { return m_longest; }
    /** True when some line was longer than MaxLineBytes and was broken for display. */
    bool linesBroken() const { return m_broken; }
    qint64 lineStart(QByteArrayView text, qint64 line) const;
    /** The bytes of a line without its line break. */
    QByteArrayView lineBytes(QByteArrayView text, qint64 line) const;
    /** The line that holds the byte at offset. */
    qint64 lineOf(QByteArrayView text, qint64 offset) const;

private:
    std::vector<qint64> m_checkpoints;
    qint64 m_lines = 0;
    qint64 m_longest = 0;
    bool m_broken = false;
};

} // namespace Playground
