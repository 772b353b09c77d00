#include "app/document/SetTlsVerificationCommand.h"

#include "app/model/TlsSetting.h"

#include <QCoreApplication>

namespace Playground {

SetTlsVerificationCommand::SetTlsVerificationCommand(
    const Collection &collection, QList<int> path, bool verify)
    : m_path(std::move(path))
    , m_verify(verify)
{
    if (const CollectionItem *item = itemAt(collection, m_path))
        m_before = item->extra;
}

QString SetTlsVerificationCommand::text() const
{
    return m_verify
        ? QCoreApplication::translate("SetTlsVerificationCommand", "Check TLS certificates")
        : QCoreApplication::translate("SetTlsVerificationCommand", "Skip TLS certificate checks");
}

DocumentChange SetTlsVerificationCommand::apply(Collection &collection)
{
    if (CollectionItem *item = itemAt(collection, m_path))
        item->extra = TlsSetting::withVerification(m_before, m_verify);
    return { DocumentChange::Kind::Item, m_path };
}

DocumentChange SetTlsVerificationCommand::revert(Collection &collection)
{
    if (CollectionItem *item = itemAt(collection, m_path))
        item->extra = m_before;
    return { DocumentChange::Kind::Item, m_path };
}

} // namespace Playground
