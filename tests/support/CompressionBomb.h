#pragma once

#include <QByteArray>

namespace Playground::Test {

/**
 * Bodies that are small on the wire but inflate to a great many zero bytes: one hand-built
 * deflate block (RFC 1951) whose every 258 zeros cost 2 bits, so 200 MiB travel as ~200 KiB.
 * Built without zlib and without ever holding the inflated bytes.
 */
class CompressionBomb {
public:
    enum class Encoding {
        Gzip, ///< RFC 1952, HTTP "gzip"
        Deflate, ///< zlib format (RFC 1950), which is what HTTP calls "deflate"
    };

    /** The inflated size of a bomb asked to inflate to at least @p minimumBytes (>= 1). */
    static qint64 inflatedSize(qint64 minimumBytes);
    static QByteArray build(Encoding encoding, qint64 minimumBytes);

private:
    static QByteArray rawDeflate(qint64 matches);
    static quint32 crc32OfZeros(qint64 bytes);
};

} // namespace Playground::Test
