#include "ui/RequestSettingsEditor.h"

#include "app/http/SendOptions.h"
#include "ui/ClearButtonOnDemand.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace Playground {

RequestSettingsEditor::RequestSettingsEditor(QWidget *parent)
    : QWidget(parent)
    , m_followCheck(new QCheckBox(tr("Follow redirects"), this))
    , m_maxRedirectsSpin(new QSpinBox(this))
    , m_timeoutSpin(new QSpinBox(this))
    , m_verifyCheck(new QCheckBox(tr("Verify TLS certificates"), this))
    , m_warningLabel(new QLabel(this))
    , m_caFileEdit(new QLineEdit(this))
    , m_caFileButton(new QPushButton(tr("Choose…"), this))
    , m_proxyEdit(new QLineEdit(this))
{
    setObjectName(QStringLiteral("requestSettingsEditor"));
    m_followCheck->setObjectName(QStringLiteral("followRedirectsCheckBox"));
    m_followCheck->setAccessibleName(tr("Follow redirects"));
    m_maxRedirectsSpin->setObjectName(QStringLiteral("maxRedirectsSpinBox"));
    m_maxRedirectsSpin->setAccessibleName(tr("Most redirects to follow"));
    m_maxRedirectsSpin->setRange(0, 50);
    m_maxRedirectsSpin->setSuffix(tr(" hops"));
    m_timeoutSpin->setObjectName(QStringLiteral("timeoutSpinBox"));
    m_timeoutSpin->setAccessibleName(tr("Timeout in milliseconds"));
    m_timeoutSpin->setRange(0, RequestSettings::MaxTimeoutMs);
    m_timeoutSpin->setSingleStep(1000);
    m_timeoutSpin->setSuffix(tr(" ms"));
    m_timeoutSpin->setSpecialValueText(
        tr("Default (%1 s)").arg(SendOptions::DefaultDeadlineMs / 1000));
    m_timeoutSpin->setMinimumWidth(
        m_timeoutSpin->fontMetrics().horizontalAdvance(m_timeoutSpin->specialValueText()) + 48);
    m_timeoutSpin->setToolTip(tr("The longest the whole exchange may take, redirects included"));
    m_verifyCheck->setObjectName(QStringLiteral("verifyTlsCheckBox"));
    m_verifyCheck->setAccessibleName(tr("Verify TLS certificates"));
    m_warningLabel->setObjectName(QStringLiteral("tlsWarningLabel"));
    m_warningLabel->setTextFormat(Qt::PlainText);
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setText(tr("Certificate checks are off for this request: anyone on the way can "
                               "read and change it. Prefer a CA certificate file."));
    QPalette warning = m_warningLabel->palette();
    warning.setColor(QPalette::WindowText, QColor(0xd0, 0x7a, 0x00));
    m_warningLabel->setPalette(warning);
    // Reserved: the form does not jump when the warning comes and goes.
    QSizePolicy reserved = m_warningLabel->sizePolicy();
    reserved.setRetainSizeWhenHidden(true);
    m_warningLabel->setSizePolicy(reserved);
    m_caFileEdit->setObjectName(QStringLiteral("caFileLineEdit"));
    m_caFileEdit->setAccessibleName(tr("CA certificate file"));
    m_caFileEdit->setPlaceholderText(tr("None: the system's certificate authorities"));
    ClearButtonOnDemand::install(m_caFileEdit);
    m_caFileButton->setObjectName(QStringLiteral("caFileButton"));
    m_caFileButton->setAccessibleName(tr("Choose a CA certificate file"));
    m_proxyEdit->setObjectName(QStringLiteral("proxyLineEdit"));
    m_proxyEdit->setAccessibleName(tr("Proxy URL"));
    m_proxyEdit->setPlaceholderText(tr("System proxy settings — or http://host:3128"));
    ClearButtonOnDemand::install(m_proxyEdit);

    auto *redirectsRow = new QHBoxLayout;
    redirectsRow->addWidget(m_followCheck);
    redirectsRow->addSpacing(12);
    auto *atMost = new QLabel(tr("at most"), this);
    atMost->setTextFormat(Qt::PlainText);
    redirectsRow->addWidget(atMost);
    redirectsRow->addWidget(m_maxRedirectsSpin);
    redirectsRow->addStretch(1);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFileEdit, 1);
    caRow->addWidget(m_caFileButton);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(8, 8, 8, 8);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto label = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        l->setTextFormat(Qt::PlainText);
        return l;
    };
    form->addRow(label(tr("Redirects:")), redirectsRow);
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(m_timeoutSpin);
    timeoutRow->addStretch(1);
    form->addRow(label(tr("Timeout:")), timeoutRow);
    form->addRow(label(tr("TLS:")), m_verifyCheck);
    form->addRow(QString(), m_warningLabel);
    form->addRow(label(tr("CA certificate:")), caRow);
    form->addRow(label(tr("Proxy:")), m_proxyEdit);

    connect(m_followCheck, &QCheckBox::toggled, this, &RequestSettingsEditor::edited);
    connect(m_maxRedirectsSpin, &QSpinBox::valueChanged, this, &RequestSettingsEditor::edited);
    connect(m_timeoutSpin, &QSpinBox::valueChanged, this, &RequestSettingsEditor::edited);
    connect(m_verifyCheck, &QCheckBox::toggled, this, &RequestSettingsEditor::edited);
    connect(m_caFileEdit, &QLineEdit::textEdited, this, &RequestSettingsEditor::edited);
    connect(m_proxyEdit, &QLineEdit::textEdited, this, &RequestSettingsEditor::edited);
    connect(m_caFileButton, &QPushButton::clicked, this, [this] {
        const QString path = m_chooseFile
            ? m_chooseFile()
            : QFileDialog::getOpenFileName(this, tr("Trust a CA certificate for this request"),
                QString(),
                tr("Certificates (*.pem *.crt *.cer *.der);;All "
                   "files (*)"));
        if (path.isEmpty())
            return;
        m_caFileEdit->setText(path);
        edited();
    });
    setSettings({});
}

void RequestSettingsEditor::setSettings(const RequestSettings &settings)
{
    const bool wasInsecure = !m_settings.verifyTls;
    m_settings = settings;
    m_loading = true;
    m_followCheck->setChecked(settings.followRedirects);
    m_maxRedirectsSpin->setValue(settings.maxRedirects);
    m_timeoutSpin->setValue(settings.timeoutMs);
    m_verifyCheck->setChecked(settings.verifyTls);
    // Typing is not interrupted by the document echoing the edit back.
    if (m_caFileEdit->text() != settings.caCertificateFile)
        m_caFileEdit->setText(settings.caCertificateFile);
    if (m_proxyEdit->text() != settings.proxy)
        m_proxyEdit->setText(settings.proxy);
    m_loading = false;
    showState();
    if (wasInsecure != !settings.verifyTls)
        Q_EMIT insecureChanged(!settings.verifyTls);
}

void RequestSettingsEditor::edited()
{
    if (m_loading)
        return;
    const bool wasInsecure = !m_settings.verifyTls;
    m_settings.followRedirects = m_followCheck->isChecked();
    m_settings.maxRedirects = m_maxRedirectsSpin->value();
    m_settings.timeoutMs = m_timeoutSpin->value();
    m_settings.verifyTls = m_verifyCheck->isChecked();
    m_settings.caCertificateFile = m_caFileEdit->text().trimmed();
    m_settings.proxy = m_proxyEdit->text().trimmed();
    showState();
    if (wasInsecure != !m_settings.verifyTls)
        Q_EMIT insecureChanged(!m_settings.verifyTls);
    Q_EMIT settingsEdited();
}

void RequestSettingsEditor::showState()
{
    m_maxRedirectsSpin->setEnabled(m_settings.followRedirects);
    m_warningLabel->setVisible(!m_settings.verifyTls);
}

} // namespace Playground
