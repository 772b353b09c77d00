#include "ui/CredentialProfileEditor.h"
#include "ui/PlainLabel.h"

#include "app/auth/CredentialText.h"
#include "ui/ClearButtonOnDemand.h"
#include "ui/SecretField.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Playground {

namespace {

    QString reference(const QString &variable)
    {
        return QStringLiteral("{{%1}}").arg(variable);
    }

    QFormLayout *formLayout(QWidget *parent)
    {
        auto *form = new QFormLayout(parent);
        form->setContentsMargins(0, 0, 0, 0);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->setRowWrapPolicy(QFormLayout::DontWrapRows);
        form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
        return form;
    }

} // namespace

CredentialProfileEditor::CredentialProfileEditor(QWidget *parent)
    : QWidget(parent)
    , m_kindLabel(plainLabel(QStringLiteral("profileKindLabel"), this, true))
    , m_locationLabel(plainLabel(QStringLiteral("profileLocationLabel"), this, true))
    , m_token(new SecretField(QStringLiteral("token"), tr("Personal access token"), this))
    , m_tokenUrl(addLineEdit(QStringLiteral("tokenUrlLineEdit"), tr("Token URL")))
    , m_clientId(addLineEdit(QStringLiteral("clientIdLineEdit"), tr("Client ID")))
    , m_clientSecret(new SecretField(QStringLiteral("clientSecret"), tr("Client secret"), this))
    , m_scope(addLineEdit(QStringLiteral("scopeLineEdit"), tr("Scope")))
    , m_clientAuth(new QComboBox(this))
    , m_allowedOrigins(new QPlainTextEdit(this))
    , m_originsNote(plainLabel(QStringLiteral("originsNoteLabel"), this, true))
    , m_variableLabel(plainLabel(QStringLiteral("secretVariableLabel"), this, true))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_saveStatus(plainLabel(QStringLiteral("saveStatusLabel"), this, true))
    , m_getToken(new QPushButton(tr("Get token"), this))
    , m_forgetToken(new QPushButton(tr("Forget token"), this))
    , m_copyToken(new QPushButton(tr("Copy token"), this))
    , m_tokenStatus(plainLabel(QStringLiteral("tokenStatusLabel"), this, true))
{
    setObjectName(QStringLiteral("credentialProfileEditor"));
    QFont heading = m_kindLabel->font();
    heading.setBold(true);
    m_kindLabel->setFont(heading);

    m_tokenUrl->setPlaceholderText(QLatin1String(CredentialProfile::DefaultTokenUrl));
    m_scope->setPlaceholderText(tr("optional"));
    m_clientAuth->setObjectName(QStringLiteral("clientAuthComboBox"));
    m_clientAuth->setAccessibleName(tr("Client authentication"));
    m_clientAuth->addItem(tr("JSON body (as the Digishare docs)"), int(ClientAuthStyle::JsonBody));
    m_clientAuth->addItem(tr("Form body (RFC 6749)"), int(ClientAuthStyle::FormBody));
    m_clientAuth->addItem(tr("HTTP Basic (RFC 6749)"), int(ClientAuthStyle::HttpBasic));
    m_allowedOrigins->setObjectName(QStringLiteral("allowedOriginsPlainTextEdit"));
    m_allowedOrigins->setAccessibleName(tr("Allowed origins"));
    m_allowedOrigins->setPlaceholderText(
        tr("https://api.example.com — one per line or comma separated; empty: the request's own "
           "origin (PAT) or the token URL's origin (OAuth)"));
    m_allowedOrigins->setTabChangesFocus(true);
    m_allowedOrigins->setFixedHeight(
        m_allowedOrigins->fontMetrics().lineSpacing() * 4 + 2 * m_allowedOrigins->frameWidth() + 8);

    // A form per kind (only one is shown) and one for both; their label columns are aligned below.
    m_patPage = new QWidget(this);
    auto *patForm = formLayout(m_patPage);
    patForm->addRow(tr("&Token:"), m_token);

    m_oauthPage = new QWidget(this);
    auto *oauthForm = formLayout(m_oauthPage);
    oauthForm->addRow(tr("Token &URL:"), m_tokenUrl);
    oauthForm->addRow(tr("Client &ID:"), m_clientId);
    oauthForm->addRow(tr("Client &secret:"), m_clientSecret);
    oauthForm->addRow(tr("S&cope:"), m_scope);
    oauthForm->addRow(tr("Client &authentication:"), m_clientAuth);
    auto *tokenButtons = new QHBoxLayout;
    for (auto [button, name, accessible] :
        { std::tuple { m_getToken, "getTokenButton", tr("Get token") },
            std::tuple { m_forgetToken, "forgetTokenButton", tr("Forget token") },
            std::tuple { m_copyToken, "copyTokenButton", tr("Copy token to the clipboard") } }) {
        button->setObjectName(QLatin1String(name));
        button->setAccessibleName(accessible);
        button->setAutoDefault(false);
        tokenButtons->addWidget(button);
    }
    tokenButtons->addStretch();
    m_copyToken->setEnabled(false);
    // Hidden widgets in a box take no room, unlike an empty form row.
    auto *tokenBox = new QVBoxLayout;
    tokenBox->addLayout(tokenButtons);
    tokenBox->addWidget(m_tokenStatus);
    m_tokenStatus->hide();
    oauthForm->addRow(QString(), tokenBox);

    auto *commonForm = formLayout(nullptr);
    auto *originsBox = new QVBoxLayout;
    originsBox->addWidget(m_allowedOrigins);
    originsBox->addWidget(m_originsNote);
    m_originsNote->hide();
    auto *originsLabel = new QLabel(tr("Allowed &origins:"), this);
    originsLabel->setBuddy(m_allowedOrigins);
    commonForm->addRow(originsLabel, originsBox);

    int labelWidth = 0;
    for (QFormLayout *form : { patForm, oauthForm, commonForm }) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole))
                labelWidth = std::max(labelWidth, item->widget()->sizeHint().width());
        }
    }
    for (QFormLayout *form : { patForm, oauthForm, commonForm }) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole)) {
                item->widget()->setMinimumWidth(labelWidth);
                if (auto *label = qobject_cast<QLabel *>(item->widget()))
                    label->setTextFormat(Qt::PlainText); // mnemonics still work
                if (auto *label = qobject_cast<QLabel *>(item->widget()))
                    label->setAlignment(
                        Qt::AlignRight | (label == originsLabel ? Qt::AlignTop : Qt::AlignVCenter));
            }
        }
    }

    for (auto [button, name] : { std::pair { m_save, "saveProfileButton" },
             std::pair { m_revert, "revertProfileButton" } }) {
        button->setObjectName(QLatin1String(name));
        button->setAccessibleName(button->text());
        button->setAutoDefault(false);
        button->setEnabled(false);
    }
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveStatus, 1);
    saveRow->addWidget(m_revert);
    saveRow->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_kindLabel);
    layout->addWidget(m_locationLabel);
    layout->addSpacing(6);
    layout->addWidget(m_patPage);
    layout->addWidget(m_oauthPage);
    layout->addLayout(commonForm);
    layout->addWidget(m_variableLabel);
    layout->addStretch(1);
    layout->addLayout(saveRow);

    const auto edited = [this] { setModified(true); };
    connect(m_tokenUrl, &QLineEdit::textEdited, this, edited);
    connect(m_clientId, &QLineEdit::textEdited, this, edited);
    connect(m_scope, &QLineEdit::textEdited, this, edited);
    connect(m_clientAuth, &QComboBox::activated, this, edited);
    connect(m_allowedOrigins, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            setModified(true);
        updateOriginsNote();
    });
    for (SecretField *field : { m_token, m_clientSecret }) {
        connect(field, &SecretField::textEdited, this, [this] {
            m_secretModified = true;
            setModified(true);
        });
    }
    connect(m_save, &QPushButton::clicked, this, &CredentialProfileEditor::saveRequested);
    connect(m_revert, &QPushButton::clicked, this, &CredentialProfileEditor::revertRequested);
    connect(m_getToken, &QPushButton::clicked, this, &CredentialProfileEditor::getTokenRequested);
    connect(
        m_forgetToken, &QPushButton::clicked, this, &CredentialProfileEditor::forgetTokenRequested);
    connect(m_copyToken, &QPushButton::clicked, this, &CredentialProfileEditor::copyTokenRequested);
}

QLineEdit *CredentialProfileEditor::addLineEdit(const QString &name, const QString &accessibleName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    ClearButtonOnDemand::install(edit);
    return edit;
}

void CredentialProfileEditor::setProfile(
    const CredentialProfile &profile, const QString &secretVariable, const QString &locationLabel)
{
    m_loading = true;
    m_profile = profile;
    m_secretVariable = secretVariable;
    const bool pat = profile.kind == CredentialProfile::Kind::PersonalAccessToken;
    m_kindLabel->setText(CredentialText::kindName(profile.kind));
    m_locationLabel->setText(tr("Used by: %1").arg(locationLabel));
    m_patPage->setVisible(pat);
    m_oauthPage->setVisible(!pat);
    m_tokenUrl->setText(profile.tokenUrl);
    m_clientId->setText(profile.clientId);
    m_scope->setText(profile.scope);
    m_clientAuth->setCurrentIndex(m_clientAuth->findData(int(profile.clientAuth)));
    m_allowedOrigins->setPlainText(CredentialText::formatOrigins(profile.allowedOrigins));
    m_variableLabel->setText(
        tr("Saved in the collection file as %1; the value stays in the keychain.")
            .arg(reference(secretVariable)));
    setSecret({}, tr("Reading the keychain…"));
    m_secretModified = false;
    m_saveStatus->clear();
    setTokenStatus({});
    setTokenAvailable(false);
    setModified(false);
    m_loading = false;
}

void CredentialProfileEditor::setSecret(const QString &value, const QString &placeholder)
{
    SecretField *field
        = m_profile.kind == CredentialProfile::Kind::PersonalAccessToken ? m_token : m_clientSecret;
    field->setText(value);
    field->setPlaceholderText(placeholder);
}

void CredentialProfileEditor::setUnsavedSecret(const QString &value, const QString &note)
{
    setSecret(value);
    m_secretModified = true;
    setModified(true);
    setSaveStatus(note);
}

CredentialProfile CredentialProfileEditor::editedProfile() const
{
    CredentialProfile p = m_profile;
    if (p.kind == CredentialProfile::Kind::PersonalAccessToken) {
        p.token = reference(m_secretVariable);
    } else {
        p.tokenUrl = m_tokenUrl->text().trimmed();
        if (p.tokenUrl.isEmpty())
            p.tokenUrl = QLatin1String(CredentialProfile::DefaultTokenUrl);
        p.clientId = m_clientId->text().trimmed();
        p.clientSecret = reference(m_secretVariable);
        p.scope = m_scope->text().trimmed();
        p.clientAuth = ClientAuthStyle(m_clientAuth->currentData().toInt());
    }
    p.allowedOrigins = CredentialText::parseOrigins(m_allowedOrigins->toPlainText()).valid;
    return p;
}

QString CredentialProfileEditor::secretValue() const
{
    return m_profile.kind == CredentialProfile::Kind::PersonalAccessToken ? m_token->text()
                                                                          : m_clientSecret->text();
}

void CredentialProfileEditor::markSaved()
{
    m_secretModified = false;
    setModified(false);
}

void CredentialProfileEditor::setModified(bool modified)
{
    m_save->setEnabled(modified);
    m_revert->setEnabled(modified);
    if (modified == m_modified)
        return;
    m_modified = modified;
    if (modified)
        m_saveStatus->setText(tr("Unsaved changes"));
    Q_EMIT modifiedChanged(modified);
}

void CredentialProfileEditor::updateOriginsNote()
{
    const QStringList invalid
        = CredentialText::parseOrigins(m_allowedOrigins->toPlainText()).invalid;
    m_originsNote->setText(invalid.isEmpty() ? QString()
                                             : tr("Not an http(s) origin, will be dropped: %1")
                                                   .arg(invalid.join(QStringLiteral(", "))));
    m_originsNote->setVisible(!invalid.isEmpty());
}

void CredentialProfileEditor::setTokenStatus(const QString &text, bool busy)
{
    m_tokenStatus->setText(text);
    m_tokenStatus->setVisible(!text.isEmpty());
    m_getToken->setEnabled(!busy);
}

void CredentialProfileEditor::setTokenAvailable(bool available)
{
    m_copyToken->setEnabled(available);
}

void CredentialProfileEditor::setSaveStatus(const QString &text)
{
    m_saveStatus->setText(text);
}

} // namespace Playground
