#include "tests/support/CompressionBomb.h"

#include <QtEndian>

#include <array>

namespace Playground::Test {

namespace {

    constexpr qint64 MatchLength = 258; // the longest deflate match

    /** Packs bits least-significant first, as deflate reads them. */
    class BitWriter {
    public:
        void bits(quint32 value, int count)
        {
            for (int i = 0; i < count; ++i)
                bit((value >> i) & 1);
        }
        /** A Huffman code: most-significant bit first. */
        void code(quint32 value, int length)
        {
            for (int i = length - 1; i >= 0; --i)
                bit((value >> i) & 1);
        }
        void bit(quint32 value)
        {
            m_current |= value << m_used;
            if (++m_used == 8) {
                m_bytes.append(char(m_current));
                m_current = 0;
                m_used = 0;
            }
        }
        QByteArray finish()
        {
            if (m_used > 0)
                m_bytes.append(char(m_current));
            return m_bytes;
        }

    private:
        QByteArray m_bytes;
        quint32 m_current = 0;
        int m_used = 0;
    };

} // namespace

qint64 CompressionBomb::inflatedSize(qint64 minimumBytes)
{
    const qint64 matches = (qMax<qint64>(minimumBytes, 1) - 1 + MatchLength - 1) / MatchLength;
    return 1 + matches * MatchLength;
}

QByteArray CompressionBomb::build(Encoding encoding, qint64 minimumBytes)
{
    const qint64 size = inflatedSize(minimumBytes);
    const QByteArray deflate = rawDeflate((size - 1) / MatchLength);
    QByteArray out;
    if (encoding == Encoding::Deflate) {
        // zlib header (deflate, 32 KiB window, no dictionary), then Adler-32 of the zeros.
        out = QByteArrayLiteral("\x78\x01") + deflate;
        const quint32 adler = quint32((size % 65521) << 16) | 1;
        const quint32 bigEndian = qToBigEndian(adler);
        out.append(reinterpret_cast<const char *>(&bigEndian), 4);
        return out;
    }
    // gzip member: magic, deflate, no flags, no mtime, no extra flags, unknown OS; CRC-32, ISIZE.
    out = QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10) + deflate;
    const quint32 trailer[2]
        = { qToLittleEndian(crc32OfZeros(size)), qToLittleEndian(quint32(size)) };
    out.append(reinterpret_cast<const char *>(trailer), sizeof trailer);
    return out;
}

QByteArray CompressionBomb::rawDeflate(qint64 matches)
{
    // One final block with dynamic Huffman codes (RFC 1951 §3.2.7). Literal/length code lengths:
    // literal 0 -> 2 bits ("10"), end-of-block 256 -> 2 ("11"), length 258 (285) -> 1 ("0");
    // a single distance code 0 (distance 1) -> 1 bit ("0"). Their lengths are themselves coded
    // with code-length codes 18 (a run of zeros) -> "0", 1 -> "10", 2 -> "11".
    BitWriter writer;
    writer.bits(1, 1); // BFINAL
    writer.bits(2, 2); // BTYPE = dynamic Huffman
    writer.bits(286 - 257, 5); // HLIT: literal/length codes 0..285
    writer.bits(1 - 1, 5); // HDIST: distance code 0 only
    writer.bits(18 - 4, 4); // HCLEN: code-length code lengths up to symbol 1 in the order below
    // Order: 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1
    constexpr std::array<quint32, 18> codeLengthLengths { 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 2, 0, 2 };
    for (const quint32 length : codeLengthLengths)
        writer.bits(length, 3);

    const auto zeros = [&writer](quint32 run) { // code 18: 11..138 zero lengths
        writer.code(0b0, 1);
        writer.bits(run - 11, 7);
    };
    writer.code(0b11, 2); // literal 0: length 2
    zeros(138); // literals 1..138
    zeros(117); // literals 139..255
    writer.code(0b11, 2); // 256: length 2
    zeros(28); // 257..284
    writer.code(0b10, 2); // 285: length 1
    writer.code(0b10, 2); // distance 0: length 1

    writer.code(0b10, 2); // literal 0
    for (qint64 i = 0; i < matches; ++i) {
        writer.code(0b0, 1); // length 258
        writer.code(0b0, 1); // distance 1
    }
    writer.code(0b11, 2); // end of block
    return writer.finish();
}

quint32 CompressionBomb::crc32OfZeros(qint64 bytes)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> entries {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            entries[n] = c;
        }
        return entries;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (qint64 i = 0; i < bytes; ++i)
        crc = table[crc & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

} // namespace Playground::Test
