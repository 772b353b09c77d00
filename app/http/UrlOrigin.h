#pragma once

#include <QString>
#include <QUrl>

namespace Playground {

/** "scheme://host:port" with the scheme's default port filled in; empty for an invalid URL. */
QString urlOrigin(const QUrl &url);
/** True for 127.0.0.0/8, ::1 and "localhost". */
bool isLoopbackHost(const QUrl &url);

} // namespace Playground
