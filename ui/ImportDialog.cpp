#include "ui/ImportDialog.h"

#include "app/formats/CollectionImport.h"
#include "ui/DroppedFiles.h"

#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Playground {

ImportDialog::ImportDialog(QWidget *parent)
    : QDialog(parent)
    , m_paste(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_report(new QPlainTextEdit(this))
    , m_chooseButton(new QPushButton(tr("Choose &file…"), this))
    , m_importButton(new QPushButton(tr("&Import"), this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import"));
    setAcceptDrops(true);
    resize(720, 520);

    auto *intro = new QLabel(tr("A Postman collection, an OpenAPI 3 document (JSON or YAML), a "
                                ".http or .rest file, a curl command or docs Markdown with "
                                "::api-playground blocks. It opens as a new collection; nothing "
                                "is sent and no file is changed."),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_chooseButton->setObjectName(QStringLiteral("importChooseFileButton"));
    m_chooseButton->setToolTip(tr("Or drop a file on this window"));
    m_paste->setObjectName(QStringLiteral("importPastePlainTextEdit"));
    m_paste->setAccessibleName(tr("Text to import"));
    m_paste->setPlaceholderText(
        tr("…or paste it here: a curl command (Copy as cURL), a .http request, a collection"));
    m_paste->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_paste->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_status->setObjectName(QStringLiteral("importStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    m_report->setObjectName(QStringLiteral("importReportPlainTextEdit"));
    m_report->setAccessibleName(tr("What could not be carried over"));
    m_report->setReadOnly(true);
    m_report->hide();
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setEnabled(false);
    m_importButton->setDefault(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_importButton, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_chooseButton, 0, Qt::AlignLeft);
    layout->addWidget(m_paste, 2);
    layout->addWidget(m_status);
    layout->addWidget(m_report, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::importPasted);
    connect(m_paste, &QPlainTextEdit::textChanged, this, [this] {
        m_importButton->setEnabled(!m_importing && !m_paste->toPlainText().trimmed().isEmpty());
    });
    connect(m_chooseButton, &QPushButton::clicked, this, [this] {
        const QString path = m_chooseFile();
        if (!path.isEmpty())
            importFile(path);
    });
    // A dialog closed meanwhile takes nothing: the watcher goes with it.
    connect(&m_watcher, &QFutureWatcher<std::optional<Result<ImportedCollection>>>::finished, this,
        [this] {
            setImporting(false);
            finish(*m_watcher.result());
        });
    m_chooseFile = [this] {
        return QFileDialog::getOpenFileName(this, tr("Import requests"), QString(),
            tr("Importable files (*.json *.yaml *.yml *.http *.rest *.md *.markdown *.sh *.txt "
               "*.curl);;All files (*)"));
    };
}

void ImportDialog::importFile(const QString &path)
{
    start([path] { return CollectionImport::importFile(path); }, QFileInfo(path).fileName());
}

void ImportDialog::importPasted()
{
    const QByteArray bytes = m_paste->toPlainText().toUtf8();
    const QString origin = tr("pasted text");
    start([bytes, origin] { return CollectionImport::importGuessed(bytes, origin); }, origin);
}

void ImportDialog::start(std::function<Result<ImportedCollection>()> work, const QString &origin)
{
    if (m_importing)
        return;
    setImporting(true);
    m_origin = origin;
    showStatus(tr("Importing %1…").arg(origin), false);
    m_report->hide();
    m_watcher.setFuture(
        QtConcurrent::run([work = std::move(work)]() -> std::optional<Result<ImportedCollection>> {
            return work();
        }));
}

void ImportDialog::finish(const Result<ImportedCollection> &result)
{
    const QString &origin = m_origin;
    if (!result) {
        showStatus(tr("Nothing was imported. %1").arg(result.error()), true);
        Q_EMIT importEnded();
        return;
    }
    const int requests = int(flattenRequests(result->collection.items).size());
    Q_EMIT imported(result.value(), origin);
    if (result->warnings.isEmpty()) {
        Q_EMIT importEnded();
        accept();
        return;
    }
    showStatus((requests == 1 ? tr("Imported 1 request from %1")
                              : tr("Imported %1 requests from %2").arg(requests))
                   .arg(origin)
            + tr(" into a new collection (not saved yet). What could not be carried over:"),
        false);
    m_report->setPlainText(QStringLiteral("• ") + result->warnings.join(QStringLiteral("\n• ")));
    m_report->show();
    Q_EMIT importEnded();
}

void ImportDialog::setImporting(bool importing)
{
    m_importing = importing;
    m_chooseButton->setEnabled(!importing);
    m_paste->setReadOnly(importing);
    m_importButton->setEnabled(!importing && !m_paste->toPlainText().trimmed().isEmpty());
}

void ImportDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xd0, 0x3a, 0x2a));
    m_status->setPalette(palette);
    m_status->show();
}

void ImportDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_importing && droppedFiles(event->mimeData()).size() == 1)
        event->acceptProposedAction();
}

void ImportDialog::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedFiles(event->mimeData());
    if (paths.size() != 1)
        return;
    event->acceptProposedAction();
    importFile(paths.first());
}

} // namespace Playground
