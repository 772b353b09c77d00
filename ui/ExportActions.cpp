#include "ui/ExportActions.h"

#include "app/formats/HarWriter.h"
#include "app/http/Redactor.h"
#include "ui/ExportRequestDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QJsonDocument>
#include <QSaveFile>

namespace Playground {

ExportActions::ExportActions(
    QWidget *window, SecretStore *store, SourceOnScreen source, ExchangeOnScreen exchange)
    : QObject(window)
    , m_window(window)
    , m_store(store)
    , m_source(std::move(source))
    , m_exchange(std::move(exchange))
    , m_export(new QAction(tr("E&xport request…"), this))
    , m_copyCurl(new QAction(tr("Copy as c&URL"), this))
    , m_saveHar(new QAction(tr("Save response as &HAR…"), this))
{
    m_export->setObjectName(QStringLiteral("exportRequestAction"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_export->setToolTip(tr("The request as a cURL command or a .http file, secrets left out "
                            "unless you include them"));
    m_copyCurl->setObjectName(QStringLiteral("copyAsCurlAction"));
    m_copyCurl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_saveHar->setObjectName(QStringLiteral("saveHarAction"));
    for (QAction *a : actions())
        a->setShortcutContext(Qt::WindowShortcut);
    connect(m_export, &QAction::triggered, this, &ExportActions::exportRequest);
    connect(m_copyCurl, &QAction::triggered, this, &ExportActions::copyAsCurl);
    connect(m_saveHar, &QAction::triggered, this, &ExportActions::saveHar);
    m_chooseFile = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(
            m_window, tr("Save the response as HAR"), suggested, tr("HTTP Archive (*.har)"));
    };
}

QList<QAction *> ExportActions::actions() const
{
    return { m_export, m_copyCurl, m_saveHar };
}

void ExportActions::exportRequest()
{
    auto *dialog = new ExportRequestDialog(m_source(), m_store, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ExportActions::copyAsCurl()
{
    QStringList warnings;
    const Result<QByteArray> curl = m_source().toCurl(false, {}, &warnings);
    if (!curl) {
        Q_EMIT message(tr("Cannot copy as cURL: %1").arg(curl.error()));
        return;
    }
    QApplication::clipboard()->setText(QString::fromUtf8(curl.value()));
    Q_EMIT message(warnings.isEmpty() ? tr("Copied as cURL (any secret is written as <name>)")
                                      : tr("Copied as cURL (any secret is written as <name>): %1")
                                            .arg(warnings.join(QStringLiteral("; "))));
}

void ExportActions::saveHar()
{
    const ShownExchange shown = m_exchange();
    const Exchange &exchange = shown.exchange;
    if (exchange.method.isEmpty()) {
        Q_EMIT message(tr("Send the request first: a HAR holds a request and its response."));
        return;
    }
    const QString path = m_chooseFile(QStringLiteral("exchange.har"));
    if (path.isEmpty())
        return;
    // Recorded exchanges are redacted; a secret the server echoed (in a body, a header, a
    // redirect) is masked here too. The send began total ms before it ended.
    const QDateTime started
        = QDateTime::currentDateTimeUtc().addMSecs(-qint64(qMax(0.0, exchange.timings.total)));
    // The body's bytes are masked before a HAR writes them (as base64 when they are not text).
    const Redactor redactor(shown.secrets);
    Exchange masked = exchange;
    masked.body = redactor.bytesUpTo(
        exchange.bodyBytes(HarWriter::MaxBodyBytes + redactor.longestSpelling()),
        HarWriter::MaxBodyBytes);
    masked.bodyFile.reset();
    const QByteArray har
        = QJsonDocument(redactor.json(HarWriter::har({ { &masked, started } })).toObject())
              .toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    const bool ok
        = file.open(QIODevice::WriteOnly) && file.write(har) == har.size() && file.commit();
    Q_EMIT message(ok ? tr("Saved the exchange as HAR to %1").arg(path)
                      : tr("Could not save %1: %2").arg(path, file.errorString()));
}

} // namespace Playground
