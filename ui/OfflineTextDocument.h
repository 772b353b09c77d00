#pragma once

#include <QTextDocument>

namespace Playground {

/** A text document that loads nothing: no image or style sheet, local, data: or remote. */
class OfflineTextDocument : public QTextDocument {
    Q_OBJECT
public:
    explicit OfflineTextDocument(QObject *parent = nullptr);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace Playground
