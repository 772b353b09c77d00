#include "ui/RequestTab.h"

#include "app/send/SendSession.h"
#include "ui/RequestEditor.h"
#include "ui/ResponseView.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace Playground {

RequestTab::RequestTab(QWidget *parent)
    : QWidget(parent)
    , m_editor(new RequestEditor(this))
    , m_response(new ResponseView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("requestTab"));
    m_splitter->setObjectName(QStringLiteral("requestSplitter"));
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_response);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
}

RequestTab::~RequestTab()
{
    // A send still in flight must not call back into a tab that is gone.
    if (m_run.session)
        m_run.session->disconnect(this);
}

void RequestTab::setItem(const QModelIndex &item)
{
    m_scratchTab = false;
    m_item = QPersistentModelIndex(item);
    m_scratch = {};
}

void RequestTab::setScratch(const CollectionItem &scratch)
{
    m_scratchTab = true;
    m_item = QPersistentModelIndex();
    m_scratch = scratch;
}

} // namespace Playground
