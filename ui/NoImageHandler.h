#pragma once

#include <QObject>
#include <QTextObjectInterface>

namespace Playground {

/**
 * Lays out a text document's images as nothing: it neither reads nor draws them. Qt's own image
 * handler loads a plain path from disk whatever the document's loadResource() answers.
 */
class NoImageHandler : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    using QObject::QObject;
    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &) override { return {}; }
    void drawObject(QPainter *, const QRectF &, QTextDocument *, int, const QTextFormat &) override
    {
    }
};

} // namespace Playground
