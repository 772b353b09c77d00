#include "app/response/BodyBuffer.h"

#include <QFile>

#include <sys/mman.h>
#include <unistd.h>

namespace Playground {

std::shared_ptr<const BodyBuffer> BodyBuffer::fromBytes(QByteArray bytes)
{
    std::shared_ptr<BodyBuffer> buffer(new BodyBuffer);
    buffer->m_bytes = std::move(bytes);
    buffer->m_data = buffer->m_bytes.constData();
    buffer->m_size = buffer->m_bytes.size();
    return buffer;
}

Result<std::shared_ptr<const BodyBuffer>> BodyBuffer::mapFile(
    const QString &path, std::shared_ptr<void> keepAlive)
{
    std::shared_ptr<BodyBuffer> buffer(new BodyBuffer);
    buffer->m_keepAlive = std::move(keepAlive);
    buffer->m_file = std::make_unique<QFile>(path);
    if (!buffer->m_file->open(QIODevice::ReadOnly))
        return Result<std::shared_ptr<const BodyBuffer>>::failure(
            QStringLiteral("Cannot open %1: %2").arg(path, buffer->m_file->errorString()));
    const qint64 size = buffer->m_file->size();
    if (size == 0)
        return std::shared_ptr<const BodyBuffer>(buffer);
    const uchar *map = buffer->m_file->map(0, size);
    if (!map)
        return Result<std::shared_ptr<const BodyBuffer>>::failure(
            QStringLiteral("Cannot map %1: %2").arg(path, buffer->m_file->errorString()));
    buffer->m_data = reinterpret_cast<const char *>(map);
    buffer->m_size = size;
    return std::shared_ptr<const BodyBuffer>(buffer);
}

void BodyBuffer::releaseBefore(qint64 offset) const
{
    if (!m_file || !m_data)
        return;
    static const qint64 page = sysconf(_SC_PAGESIZE);
    // The mapping starts on a page; only whole pages before offset are released. A read-only
    // shared file mapping refaults the same bytes, so readers on other threads are unaffected.
    const qint64 length = qMin(offset, m_size) / page * page;
    if (length > 0)
        madvise(const_cast<char *>(m_data), size_t(length), MADV_DONTNEED);
}

BodyBuffer::~BodyBuffer()
{
    if (m_file && m_data)
        m_file->unmap(reinterpret_cast<uchar *>(const_cast<char *>(m_data)));
}

} // namespace Playground
