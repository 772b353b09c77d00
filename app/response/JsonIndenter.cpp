#include "app/response/JsonIndenter.h"

#include <cstring>

namespace Playground {

namespace {

    /** Appends to a QByteArray through a raw pointer: one capacity check per token, not per
     * byte, and no terminating zero written after each byte. */
    class Writer {
    public:
        explicit Writer(QByteArray &out)
            : m_out(out)
            , m_used(out.size())
        {
            m_out.resize(qMax<qsizetype>(m_out.capacity(), m_used + 4096));
            m_p = m_out.data() + m_used;
            m_end = m_out.data() + m_out.size();
        }
        ~Writer() { m_out.resize(m_p - m_out.data()); }

        void reserve(qsizetype n)
        {
            if (m_end - m_p >= n)
                return;
            const qsizetype used = m_p - m_out.data();
            m_out.resize(qMax(m_out.size() * 2, used + n));
            m_p = m_out.data() + used;
            m_end = m_out.data() + m_out.size();
        }
        void put(char c)
        {
            reserve(1);
            *m_p++ = c;
        }
        void put(const char *data, qsizetype n)
        {
            reserve(n);
            std::memcpy(m_p, data, size_t(n));
            m_p += n;
        }
        void newline(qsizetype spaces)
        {
            reserve(spaces + 1);
            *m_p++ = '\n';
            std::memset(m_p, ' ', size_t(spaces));
            m_p += spaces;
        }

    private:
        QByteArray &m_out;
        qsizetype m_used;
        char *m_p;
        char *m_end;
    };

    bool isSpace(char c)
    {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

} // namespace

void JsonIndenter::feed(QByteArrayView input, QByteArray &out)
{
    Writer w(out);
    const auto newline = [&] { w.newline(qsizetype(qMax(m_depth, 0)) * m_indent); };
    const char *p = input.data();
    const char *const end = p + input.size();
    while (p < end) {
        if (m_inString) {
            if (m_escape) {
                w.put(*p++);
                m_escape = false;
                continue;
            }
            const char *q = p;
            while (q < end && *q != '"' && *q != '\\')
                ++q;
            w.put(p, q - p);
            p = q;
            if (p == end)
                break;
            w.put(*p);
            if (*p == '\\')
                m_escape = true;
            else
                m_inString = false;
            ++p;
            continue;
        }
        const char c = *p++;
        if (isSpace(c))
            continue;
        if (m_pendingOpen) {
            const char open = m_pendingOpen;
            m_pendingOpen = 0;
            w.put(open);
            if ((open == '{' && c == '}') || (open == '[' && c == ']')) {
                w.put(c);
                continue;
            }
            ++m_depth;
            newline();
        }
        switch (c) {
        case '"':
            w.put(c);
            m_inString = true;
            break;
        case '{':
        case '[':
            m_pendingOpen = c;
            break;
        case '}':
        case ']':
            --m_depth;
            newline();
            w.put(c);
            break;
        case ',':
            w.put(c);
            newline();
            break;
        case ':':
            w.put(": ", 2);
            break;
        default: {
            // A number or literal: copied up to the next structural character or space.
            const char *q = p;
            while (q < end && !isSpace(*q) && *q != ',' && *q != '}' && *q != ']' && *q != ':'
                && *q != '"' && *q != '{' && *q != '[')
                ++q;
            w.put(p - 1, q - p + 1);
            p = q;
        }
        }
    }
}

void JsonIndenter::finish(QByteArray &out)
{
    if (m_pendingOpen)
        out += m_pendingOpen;
    m_pendingOpen = 0;
}

QByteArray JsonIndenter::indent(QByteArrayView json, int indent)
{
    JsonIndenter indenter(indent);
    QByteArray out;
    out.reserve(json.size() + json.size() / 2);
    indenter.feed(json, out);
    indenter.finish(out);
    return out;
}

} // namespace Playground
