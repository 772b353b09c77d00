#pragma once

#include "app/response/BodyBuffer.h"
#include "app/response/LineIndex.h"
#include "app/response/SyntaxTokens.h"

#include <QString>

#include <memory>

namespace Playground {

/** A place in displayed text: a line and a column in characters. */
struct TextPosition {
    qint64 line = 0;
    int column = 0;
    friend bool operator==(const TextPosition &, const TextPosition &) = default;
    friend auto operator<=>(const TextPosition &, const TextPosition &) = default;
};

/**
 * The lines a virtualised body view shows, produced on demand (only the visible ones are ever
 * turned into strings). Searching happens on searchBytes(); position() maps a byte offset of
 * those bytes to the place on screen. Immutable, so a worker thread may search it while the
 * view paints it.
 */
class LineSource {
public:
    virtual ~LineSource() = default;
    virtual qint64 lineCount() const = 0;
    virtual QString lineText(qint64 line) const = 0;
    /** Characters of the longest line at most (for the horizontal scroll range). */
    virtual qint64 longestLineChars() const = 0;
    virtual QByteArrayView searchBytes() const = 0;
    /** A scan of searchBytes() got past offset: its pages may leave memory (BodyBuffer). */
    virtual void releaseBefore(qint64 offset) const = 0;
    virtual TextPosition position(qint64 offset) const = 0;
    /** The offset in searchBytes() where a line starts. */
    virtual qint64 lineOffset(qint64 line) const = 0;
    virtual SyntaxLanguage language() const { return SyntaxLanguage::None; }
};

/** UTF-8 text with a line index: raw or pretty-printed bodies. */
class TextLines : public LineSource {
public:
    TextLines(std::shared_ptr<const BodyBuffer> text, LineIndex index,
        SyntaxLanguage language = SyntaxLanguage::None);
    /** Indexes a small text at once (tests, a first screen). */
    static std::shared_ptr<TextLines> fromBytes(
        QByteArray text, SyntaxLanguage language = SyntaxLanguage::None);

    qint64 lineCount() const override { return m_index.lineCount(); }
    QString lineText(qint64 line) const override;
    qint64 longestLineChars() const override { return m_index.longestLineBytes(); }
    QByteArrayView searchBytes() const override { return m_text->bytes(); }
    void releaseBefore(qint64 offset) const override { m_text->releaseBefore(offset); }
    TextPosition position(qint64 offset) const override;
    qint64 lineOffset(qint64 line) const override;
    SyntaxLanguage language() const override { return m_language; }
    const LineIndex &index() const { return m_index; }

private:
    std::shared_ptr<const BodyBuffer> m_text;
    LineIndex m_index;
    SyntaxLanguage m_language;
};

/** A hex dump of binary bytes, 16 a line, made line by line: nothing is stored. */
class HexLines : public LineSource {
public:
    static constexpr int BytesPerLine = 16;
    /** "00000000  " before the first byte of a line. */
    static constexpr int OffsetColumns = 10;
    explicit HexLines(std::shared_ptr<const BodyBuffer> bytes);

    qint64 lineCount() const override;
    QString lineText(qint64 line) const override;
    qint64 longestLineChars() const override { return OffsetColumns + BytesPerLine * 4 + 2; }
    QByteArrayView searchBytes() const override { return m_bytes->bytes(); }
    void releaseBefore(qint64 offset) const override { m_bytes->releaseBefore(offset); }
    TextPosition position(qint64 offset) const override;
    qint64 lineOffset(qint64 line) const override { return line * BytesPerLine; }

private:
    std::shared_ptr<const BodyBuffer> m_bytes;
};

} // namespace Playground
