#pragma once

// Large JSON bodies for the viewer's tests and benchmarks, generated rather than committed.
#include <QByteArray>

#include <functional>

namespace PlaygroundTest {

inline QByteArray jsonItem(qint64 i, bool needle)
{
    return "{\"id\":" + QByteArray::number(i) + ",\"name\":\"item number " + QByteArray::number(i)
        + (needle ? " needle-near-the-end" : "")
        + "\",\"tags\":[\"alpha\",\"beta\"],\"active\":true,\"score\":" + QByteArray::number(i % 97)
        + ".5,\"owner\":{\"login\":\"user" + QByteArray::number(i % 1000) + "\",\"site\":null}}";
}

/** Writes about `bytes` of compact JSON (an array of objects) to `out`, a needle in the last one.
 */
inline void writeJson(qint64 bytes, const std::function<void(const QByteArray &)> &out)
{
    QByteArray chunk = "[";
    qint64 written = 0;
    for (qint64 i = 0;; ++i) {
        const bool last = written + chunk.size() + 400 >= bytes;
        chunk += jsonItem(i, last);
        if (last)
            break;
        chunk += ',';
        if (chunk.size() > 1 << 20) {
            written += chunk.size();
            out(chunk);
            chunk.clear();
        }
    }
    chunk += "]";
    out(chunk);
}

} // namespace PlaygroundTest
