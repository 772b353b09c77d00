#pragma once

#include "app/document/DocumentCommand.h"

namespace Playground {

/** A request's TLS certificate checks turned on or off (protocolProfileBehavior.strictSSL). */
class SetTlsVerificationCommand : public DocumentCommand {
public:
    SetTlsVerificationCommand(const Collection &collection, QList<int> path, bool verify);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;

private:
    QList<int> m_path;
    QJsonObject m_before;
    bool m_verify;
};

} // namespace Playground
