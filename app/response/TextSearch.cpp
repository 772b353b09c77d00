#include "app/response/TextSearch.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace Playground {

namespace {

    constexpr unsigned char fold(unsigned char c)
    {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    struct FoldedHash {
        std::size_t operator()(char c) const { return fold(static_cast<unsigned char>(c)); }
    };
    struct FoldedEqual {
        bool operator()(char a, char b) const
        {
            return fold(static_cast<unsigned char>(a)) == fold(static_cast<unsigned char>(b));
        }
    };

    /** Bytes the UTF-8 form of text takes. */
    qint64 utf8Length(QStringView text)
    {
        qint64 bytes = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            if (c < 0x80)
                bytes += 1;
            else if (c < 0x800)
                bytes += 2;
            else if (QChar::isHighSurrogate(c) && i + 1 < text.size()
                && QChar::isLowSurrogate(text[i + 1].unicode())) {
                bytes += 4;
                ++i;
            } else
                bytes += 3;
        }
        return bytes;
    }

    /** Where the piece starting at pos ends: after a line break near limit, or at a character
     * boundary when the line goes on much longer. */
    qint64 pieceEnd(QByteArrayView text, qint64 pos, qint64 limit, qint64 longest)
    {
        const qint64 size = text.size();
        if (pos + limit >= size)
            return size;
        const qint64 from = pos + limit;
        const qint64 to = qMin(size, pos + longest);
        const void *nl = memchr(text.data() + from, '\n', size_t(to - from));
        if (nl)
            return static_cast<const char *>(nl) - text.data() + 1;
        if (to == size)
            return size;
        qint64 end = to;
        while (end > from && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end; // not inside a character
        return end;
    }

} // namespace

qsizetype SearchMatches::firstFrom(qint64 offset) const
{
    if (offsets.empty())
        return -1;
    const auto it = std::lower_bound(offsets.begin(), offsets.end(), offset);
    return it == offsets.end() ? 0 : qsizetype(it - offsets.begin());
}

std::optional<SearchMatches> TextSearch::findAll(
    QByteArrayView haystack, QByteArrayView needle, bool caseSensitive, const KeepGoing &keepGoing)
{
    constexpr qint64 Piece = 16 * 1024 * 1024;
    SearchMatches matches;
    matches.length = needle.size();
    if (needle.isEmpty())
        return matches;
    const char *const data = haystack.data();
    const qint64 size = haystack.size();
    const qint64 n = needle.size();
    const std::boyer_moore_horspool_searcher folded(
        needle.begin(), needle.end(), FoldedHash(), FoldedEqual());

    qint64 pos = 0;
    while (pos + n <= size) {
        const qint64 pieceEnd = qMin(size, pos + Piece); // matches must start before this
        const char *const windowEnd = data + qMin(size, pieceEnd + n - 1);
        const char *p = data + pos;
        for (;;) {
            const char *hit;
            if (caseSensitive) {
                hit = static_cast<const char *>(
                    memmem(p, size_t(windowEnd - p), needle.data(), size_t(n)));
                if (!hit)
                    hit = windowEnd;
            } else {
                hit = std::search(p, windowEnd, folded);
            }
            if (hit >= windowEnd || hit - data >= pieceEnd)
                break;
            if (qsizetype(matches.offsets.size()) >= MaxMatches) {
                matches.capped = true;
                return matches;
            }
            matches.offsets.push_back(hit - data);
            p = hit + n;
        }
        pos = qMax<qint64>(pieceEnd, p - data);
        if (keepGoing && !keepGoing(pos))
            return std::nullopt;
    }
    return matches;
}

std::optional<SearchMatches> TextSearch::findAllRegex(
    QByteArrayView haystack, const QRegularExpression &pattern, const KeepGoing &keepGoing)
{
    constexpr qint64 Piece = 1024 * 1024;
    constexpr qint64 LongestPiece = 4 * 1024 * 1024;
    SearchMatches matches;
    if (!pattern.isValid() || pattern.pattern().isEmpty())
        return matches;
    QRegularExpression re(pattern);
    re.setPatternOptions(pattern.patternOptions() | QRegularExpression::MultilineOption);
    const qint64 size = haystack.size();
    qint64 pos = 0;
    while (pos < size) {
        const qint64 end = pieceEnd(haystack, pos, Piece, LongestPiece);
        const QString text = QString::fromUtf8(haystack.sliced(pos, end - pos));
        // Walks the text once: the byte offset of each match from the one before.
        qsizetype charsDone = 0;
        qint64 bytesDone = pos;
        auto it = re.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedLength() == 0)
                continue;
            if (qsizetype(matches.offsets.size()) >= MaxMatches) {
                matches.capped = true;
                return matches;
            }
            bytesDone
                += utf8Length(QStringView(text).mid(charsDone, m.capturedStart() - charsDone));
            charsDone = m.capturedStart();
            matches.offsets.push_back(bytesDone);
            matches.lengths.push_back(utf8Length(m.capturedView()));
        }
        pos = end;
        if (keepGoing && !keepGoing(pos))
            return std::nullopt;
    }
    return matches;
}

} // namespace Playground
