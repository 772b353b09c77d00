#include "app/response/LineSource.h"

namespace Playground {

TextLines::TextLines(
    std::shared_ptr<const BodyBuffer> text, LineIndex index, SyntaxLanguage language)
    : m_text(std::move(text))
    , m_index(std::move(index))
    , m_language(language)
{
}

std::shared_ptr<TextLines> TextLines::fromBytes(QByteArray text, SyntaxLanguage language)
{
    auto buffer = BodyBuffer::fromBytes(std::move(text));
    LineIndex index = *LineIndex::build(buffer->bytes());
    return std::make_shared<TextLines>(std::move(buffer), std::move(index), language);
}

QString TextLines::lineText(qint64 line) const
{
    return QString::fromUtf8(m_index.lineBytes(m_text->bytes(), line));
}

TextPosition TextLines::position(qint64 offset) const
{
    const QByteArrayView bytes = m_text->bytes();
    offset = qBound<qint64>(0, offset, bytes.size());
    const qint64 line = m_index.lineOf(bytes, offset);
    const qint64 start = m_index.lineStart(bytes, line);
    return { line, int(QString::fromUtf8(bytes.sliced(start, offset - start)).size()) };
}

qint64 TextLines::lineOffset(qint64 line) const
{
    if (line >= m_index.lineCount())
        return m_text->size();
    return m_index.lineStart(m_text->bytes(), line);
}

HexLines::HexLines(std::shared_ptr<const BodyBuffer> bytes)
    : m_bytes(std::move(bytes))
{
}

qint64 HexLines::lineCount() const
{
    return qMax<qint64>(1, (m_bytes->size() + BytesPerLine - 1) / BytesPerLine);
}

QString HexLines::lineText(qint64 line) const
{
    const qint64 start = line * BytesPerLine;
    const QByteArrayView all = m_bytes->bytes();
    if (start >= all.size())
        return {};
    const QByteArrayView bytes = all.sliced(start, qMin<qint64>(BytesPerLine, all.size() - start));
    QString text = QStringLiteral("%1  ").arg(start, 8, 16, QLatin1Char('0'));
    QString ascii;
    for (int i = 0; i < BytesPerLine; ++i) {
        if (i < bytes.size()) {
            const auto b = static_cast<unsigned char>(bytes.at(i));
            text += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
            ascii += b >= 0x20 && b < 0x7f ? QLatin1Char(char(b)) : QLatin1Char('.');
        } else {
            text += QStringLiteral("   ");
        }
    }
    return text + QLatin1Char(' ') + ascii;
}

TextPosition HexLines::position(qint64 offset) const
{
    return { offset / BytesPerLine, OffsetColumns + int(offset % BytesPerLine) * 3 };
}

} // namespace Playground
