#pragma once

#include "app/core/Result.h"
#include "app/http/SendOptions.h"
#include "app/model/RequestSettings.h"

namespace Playground {

/** A request's settings as the options of its send: the one place they are checked and read. */
class RequestOptions {
public:
    /**
     * base with settings applied: redirects, timeout, TLS checks, the CA file read, the proxy.
     * An error names what is wrong (a CA file that cannot be read, a proxy that is not a URL).
     */
    static Result<SendOptions> apply(const RequestSettings &settings, SendOptions base = {});
};

} // namespace Playground
