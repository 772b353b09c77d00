#include "app/model/Exchange.h"

namespace Playground {

QString failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return QStringLiteral("none");
    case FailureKind::Refused:
        return QStringLiteral("refused");
    case FailureKind::Transport:
        return QStringLiteral("transport");
    case FailureKind::Tls:
        return QStringLiteral("tls");
    case FailureKind::Cancelled:
        return QStringLiteral("cancelled");
    case FailureKind::IdleTimeout:
        return QStringLiteral("idle-timeout");
    case FailureKind::Deadline:
        return QStringLiteral("deadline");
    case FailureKind::SizeCap:
        return QStringLiteral("size-cap");
    case FailureKind::Decompression:
        return QStringLiteral("decompression");
    case FailureKind::TooManyRedirects:
        return QStringLiteral("too-many-redirects");
    case FailureKind::Unresolved:
        return QStringLiteral("unresolved");
    case FailureKind::Invalid:
        return QStringLiteral("invalid");
    case FailureKind::NoToken:
        return QStringLiteral("no-token");
    case FailureKind::Disk:
        return QStringLiteral("disk");
    }
    return {};
}

bool Exchange::notSent() const
{
    return status == 0 && hops.isEmpty()
        && (failure == FailureKind::Unresolved || failure == FailureKind::Invalid
            || failure == FailureKind::NoToken || failure == FailureKind::Refused);
}

QByteArray Exchange::responseHeader(const QByteArray &name) const
{
    for (const HeaderPair &h : responseHeaders) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray Exchange::bodyBytes(qint64 maxBytes) const
{
    if (!bodyFile)
        return maxBytes < 0 ? body : body.left(maxBytes);
    QFile file(bodyFile->fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return maxBytes < 0 ? file.readAll() : file.read(maxBytes);
}

} // namespace Playground
