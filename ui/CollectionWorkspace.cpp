#include "ui/CollectionWorkspace.h"

#include "app/document/CollectionDocument.h"
#include "app/document/SavedSnapshot.h"
#include "app/model/CollectionTreeModel.h"
#include "ui/CollectionPanel.h"
#include "ui/DocumentUndoCommand.h"
#include "ui/RequestSender.h"
#include "ui/RequestTabs.h"

#include <QFileInfo>
#include <QUndoStack>

namespace Playground {

CollectionWorkspace::CollectionWorkspace(SendService *sending, EnvironmentSet *environments,
    HistoryStore *history, QWidget *parentWidget)
    : QObject(parentWidget)
    , m_document(new CollectionDocument(this))
    , m_undo(new QUndoStack(this))
    , m_model(new CollectionTreeModel(m_document, this))
    , m_snapshot(new SavedSnapshot(m_document, this))
    , m_panel(new CollectionPanel(m_model, parentWidget))
    , m_tabs(new RequestTabs(m_model, m_snapshot, parentWidget))
    , m_sender(new RequestSender(sending, m_tabs, m_model, environments, history, this))
{
    // Every edit of the document goes through its undo stack, which applies it.
    m_document->setCommandSink([this](std::unique_ptr<DocumentCommand> command) {
        m_undo->push(new DocumentUndoCommand(m_document, std::move(command)));
    });
}

CollectionWorkspace::~CollectionWorkspace()
{
    // The widgets first (they show the model), then what they show, the document last.
    delete m_tabs;
    delete m_panel;
    delete m_sender;
    delete m_undo;
    delete m_snapshot;
    delete m_model;
    delete m_document;
}

bool CollectionWorkspace::isBlank() const
{
    return !m_model->hasCollection() && !m_document->isSaving() && !m_unopened;
}

void CollectionWorkspace::setUnopened(const TabSession::Workspace &saved, const QString &problem)
{
    m_unopened = saved;
    m_panel->showProblem(QFileInfo(saved.collectionPath).fileName(), problem);
}

bool CollectionWorkspace::isModified() const
{
    return m_document->isDirty();
}

QString CollectionWorkspace::name() const
{
    const QString name = m_model->collection().name;
    if (!name.isEmpty())
        return name;
    return QFileInfo(m_unopened ? m_unopened->collectionPath : m_document->path())
        .completeBaseName();
}

} // namespace Playground
