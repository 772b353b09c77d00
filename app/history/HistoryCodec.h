#pragma once

#include "app/core/Result.h"
#include "app/model/Exchange.h"
#include "app/model/RequestSpec.h"

#include <QJsonValue>

namespace Playground {

class Redactor;

/**
 * How a send is written into history and read back. Nothing secret is written: secret variables
 * are emptied, literal credentials in the templates masked, and every string and body passed
 * through the send's Redactor (which knows its resolved secret values).
 */
class HistoryCodec {
public:
    /**
     * The templates as history keeps them: secret variables' values emptied, literal text in
     * credential headers and secret auth fields masked ({{references}} kept), example responses
     * dropped.
     */
    static RequestSpec storable(const RequestSpec &templates);
    /** The templates as a Postman v2.1 collection holding the one request, redacted. */
    static QByteArray requestJson(const RequestSpec &templates, const Redactor &redactor);
    static Result<RequestSpec> requestFromJson(const QByteArray &json);

    /** The exchange without its bodies (kept apart, Redactor::bytesUpTo), redacted. */
    static QByteArray exchangeJson(const Exchange &exchange, const Redactor &redactor);
    static Result<Exchange> exchangeFromJson(const QByteArray &json);
};

} // namespace Playground
