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

} // namespace Playground
