#pragma once

#include "app/model/RequestSpec.h"

namespace Playground {

/**
 * The fields of a request the request editor owns: method, URL, headers and body. The editor
 * writes back only these, so what other views edit meanwhile (the request's auth from the
 * credentials panel, its name, variables, saved responses) is never overwritten by a stale copy.
 */
struct RequestEdit {
    QString method;
    UrlSpec url;
    KeyValueList headers;
    RequestBody body;

    static RequestEdit of(const RequestSpec &request)
    {
        return { request.method, request.url, request.headers, request.body };
    }
    void applyTo(RequestSpec *request) const
    {
        request->method = method;
        request->url = url;
        request->headers = headers;
        request->body = body;
    }
};

} // namespace Playground
