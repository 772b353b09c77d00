#include "tests/support/HttpRequestParser.h"

#include <utility>

namespace Playground::Test {

namespace {

    constexpr qsizetype MaxChunkLineBytes = 1024;
    const QByteArray Crlf = QByteArrayLiteral("\r\n");

} // namespace

void HttpRequestParser::feed(const QByteArray &bytes)
{
    if (!m_error)
        m_buffer.append(bytes);
}

std::optional<RecordedRequest> HttpRequestParser::next()
{
    if (m_error)
        return std::nullopt;
    if (m_stage == Stage::Head) {
        // RFC 9112 §2.2: ignore empty lines before a request line.
        while (m_cursor == 0 && m_buffer.startsWith(Crlf))
            m_buffer.remove(0, 2);
        const qsizetype headEnd
            = m_buffer.indexOf(QByteArrayLiteral("\r\n\r\n"), qMax<qsizetype>(0, m_cursor - 3));
        if (headEnd < 0) {
            m_cursor = m_buffer.size();
            if (m_buffer.size() > MaxHeadBytes)
                fail();
            return std::nullopt;
        }
        if (headEnd > MaxHeadBytes || !parseHead(headEnd)) {
            fail();
            return std::nullopt;
        }
    }
    if (m_stage == Stage::FixedBody) {
        if (m_buffer.size() - m_cursor < m_remaining)
            return std::nullopt;
        m_request.body = m_buffer.mid(m_cursor, m_remaining);
        return finish(m_cursor + m_remaining);
    }
    if (!parseChunks())
        return std::nullopt;
    return finish(m_cursor);
}

bool HttpRequestParser::takeContinueRequest()
{
    return std::exchange(m_continueRequested, false);
}

bool HttpRequestParser::parseHead(qsizetype headEnd)
{
    QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> requestLine = lines.first().split(' ');
    if (requestLine.size() != 3 || requestLine[0].isEmpty() || requestLine[1].isEmpty()
        || !requestLine[2].startsWith("HTTP/1."))
        return false;
    m_request = {};
    m_request.method = requestLine[0];
    m_request.target = requestLine[1];
    m_request.version = requestLine[2];

    QByteArray pathAndQuery = m_request.target;
    const qsizetype scheme = pathAndQuery.indexOf("://");
    if (scheme > 0 && !pathAndQuery.startsWith('/')) { // absolute-form, as sent to proxies
        const qsizetype pathStart = pathAndQuery.indexOf('/', scheme + 3);
        pathAndQuery = pathStart < 0 ? QByteArrayLiteral("/") : pathAndQuery.mid(pathStart);
    }
    const qsizetype question = pathAndQuery.indexOf('?');
    m_request.path = pathAndQuery.left(question < 0 ? pathAndQuery.size() : question);
    m_request.query = question < 0 ? QByteArray() : pathAndQuery.mid(question + 1);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (line.startsWith(' ') || line.startsWith('\t') || colon <= 0)
            return false; // obsolete line folding or not a header
        const QByteArray name = line.left(colon);
        if (name.contains(' ') || name.contains('\t'))
            return false;
        m_request.headers.append({ name, line.mid(colon + 1).trimmed() });
    }

    const QByteArray transferEncoding = m_request.header("Transfer-Encoding").toLower();
    m_remaining = 0;
    if (!transferEncoding.isEmpty()) {
        if (transferEncoding.split(',').last().trimmed() != "chunked")
            return false;
        m_stage = Stage::ChunkSize;
    } else {
        qint64 length = -1;
        for (const QByteArray &text : m_request.headerValues("Content-Length")) {
            bool ok = false;
            const qint64 value = text.toLongLong(&ok);
            if (!ok || value < 0 || value > MaxBodyBytes || (length >= 0 && value != length))
                return false;
            length = value;
        }
        m_remaining = qMax<qint64>(length, 0);
        m_stage = Stage::FixedBody;
    }
    m_continueRequested = m_request.header("Expect").toLower() == "100-continue"
        && (m_stage == Stage::ChunkSize || m_remaining > 0);
    m_cursor = headEnd + 4;
    return true;
}

bool HttpRequestParser::parseChunks()
{
    for (;;) {
        switch (m_stage) {
        case Stage::ChunkSize: {
            const qsizetype lineEnd = m_buffer.indexOf(Crlf, m_cursor);
            if (lineEnd < 0)
                return m_buffer.size() - m_cursor > MaxChunkLineBytes ? fail() : false;
            QByteArray sizeText = m_buffer.mid(m_cursor, lineEnd - m_cursor);
            const qsizetype extension = sizeText.indexOf(';');
            if (extension >= 0)
                sizeText.truncate(extension);
            bool ok = false;
            const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0 || m_request.body.size() + size > MaxBodyBytes)
                return fail();
            m_cursor = lineEnd + 2;
            m_remaining = size;
            m_stage = size == 0 ? Stage::Trailer : Stage::ChunkData;
            break;
        }
        case Stage::ChunkData:
            if (m_buffer.size() - m_cursor < m_remaining + 2)
                return false;
            if (m_buffer.mid(m_cursor + m_remaining, 2) != Crlf)
                return fail();
            m_request.body.append(m_buffer.constData() + m_cursor, m_remaining);
            m_cursor += m_remaining + 2;
            m_stage = Stage::ChunkSize;
            break;
        case Stage::Trailer: {
            const qsizetype lineEnd = m_buffer.indexOf(Crlf, m_cursor);
            if (lineEnd < 0)
                return m_buffer.size() - m_cursor > MaxHeadBytes ? fail() : false;
            const bool last = lineEnd == m_cursor;
            m_cursor = lineEnd + 2;
            if (last)
                return true;
            break;
        }
        case Stage::Head:
        case Stage::FixedBody:
            return false;
        }
    }
}

RecordedRequest HttpRequestParser::finish(qsizetype end)
{
    m_request.raw = m_buffer.left(end);
    m_buffer.remove(0, end);
    m_cursor = 0;
    m_remaining = 0;
    m_stage = Stage::Head;
    m_continueRequested = false;
    return std::exchange(m_request, {});
}

bool HttpRequestParser::fail()
{
    m_error = true;
    m_buffer.clear();
    return false;
}

} // namespace Playground::Test
