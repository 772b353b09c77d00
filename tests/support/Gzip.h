#pragma once

// A body compressed as a server sends it with Content-Encoding: gzip, for the tests that check
// what the client records of it.
#include <QByteArray>

namespace Playground::Test {

/** data as one gzip member (RFC 1952): zlib's deflate data between gzip's header and trailer. */
inline QByteArray gzip(const QByteArray &data)
{
    const QByteArray zlib = qCompress(data, 9).mid(4); // qCompress prefixes the length
    quint32 crc = 0xffffffffu;
    for (const char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    crc = ~crc;
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out += zlib.mid(2, zlib.size() - 6); // without zlib's header and checksum
    for (const quint32 word : { crc, quint32(data.size()) }) {
        for (int shift = 0; shift < 32; shift += 8)
            out += char((word >> shift) & 0xff);
    }
    return out;
}

} // namespace Playground::Test
