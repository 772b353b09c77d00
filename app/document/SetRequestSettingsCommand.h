#pragma once

#include "app/document/DocumentCommand.h"
#include "app/model/RequestSettings.h"

namespace Playground {

/** A request's send settings changed (redirects, timeout, TLS, CA file, proxy). */
class SetRequestSettingsCommand : public DocumentCommand {
public:
    SetRequestSettingsCommand(
        const Collection &collection, QList<int> path, const RequestSettings &settings);

    QString text() const override;
    DocumentChange apply(Collection &collection) override;
    DocumentChange revert(Collection &collection) override;
    /** Typing a timeout or a proxy is one undo step. */
    bool absorb(const DocumentCommand &next) override;

private:
    QList<int> m_path;
    QJsonObject m_before;
    RequestSettings m_settings;
};

} // namespace Playground
