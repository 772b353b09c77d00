#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

class QJsonObject;

namespace Playground::Test {

/** A complete response of the test server: status, headers and body. */
struct Reply {
    int status = 200;
    /** Sent as given; Content-Length and Connection are added by the server when absent. */
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static Reply json(int status, const QJsonObject &object);
    static Reply text(int status, const QByteArray &body,
        const QByteArray &contentType = QByteArrayLiteral("text/plain; charset=utf-8"));
};

} // namespace Playground::Test
