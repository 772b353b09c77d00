#include "ui/RequestSender.h"

#include "app/document/CollectionDocument.h"
#include "app/document/EnvironmentSet.h"
#include "app/history/HistoryStore.h"
#include "app/http/CookieStore.h"
#include "app/model/CollectionTreeModel.h"
#include "app/model/RequestSettings.h"
#include "app/send/RequestOptions.h"
#include "app/send/SendService.h"
#include "app/send/SendSession.h"
#include "ui/RequestEditor.h"
#include "ui/RequestTab.h"
#include "ui/RequestTabs.h"
#include "ui/ResponseView.h"

namespace Playground {

RequestSender::RequestSender(SendService *sending, RequestTabs *tabs, CollectionTreeModel *model,
    EnvironmentSet *environments, HistoryStore *history, QObject *parent)
    : QObject(parent)
    , m_sending(sending)
    , m_tabs(tabs)
    , m_model(model)
    , m_environments(environments)
    , m_history(history)
{
}

void RequestSender::send(RequestTab *tab)
{
    if (tab->isSending())
        return;
    m_tabs->keep(tab); // sent: the user's tab now, not a preview
    const bool inCollection = !tab->isScratch() && tab->item().isValid();
    const CollectionItem *stored = inCollection ? m_model->item(tab->item()) : nullptr;
    const RequestSpec spec = m_tabs->requestOf(tab);
    if (spec.url.raw().trimmed().isEmpty()) {
        Q_EMIT notSent(tab, tr("Type a URL first, for example https://httpbin.org/get"), true);
        tab->editor()->focusUrl();
        return;
    }
    // The request's own settings, and the cookie jar of the chosen environment.
    const Environment *environment = m_environments->chosen();
    SendOptions base;
    if (m_cookies)
        base.cookieJar = m_cookies->jar(environment ? environment->name : QString());
    const Result<SendOptions> options
        = RequestOptions::apply(RequestSettings::of(stored ? *stored : tab->scratch()), base);
    if (!options) {
        Q_EMIT notSent(tab, tr("Not sent: %1.").arg(options.error()), false);
        return;
    }
    // Secrets come from the keychain first (never blocking). A scratch request may use the
    // collection's variables but never its credentials: it can go anywhere.
    const Collection *collection = m_model->hasCollection() ? &m_model->collection() : nullptr;
    tab->run().loadingSecrets = true;
    tab->editor()->setInFlight(true);
    // The keychain answers later: the send is for the request and collection the tab shows now.
    const QPersistentModelIndex item = tab->item();
    const int generation = m_generation;
    m_sending->prepare(spec, m_tabs->pathOf(tab), collection, environment, inCollection,
        options.value(), tab,
        [this, tab, spec, item, inCollection, generation](
            SendSession *session, const QString &problem) {
            tab->run().loadingSecrets = false;
            tab->editor()->setInFlight(false);
            const bool stillInCollection = !tab->isScratch() && tab->item().isValid();
            if (item != tab->item() || inCollection != stillInCollection
                || generation != m_generation) {
                delete session;
                Q_EMIT note(tr("Not sent: the tab shows another request now"));
                return;
            }
            if (!session) {
                Q_EMIT notSent(tab, tr("Not sent: %1.").arg(problem), false);
                return;
            }
            start(tab, session, spec);
        });
}

void RequestSender::start(RequestTab *tab, SendSession *session, const RequestSpec &spec)
{
    const RequestPath path = m_tabs->pathOf(tab);
    const Collection *collection = m_model->hasCollection() ? &m_model->collection() : nullptr;
    RequestTab::Run &run = tab->run();
    run.session = session;
    connect(
        session, &SendSession::finished, tab, [this, tab, session] { onFinished(tab, session); });
    connect(session, &SendSession::progress, tab->response(), &ResponseView::showProgress);
    tab->editor()->setInFlight(true);
    // The template URL, not the resolved one: it never holds a secret value.
    tab->response()->showSending(spec.method, spec.url.raw());
    // What history records: the templates sent and where from (never a resolved secret).
    run.spec = spec;
    run.where = {};
    run.where.time = QDateTime::currentDateTimeUtc();
    if (collection && !tab->isScratch() && tab->item().isValid()) {
        run.where.collectionId = collection->postmanId;
        run.where.collectionPath = m_model->document()->path();
        for (const CollectionItem *folder : path.folders)
            run.where.itemPath.append(folder->name);
        run.where.itemPath.append(path.item->name);
    }
    Q_EMIT started(tab);
    session->start();
}

void RequestSender::onFinished(RequestTab *tab, SendSession *session)
{
    const Exchange exchange = session->exchange();
    session->deleteLater();
    RequestTab::Run &run = tab->run();
    if (session == run.session)
        run.session = nullptr;
    tab->editor()->setInFlight(false);
    run.where.redactions = session->redactionValues();
    if (const auto recorded = m_history->record(run.spec, exchange, run.where); !recorded)
        Q_EMIT note(recorded.error());
    tab->setShownSecrets(run.where.redactions);
    tab->response()->showExchange(exchange);
    Q_EMIT finished(tab, exchange);
}

} // namespace Playground
