#include "app/response/LineIndex.h"

#include <algorithm>
#include <cstring>

namespace Playground {

qint64 LineIndex::nextLineStart(QByteArrayView text, qint64 start)
{
    const qint64 size = text.size();
    const char *data = text.data();
    qint64 limit = qMin(size, start + MaxLineBytes);
    if (const void *newline = std::memchr(data + start, '\n', size_t(limit - start)))
        return static_cast<const char *>(newline) - data + 1;
    if (limit >= size)
        return size;
    // Break before a UTF-8 continuation byte never; back off to the start of the character.
    while (limit > start + 1 && (static_cast<unsigned char>(data[limit]) & 0xC0) == 0x80)
        --limit;
    return limit;
}

std::optional<LineIndex> LineIndex::build(QByteArrayView text, const KeepGoing &keepGoing)
{
    constexpr qint64 ReportEvery = 8 * 1024 * 1024;
    LineIndex index;
    const qint64 size = text.size();
    index.m_checkpoints.reserve(size_t(size / (Stride * 16) + 1));
    qint64 start = 0;
    qint64 nextReport = ReportEvery;
    for (;;) {
        if (index.m_lines % Stride == 0)
            index.m_checkpoints.push_back(start);
        ++index.m_lines;
        if (start >= size)
            break;
        const qint64 next = nextLineStart(text, start);
        const qint64 length = next - start;
        index.m_longest = qMax(index.m_longest, length);
        if (length >= MaxLineBytes && text.at(next - 1) != '\n')
            index.m_broken = true;
        if (next >= size && text.at(size - 1) != '\n')
            break;
        start = next;
        if (start >= nextReport) {
            nextReport += ReportEvery;
            if (keepGoing && !keepGoing(start))
                return std::nullopt;
        }
    }
    return index;
}

qint64 LineIndex::lineStart(QByteArrayView text, qint64 line) const
{
    line = qBound<qint64>(0, line, m_lines - 1);
    qint64 start = m_checkpoints.at(size_t(line / Stride));
    for (qint64 i = line % Stride; i > 0; --i)
        start = nextLineStart(text, start);
    return start;
}

QByteArrayView LineIndex::lineBytes(QByteArrayView text, qint64 line) const
{
    const qint64 start = lineStart(text, line);
    if (start >= text.size())
        return {};
    qint64 end = nextLineStart(text, start);
    if (end > start && text.at(end - 1) == '\n') {
        --end;
        if (end > start && text.at(end - 1) == '\r')
            --end;
    }
    return text.sliced(start, end - start);
}

qint64 LineIndex::lineOf(QByteArrayView text, qint64 offset) const
{
    const auto it = std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), offset);
    const qint64 checkpoint = qMax<qint64>(0, (it - m_checkpoints.begin()) - 1);
    qint64 line = checkpoint * Stride;
    qint64 start = m_checkpoints.at(size_t(checkpoint));
    while (line < m_lines - 1) {
        const qint64 next = nextLineStart(text, start);
        if (offset < next)
            break;
        start = next;
        ++line;
    }
    return line;
}

} // namespace Playground
