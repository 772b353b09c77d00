#pragma once

#include "app/core/Result.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Playground {

class CookieStore;
class HistoryStore;
class SecretStore;

/**
 * What the windows of one process share, each with one owner: the secret store, the history and
 * the cookie jars. A window made from another (File › New window) gets the same stores, so the
 * two never overwrite each other's history or cookies; the last window to close ends them.
 */
class SharedStores : public QObject {
    Q_OBJECT
public:
    /** secrets: not owned; null picks the system keychain, or session memory (owned). */
    explicit SharedStores(SecretStore *secrets = nullptr);
    ~SharedStores() override;

    SecretStore *secrets() const { return m_secrets; }
    HistoryStore *history() const { return m_history; }
    /** Opens the history at its default place the first time; later calls say how that went. */
    Status openHistory();
    /** The cookie jars, read from disk the first time they are asked for. */
    CookieStore *cookies();

private:
    SecretStore *m_secrets;
    HistoryStore *m_history;
    CookieStore *m_cookies = nullptr;
    std::optional<Status> m_historyOpened;
};

} // namespace Playground
