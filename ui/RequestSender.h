#pragma once

#include "app/model/Exchange.h"
#include "app/model/RequestSpec.h"

#include <QObject>

namespace Playground {

class CollectionTreeModel;
class CookieStore;
class EnvironmentSet;
class HistoryStore;
class RequestTab;
class RequestTabs;
class SendService;
class SendSession;

/**
 * Sends the request of a tab: the templates through SendService (keychain first, never blocking),
 * the session held by the tab, progress and the exchange shown in that tab's response, every
 * send recorded in history. Each tab sends on its own; the window only shows what it reports.
 */
class RequestSender : public QObject {
    Q_OBJECT
public:
    RequestSender(SendService *sending, RequestTabs *tabs, CollectionTreeModel *model,
        EnvironmentSet *environments, HistoryStore *history, QObject *parent = nullptr);

    /** Sends what tab shows, unless it is sending already. */
    void send(RequestTab *tab);
    /** Another collection is open: a send still waiting for the keychain is dropped. */
    void collectionChanged() { ++m_generation; }
    /** Where each environment's cookies are kept; sends without it keep no cookies. */
    void setCookies(CookieStore *cookies) { m_cookies = cookies; }

Q_SIGNALS:
    /** Nothing was sent: text says why (no URL, a secret that could not be read). */
    void notSent(Playground::RequestTab *tab, const QString &text, bool isHint);
    void started(Playground::RequestTab *tab);
    /** The exchange is in the tab's response and in history. */
    void finished(Playground::RequestTab *tab, const Playground::Exchange &exchange);
    /** Something worth a line in the status bar. */
    void note(const QString &text);

private:
    void start(RequestTab *tab, SendSession *session, const RequestSpec &spec);
    void onFinished(RequestTab *tab, SendSession *session);

    SendService *m_sending;
    RequestTabs *m_tabs;
    CollectionTreeModel *m_model;
    EnvironmentSet *m_environments;
    HistoryStore *m_history;
    int m_generation = 0;
    CookieStore *m_cookies = nullptr;
};

} // namespace Playground
