#pragma once

#include "app/core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

class QFile;

namespace Playground {

/**
 * Read-only bytes of a body, held in memory or memory-mapped from a file, so a viewer can reach
 * every byte of a body of hundreds of megabytes without reading it into memory. Safe to read
 * from several threads at once.
 */
class BodyBuffer {
public:
    static std::shared_ptr<const BodyBuffer> fromBytes(QByteArray bytes);
    /** Maps the file at path; keepAlive (the temporary file itself) lives as long as the buffer. */
    static Result<std::shared_ptr<const BodyBuffer>> mapFile(
        const QString &path, std::shared_ptr<void> keepAlive = {});
    ~BodyBuffer();

    QByteArrayView bytes() const { return { m_data, m_size }; }
    qint64 size() const { return m_size; }
    /** After a scan from the start: the mapped pages before offset leave this process's memory
     * (they stay in the page cache and come back on the next read). Keeps a scan over a body of
     * hundreds of megabytes from adding the whole file to the resident size. No-op in memory. */
    void releaseBefore(qint64 offset) const;

private:
    BodyBuffer() = default;
    QByteArray m_bytes;
    std::unique_ptr<QFile> m_file;
    std::shared_ptr<void> m_keepAlive;
    const char *m_data = nullptr;
    qint64 m_size = 0;
};

} // namespace Playground
