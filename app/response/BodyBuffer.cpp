#include "app/response/BodyBuffer.h"

#include <QFile>

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

BodyBuffer::~BodyBuffer()
{
    if (m_file && m_data)
        m_file->unmap(reinterpret_cast<uchar *>(const_cast<char *>(m_data)));
}

} // namespace Playground
