#pragma once

#include "app/model/Exchange.h"
#include "app/model/ResolvedRequest.h"

namespace Playground {

/**
 * Writes a curl command that sends a request as the playground sends it: method, URL (with
 * --globoff, so braces and brackets are not curl patterns), every header, and the body with
 * --data-raw. Every word is quoted for a POSIX shell (single quotes), so any byte survives; a body
 * holding NUL bytes, which no shell word can carry, is piped in through printf instead.
 * Output is bytes: a body that is not UTF-8 is written unchanged.
 */
class CurlWriter {
public:
    /** request as resolved for an export (RequestExport::resolve), headers in the order sent. */
    static QByteArray fromResolved(const ResolvedRequest &request);
    /** An exchange as recorded (already redacted): the request as sent on its final hop. */
    static QByteArray fromExchange(const Exchange &exchange);
    /** The shared writer: one "curl" line with continuation backslashes. */
    static QByteArray command(const QByteArray &method, const QByteArray &url,
        const HeaderList &headers, const QByteArray &body, bool hasBody);
};

} // namespace Playground
