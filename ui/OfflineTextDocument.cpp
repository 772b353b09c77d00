#include "ui/OfflineTextDocument.h"

#include "ui/NoImageHandler.h"

#include <QAbstractTextDocumentLayout>

namespace Playground {

OfflineTextDocument::OfflineTextDocument(QObject *parent)
    : QTextDocument(parent)
{
    documentLayout()->registerHandler(QTextFormat::ImageObject, new NoImageHandler(this));
}

QVariant OfflineTextDocument::loadResource(int, const QUrl &)
{
    return {};
}

} // namespace Playground
