#pragma once

#include "app/history/HistoryContext.h"
#include "app/model/CollectionItem.h"
#include "app/send/SendSession.h"

#include <QPersistentModelIndex>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QSplitter;

namespace Playground {

class RequestEditor;
class ResponseView;

/**
 * One request tab: its editor above its response, and what it shows — a request of the open
 * collection (by its index in the tree: the document owns the request) or a scratch request,
 * which the tab owns. It also holds its own send in flight, so every tab sends on its own.
 */
class RequestTab : public QWidget {
    Q_OBJECT
public:
    /** A send of this tab: waiting for the keychain, or in flight. */
    struct Run {
        QPointer<SendSession> session;
        bool loadingSecrets = false;
        RequestSpec spec; ///< the templates sent, for history
        HistoryContext where; ///< where it came from, for history
    };

    /** A scratch tab; setItem() makes it show a request of the collection. */
    explicit RequestTab(QWidget *parent = nullptr);
    ~RequestTab() override;

    RequestEditor *editor() const { return m_editor; }
    ResponseView *response() const { return m_response; }

    /** True for a scratch request, false for a request of the collection (even one just gone). */
    bool isScratch() const { return m_scratchTab; }
    /** The collection's request shown; invalid for a scratch tab, or once the request is gone. */
    const QPersistentModelIndex &item() const { return m_item; }
    void setItem(const QModelIndex &item);
    /** The scratch request with its settings (TLS); unused for a collection's request. */
    CollectionItem &scratch() { return m_scratch; }
    const CollectionItem &scratch() const { return m_scratch; }
    void setScratch(const CollectionItem &scratch);

    Run &run() { return m_run; }
    /** The secret values the send on screen used: what an export of its exchange masks. */
    QStringList shownSecrets() const { return m_shownSecrets; }
    void setShownSecrets(const QStringList &secrets) { m_shownSecrets = secrets; }
    /** A send is on its way (or waits for the keychain). */
    bool isSending() const { return m_run.session || m_run.loadingSecrets; }

private:
    RequestEditor *m_editor;
    ResponseView *m_response;
    QSplitter *m_splitter;
    bool m_scratchTab = true;
    QPersistentModelIndex m_item;
    CollectionItem m_scratch;
    Run m_run;
    QStringList m_shownSecrets;
};

} // namespace Playground
