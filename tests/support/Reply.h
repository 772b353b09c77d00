#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

class QJsonObject;

namespace Playground::Test {

/** A complete response of the test server: status, headers and body. */
struct Reply {
    int status = 200;
    /**
     * Sent as given; the server adds Content-Length (and Connection: close when
     * closing) unless present.
     */
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /** The status line's reason phrase, sent as given; empty: the standard one for status. */
    QByteArray reason;

    static Reply json(int status, const QJsonObject &object);
    static Reply text(int status, const QByteArray &body,
        const QByteArray &contentType = QByteArrayLiteral("text/plain; charset=utf-8"));
};

} // namespace Playground::Test
