#pragma once

#include "tests/support/RecordedRequest.h"

#include <optional>

namespace Playground::Test {

/**
 * Incremental HTTP/1.x request parser: feed bytes as they arrive, take complete requests out
 * in order (pipelining works). Content-Length and chunked bodies; limits keep memory bounded.
 */
class HttpRequestParser {
public:
    static constexpr qsizetype MaxHeadBytes = 64 * 1024;
    static constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;

    void feed(const QByteArray &bytes);
    /** The next complete request, or nothing while more bytes are needed or after an error. */
    std::optional<RecordedRequest> next();
    /** The input is not HTTP or exceeds a limit; the connection should answer 400 and close. */
    bool hasError() const { return m_error; }
    /** True once per request whose head asked "Expect: 100-continue" and whose body is pending. */
    bool takeContinueRequest();

private:
    enum class Stage { Head, FixedBody, ChunkSize, ChunkData, Trailer };

    bool parseHead(qsizetype headEnd);
    bool parseChunks();
    RecordedRequest finish(qsizetype end);
    bool fail();

    QByteArray m_buffer;
    Stage m_stage = Stage::Head;
    RecordedRequest m_request;
    qsizetype m_cursor = 0; ///< parse position inside m_buffer for the request in progress
    qsizetype m_remaining = 0; ///< body or chunk bytes still expected
    bool m_continueRequested = false;
    bool m_error = false;
};

} // namespace Playground::Test
