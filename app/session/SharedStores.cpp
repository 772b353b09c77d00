#include "app/session/SharedStores.h"

#include "app/history/HistoryStore.h"
#include "app/http/CookieStore.h"
#include "app/secrets/SecretStore.h"
#include "app/secrets/SecretStoreFactory.h"

namespace Playground {

SharedStores::SharedStores(SecretStore *secrets)
    : m_secrets(secrets ? secrets : SecretStoreFactory::create(this))
    , m_history(new HistoryStore({}, this))
{
}

SharedStores::~SharedStores() = default;

Status SharedStores::openHistory()
{
    if (!m_historyOpened)
        m_historyOpened = m_history->open();
    return *m_historyOpened;
}

CookieStore *SharedStores::cookies()
{
    if (!m_cookies)
        m_cookies = new CookieStore({}, this);
    return m_cookies;
}

} // namespace Playground
