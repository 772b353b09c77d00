#include "app/model/ByteText.h"

namespace Playground::ByteText {

namespace {

    constexpr char16_t KeptBase = 0xDC00;

    bool isContinuation(unsigned char b)
    {
        return (b & 0xC0) == 0x80;
    }

    /** Is c at i a kept byte: U+DC80..U+DCFF and not the second half of a surrogate pair? */
    bool isKeptAt(QStringView text, qsizetype i)
    {
        const char16_t c = text[i].unicode();
        if (c < 0xDC80 || c > 0xDCFF)
            return false;
        return i == 0 || !QChar::isHighSurrogate(text[i - 1].unicode());
    }

    /**
     * Length of the valid UTF-8 sequence at p (at most end - p bytes), and its code point in *cp;
     * 0 when it is not valid (Unicode's table of well-formed byte sequences).
     */
    int validSequence(const unsigned char *p, const unsigned char *end, char32_t *cp)
    {
        const unsigned char b0 = p[0];
        const qsizetype left = end - p;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            if (left < 2 || !isContinuation(p[1]))
                return 0;
            *cp = char32_t(b0 & 0x1F) << 6 | (p[1] & 0x3F);
            return 2;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (left < 3)
                return 0;
            // E0: no overlong (A0..BF); ED: no encoded surrogate (80..9F).
            const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
            const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
            if (p[1] < lo || p[1] > hi || !isContinuation(p[2]))
                return 0;
            *cp = char32_t(b0 & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            return 3;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (left < 4)
                return 0;
            // F0: no overlong (90..BF); F4: nothing above U+10FFFF (80..8F).
            const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
            const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
            if (p[1] < lo || p[1] > hi || !isContinuation(p[2]) || !isContinuation(p[3]))
                return 0;
            *cp = char32_t(b0 & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12
                | char32_t(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
            return 4;
        }
        return 0; // 80..C1 (a continuation, an overlong lead) and F5..FF
    }

} // namespace

QString fromBytes(QByteArrayView bytes)
{
    if (bytes.isEmpty()) // null stays null, empty stays empty (as QString::fromUtf8)
        return bytes.isNull() ? QString() : QString(QLatin1String(""));
    // Each byte gives at most one UTF-16 unit (four bytes give two), so bytes.size() is enough.
    QString out(bytes.size(), Qt::Uninitialized);
    char16_t *dst = reinterpret_cast<char16_t *>(out.data());
    char16_t *const start = dst;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *const end = p + bytes.size();
    while (p < end) {
        // ASCII fast path: a run of ASCII is copied without looking at UTF-8.
        while (p < end && *p < 0x80)
            *dst++ = *p++;
        if (p == end)
            break;
        char32_t cp = 0;
        const int length = validSequence(p, end, &cp);
        if (length == 0) {
            *dst++ = char16_t(KeptBase + *p++);
        } else if (cp >= 0x10000) {
            *dst++ = QChar::highSurrogate(cp);
            *dst++ = QChar::lowSurrogate(cp);
            p += length;
        } else {
            *dst++ = char16_t(cp);
            p += length;
        }
    }
    out.truncate(dst - start);
    return out;
}

QByteArray toBytes(QStringView text)
{
    if (text.isEmpty())
        return text.isNull() ? QByteArray() : QByteArray("");
    // At most three bytes per UTF-16 unit (a pair of two gives four).
    QByteArray out(text.size() * 3, Qt::Uninitialized);
    char *dst = out.data();
    char *const start = dst;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80) {
            *dst++ = char(c);
        } else if (c < 0x800) {
            *dst++ = char(0xC0 | c >> 6);
            *dst++ = char(0x80 | (c & 0x3F));
        } else if (QChar::isHighSurrogate(c) && i + 1 < n
            && QChar::isLowSurrogate(text[i + 1].unicode())) {
            const char32_t cp = QChar::surrogateToUcs4(c, text[++i].unicode());
            *dst++ = char(0xF0 | cp >> 18);
            *dst++ = char(0x80 | (cp >> 12 & 0x3F));
            *dst++ = char(0x80 | (cp >> 6 & 0x3F));
            *dst++ = char(0x80 | (cp & 0x3F));
        } else if (isKeptAt(text, i)) {
            *dst++ = char(c - KeptBase);
        } else if (QChar::isSurrogate(c)) {
            // Another lone surrogate: as QString::toUtf8 writes it.
            const QByteArray qt = text.mid(i, 1).toUtf8();
            for (const char b : qt)
                *dst++ = b;
        } else {
            *dst++ = char(0xE0 | c >> 12);
            *dst++ = char(0x80 | (c >> 6 & 0x3F));
            *dst++ = char(0x80 | (c & 0x3F));
        }
    }
    out.truncate(dst - start);
    return out;
}

int keptByte(QStringView text, qsizetype i)
{
    return i >= 0 && i < text.size() && isKeptAt(text, i) ? int(text[i].unicode() - KeptBase) : -1;
}

bool keepsBytes(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isKeptAt(text, i))
            return true;
    }
    return false;
}

QString matchable(const QString &text)
{
    if (!keepsBytes(text))
        return text;
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (isKeptAt(text, i))
            out[i] = QChar::ReplacementCharacter;
    }
    return out;
}

QString captured(const QRegularExpressionMatch &match, const QString &text, int n)
{
    if (match.capturedStart(n) < 0)
        return QString();
    return text.mid(match.capturedStart(n), match.capturedLength(n));
}

} // namespace Playground::ByteText
