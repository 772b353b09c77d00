#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QRegularExpression>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Playground {

/** Every match of one search over a whole body: byte offsets, in order, not overlapping. */
struct SearchMatches {
    std::vector<qint64> offsets;
    qint64 length = 0; ///< bytes of each match (a plain search)
    std::vector<qint64> lengths; ///< bytes of each match when they differ (a regex); else empty
    bool capped = false; ///< more matches exist than MaxMatches

    qsizetype count() const { return qsizetype(offsets.size()); }
    qint64 lengthAt(qsizetype i) const { return lengths.empty() ? length : lengths[size_t(i)]; }
    /** The first match at or after offset (wrapping to 0), or -1 without matches. */
    qsizetype firstFrom(qint64 offset) const;
};

/**
 * Finds a string in bytes of any size (a body mapped from disk), in pieces so a worker thread
 * can report progress and be cancelled. The needle is UTF-8; without case sensitivity ASCII
 * letters match either case (other characters match exactly).
 */
class TextSearch {
public:
    static constexpr qsizetype MaxMatches = 1'000'000;
    /** Called with the bytes searched so far; returning false cancels. */
    using KeepGoing = std::function<bool(qint64 bytesDone)>;

    static std::optional<SearchMatches> findAll(QByteArrayView haystack, QByteArrayView needle,
        bool caseSensitive, const KeepGoing &keepGoing = {});
    /**
     * Every match of a valid regular expression in UTF-8 text, a line at a time (a match never
     * spans a line break; ^ and $ match at each line; a line longer than a few MiB is cut in
     * pieces). Empty matches are left out.
     */
    static std::optional<SearchMatches> findAllRegex(QByteArrayView haystack,
        const QRegularExpression &pattern, const KeepGoing &keepGoing = {});
};

} // namespace Playground
