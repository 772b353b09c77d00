#include "ui/ExportRequestDialog.h"

#include "app/auth/CollectionSecrets.h"
#include "app/auth/CredentialText.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace Playground {

namespace {

    enum Format { Curl, Http };

} // namespace

ExportRequestDialog::ExportRequestDialog(ExportSource source, SecretStore *store, QWidget *parent)
    : QDialog(parent)
    , m_source(std::move(source))
    , m_store(store)
    , m_format(new QComboBox(this))
    , m_includeSecrets(new QCheckBox(tr("Include secrets"), this))
    , m_warning(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_notes(new QLabel(this))
    , m_copyButton(new QPushButton(tr("&Copy"), this))
    , m_saveButton(new QPushButton(tr("&Save…"), this))
{
    setObjectName(QStringLiteral("exportRequestDialog"));
    setWindowTitle(tr("Export request"));
    resize(760, 480);
    m_format->setObjectName(QStringLiteral("exportFormatComboBox"));
    m_format->setAccessibleName(tr("Export format"));
    m_format->addItem(tr("cURL command"), Curl);
    m_format->addItem(tr(".http file (httpyac, JetBrains, VS Code REST Client)"), Http);
    m_includeSecrets->setObjectName(QStringLiteral("exportIncludeSecretsCheckBox"));
    m_includeSecrets->setAccessibleName(tr("Include secrets"));
    m_includeSecrets->setToolTip(tr("Without it, each secret is written as <name>"));
    m_warning->setObjectName(QStringLiteral("exportSecretsWarningLabel"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    QPalette warningPalette = m_warning->palette();
    warningPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x7a, 0x00));
    m_warning->setPalette(warningPalette);
    m_preview->setObjectName(QStringLiteral("exportPreviewPlainTextEdit"));
    m_preview->setAccessibleName(tr("Exported text"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_notes->setObjectName(QStringLiteral("exportNotesLabel"));
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->setForegroundRole(QPalette::PlaceholderText);
    m_copyButton->setObjectName(QStringLiteral("exportCopyButton"));
    m_saveButton->setObjectName(QStringLiteral("exportSaveButton"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(QString(), m_includeSecrets);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copyButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveButton, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_notes);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copyButton, &QPushButton::clicked, this, &ExportRequestDialog::copy);
    connect(m_saveButton, &QPushButton::clicked, this, &ExportRequestDialog::save);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportRequestDialog::render);
    connect(
        m_includeSecrets, &QCheckBox::toggled, this, &ExportRequestDialog::loadSecretsThenRender);
    m_chooseFile = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Save the export"), suggested);
    };
    render();
}

QString ExportRequestDialog::text() const
{
    return m_preview->toPlainText();
}

void ExportRequestDialog::loadSecretsThenRender()
{
    if (!m_includeSecrets->isChecked() || m_secretsLoaded || !m_store) {
        render();
        return;
    }
    const Collection &collection = m_source.collection();
    const QStringList names = CollectionSecrets::namesFor(collection, { m_source.path() });
    if (names.isEmpty()) {
        m_secretsLoaded = true;
        render();
        return;
    }
    m_preview->setPlainText(tr("Reading the secrets from the keychain…"));
    m_copyButton->setEnabled(false);
    m_saveButton->setEnabled(false);
    CollectionSecrets::load(m_store, collection, names, this,
        [this](const VariableList &found, const QStringList &problems) {
            m_secrets = found;
            m_secretProblems = problems;
            m_secretsLoaded = true;
            render();
        });
}

void ExportRequestDialog::render()
{
    const bool http = m_format->currentData().toInt() == Http;
    const bool secrets = m_includeSecrets->isChecked() && !http;
    m_includeSecrets->setEnabled(!http);
    if (secrets && !m_secretsLoaded && m_store) {
        loadSecretsThenRender();
        return;
    }
    QStringList warnings;
    QString text;
    m_bytes.clear();
    if (http) {
        m_bytes = m_source.toHttp(&warnings);
        text = QString::fromUtf8(m_bytes);
        warnings.prepend(tr("A .http file never holds secret values: the tool asks for them."));
    } else {
        const Result<QByteArray> curl = m_source.toCurl(secrets, m_secrets, &warnings);
        if (curl)
            m_bytes = curl.value();
        text = curl ? QString::fromUtf8(m_bytes) : curl.error();
        if (secrets)
            warnings += m_secretProblems;
    }
    m_warning->setText(secrets ? tr("This command holds your secrets in plain text: share it "
                                    "only with people who may use them.")
                               : QString());
    m_warning->setVisible(secrets);
    m_preview->setPlainText(text);
    m_notes->setText(warnings.join(QLatin1Char('\n')));
    m_notes->setVisible(!warnings.isEmpty());
    m_copyButton->setEnabled(!m_bytes.isEmpty());
    m_saveButton->setEnabled(!m_bytes.isEmpty());
    Q_EMIT textUpdated();
}

void ExportRequestDialog::copy()
{
    // With secrets in it, clipboard managers are told not to keep it (SECURITY.md).
    if (m_warning->isVisibleTo(this))
        QApplication::clipboard()->setMimeData(CredentialText::secretMimeData(text()));
    else
        QApplication::clipboard()->setText(text());
    m_notes->setText(tr("Copied to the clipboard.") + QLatin1Char('\n') + m_notes->text());
    m_notes->setVisible(true);
}

void ExportRequestDialog::save()
{
    const bool http = m_format->currentData().toInt() == Http;
    const QString name
        = m_source.path().item ? m_source.path().item->name : QStringLiteral("request");
    const QString path
        = m_chooseFile(name + (http ? QStringLiteral(".http") : QStringLiteral(".sh")));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const bool ok
        = file.open(QIODevice::WriteOnly) && file.write(m_bytes) == m_bytes.size() && file.commit();
    m_notes->setText(ok ? tr("Saved to %1").arg(path)
                        : tr("Could not save to %1: %2").arg(path, file.errorString()));
    m_notes->setVisible(true);
}

} // namespace Playground
