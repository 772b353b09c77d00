#include "app/response/JsonIndenter.h"

namespace Playground {

void JsonIndenter::newline(QByteArray &out) const
{
    out += '\n';
    out.append(qMax(m_depth, 0) * m_indent, ' ');
}

void JsonIndenter::feed(QByteArrayView input, QByteArray &out)
{
    const char *p = input.data();
    const char *const end = p + input.size();
    while (p < end) {
        if (m_inString) {
            if (m_escape) {
                out += *p++;
                m_escape = false;
                continue;
            }
            const char *q = p;
            while (q < end && *q != '"' && *q != '\\')
                ++q;
            out.append(p, q - p);
            p = q;
            if (p == end)
                break;
            out += *p;
            if (*p == '\\')
                m_escape = true;
            else
                m_inString = false;
            ++p;
            continue;
        }
        const char c = *p++;
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (m_pendingOpen) {
            const char open = m_pendingOpen;
            m_pendingOpen = 0;
            out += open;
            if ((open == '{' && c == '}') || (open == '[' && c == ']')) {
                out += c;
                continue;
            }
            ++m_depth;
            newline(out);
        }
        switch (c) {
        case '"':
            out += c;
            m_inString = true;
            break;
        case '{':
        case '[':
            m_pendingOpen = c;
            break;
        case '}':
        case ']':
            --m_depth;
            newline(out);
            out += c;
            break;
        case ',':
            out += c;
            newline(out);
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
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
