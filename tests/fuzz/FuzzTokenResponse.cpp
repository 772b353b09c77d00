// Fuzz target: a token endpoint's answer is hostile input (proxy pages, garbage, huge values).
#include "app/auth/TokenResponseParser.h"

#include <cstddef>
#include <cstdint>

using namespace Playground;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // First byte picks the status and content type; the rest is the body.
    const int statuses[] = { 200, 201, 400, 401, 403, 500, 502 };
    const int status = statuses[data[0] % 7];
    const QByteArray type
        = (data[0] & 0x80) ? QByteArray("text/html") : QByteArray("application/json");
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const Result<AccessToken> token = TokenResponseParser::parse(status, type, body);
    if (token.ok()) {
        // A token that reaches a header must be a single header-safe line.
        const QByteArray value = token->value.toUtf8();
        if (value.isEmpty() || value.contains('\r') || value.contains('\n') || value.contains('\0')
            || value.size() > TokenResponseParser::MaxTokenLength)
            __builtin_trap();
    } else if (token.error().isEmpty()) {
        __builtin_trap(); // every failure explains itself
    }
    return 0;
}
