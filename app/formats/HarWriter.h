#pragma once

#include "app/model/Exchange.h"

#include <QDateTime>
#include <QJsonObject>

namespace Playground {

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) from recorded exchanges: the request
 * as sent on its final hop, the response, timings. Exchanges are recorded redacted, so the HAR
 * is too, and credential headers (Cookie, Set-Cookie, Authorization…) are masked in it. Well-formed
 * for any input: text that is not valid UTF-8, or holds lone surrogates, is written with U+FFFD or,
 * for bodies, as base64.
 */
class HarWriter {
public:
    struct Entry {
        const Exchange *exchange = nullptr;
        QDateTime started; ///< when the send began
    };

    /** A body past this is cut (and the HAR says so). */
    static constexpr qint64 MaxBodyBytes = 64LL * 1024 * 1024;

    static QJsonObject har(const QList<Entry> &entries);
    /** The HAR document as UTF-8 JSON, indented. */
    static QByteArray write(const QList<Entry> &entries);
    /** text with every lone UTF-16 surrogate replaced by U+FFFD. */
    static QString wellFormed(const QString &text);
};

} // namespace Playground
