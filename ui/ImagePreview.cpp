#include "ui/ImagePreview.h"

#include <QBuffer>
#include <QImageReader>
#include <QLabel>
#include <QPixmap>
#include <QtConcurrent/QtConcurrentRun>

namespace Playground {

namespace {

    /** The format Qt reads from the first bytes, or empty; SVG never (it may name URLs). */
    QByteArray formatOf(QByteArrayView bytes)
    {
        QByteArray head = bytes.first(qMin<qsizetype>(bytes.size(), 64)).toByteArray();
        QBuffer buffer(&head);
        buffer.open(QIODevice::ReadOnly);
        const QByteArray format = QImageReader::imageFormat(&buffer).toLower();
        return format.startsWith("svg") ? QByteArray() : format;
    }

} // namespace

ImagePreview::ImagePreview(QWidget *parent)
    : QScrollArea(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("responseImagePreview"));
    setAccessibleName(tr("Response image"));
    m_label->setObjectName(QStringLiteral("responseImageLabel"));
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setTextFormat(Qt::PlainText);
    setWidget(m_label);
    setWidgetResizable(true);
    setAlignment(Qt::AlignCenter);
    connect(&m_watcher, &QFutureWatcher<Decoded>::finished, this, [this] {
        if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0)
            return;
        Decoded decoded = m_watcher.result();
        m_image = std::move(decoded.image);
        if (m_image.isNull())
            m_label->setText(decoded.message);
        showScaled();
        Q_EMIT message(decoded.message);
    });
}

ImagePreview::~ImagePreview()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

bool ImagePreview::isImage(QByteArrayView bytes)
{
    return !formatOf(bytes).isEmpty();
}

void ImagePreview::setBody(std::shared_ptr<const BodyBuffer> bytes)
{
    m_watcher.cancel();
    m_image = QImage();
    m_label->clear();
    if (!bytes)
        return;
    if (bytes->size() > MaxBytes) {
        m_label->setText(tr("This image is too large to preview; Save body… keeps it."));
        return;
    }
    m_label->setText(tr("Decoding the image…"));
    m_watcher.setFuture(QtConcurrent::run([bytes] {
        QByteArray copy = bytes->bytes().toByteArray();
        QBuffer buffer(&copy);
        buffer.open(QIODevice::ReadOnly);
        const QByteArray format = formatOf(copy);
        QImageReader reader(&buffer, format);
        // The default allocation limit (256 MB) keeps a hostile size in the header harmless.
        const QSize size = reader.size();
        QImage image;
        if (!format.isEmpty() && reader.read(&image))
            return Decoded { image,
                tr("%1 · %2 × %3 px")
                    .arg(QString::fromLatin1(format.toUpper()))
                    .arg(image.width())
                    .arg(image.height()) };
        return Decoded { QImage(),
            tr("The image cannot be shown: %1%2")
                .arg(reader.errorString(),
                    size.isValid()
                        ? tr(" (it says it is %1 × %2 px)").arg(size.width()).arg(size.height())
                        : QString()) };
    }));
}

void ImagePreview::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    showScaled();
}

void ImagePreview::showScaled()
{
    if (m_image.isNull())
        return;
    const QSize room = viewport()->size();
    const QImage shown = m_image.width() > room.width() || m_image.height() > room.height()
        ? m_image.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation)
        : m_image;
    m_label->setPixmap(QPixmap::fromImage(shown));
}

} // namespace Playground
