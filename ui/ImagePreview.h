#pragma once

#include "app/response/BodyBuffer.h"

#include <QFutureWatcher>
#include <QImage>
#include <QScrollArea>

#include <memory>

class QLabel;

namespace Playground {

/**
 * The Preview of an image body (PNG, JPEG, GIF, WebP, BMP, ICO — what Qt's image plug-ins read;
 * never SVG, which could fetch). Decoded on a worker thread with a size limit, shown at its own
 * size (scaled down to fit the view when larger); a broken image says so.
 */
class ImagePreview : public QScrollArea {
    Q_OBJECT
public:
    /** Larger bodies are not decoded for a preview. */
    static constexpr qint64 MaxBytes = 64 * 1024 * 1024;

    explicit ImagePreview(QWidget *parent = nullptr);
    ~ImagePreview() override;

    /** True when bytes start like an image Qt can read (the Content-Type is not trusted). */
    static bool isImage(QByteArrayView bytes);

    void setBody(std::shared_ptr<const BodyBuffer> bytes);
    const QImage &image() const { return m_image; }

Q_SIGNALS:
    /** A line about the picture ("PNG · 640 × 480 px") or why it cannot be shown. */
    void message(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Decoded {
        QImage image;
        QString message;
    };
    void showScaled();

    QLabel *m_label;
    QImage m_image;
    QFutureWatcher<Decoded> m_watcher;
};

} // namespace Playground
