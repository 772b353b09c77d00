#include "ui/CredentialsPanel.h"

#include "app/auth/CollectionSecrets.h"
#include "ui/PlainLabel.h"

#include "app/auth/CredentialProfileModel.h"
#include "app/auth/CredentialText.h"
#include "app/auth/ResolvedCredentials.h"
#include "app/document/CollectionDocument.h"
#include "app/policy/CredentialPolicy.h"
#include "app/secrets/SecretKey.h"
#include "app/secrets/SecretStore.h"
#include "app/send/SendService.h"
#include "ui/CredentialProfileEditor.h"
#include "ui/KeychainStatusBar.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Playground {

CredentialsPanel::CredentialsPanel(SecretStore *store, SendService *tokens, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_tokens(tokens)
    , m_model(new CredentialProfileModel(this))
    , m_editor(new CredentialProfileEditor(this))
    , m_list(new QListView(this))
    , m_add(new QPushButton(tr("Add…"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_pages(new QStackedWidget(this))
    , m_emptyLabel(plainLabel(QStringLiteral("emptyStateLabel"), this))
    , m_keychainStatus(new KeychainStatusBar(store, this))
    , m_panelStatus(plainLabel(QStringLiteral("panelStatusLabel"), this))
{
    setObjectName(QStringLiteral("credentialsPanel"));
    m_confirmer = [this](const QString &question) {
        return QMessageBox::question(this, tr("Remove Credentials"), question) == QMessageBox::Yes;
    };
    m_addPrompt = [this](const QList<ProfileLocation> &locations) {
        return AddProfileDialog::ask(locations, this);
    };

    m_list->setObjectName(QStringLiteral("profilesListView"));
    m_list->setAccessibleName(tr("Credential profiles"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setSpacing(3);
    // Long folder and request names are elided; the tooltip names the full place.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_add->setObjectName(QStringLiteral("addProfileButton"));
    m_add->setAccessibleName(tr("Add credentials"));
    m_remove->setObjectName(QStringLiteral("removeProfileButton"));
    m_remove->setAccessibleName(tr("Remove the selected credentials"));
    m_remove->setEnabled(false);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setContentsMargins(16, 16, 16, 16);
    m_pages->addWidget(m_emptyLabel);
    m_pages->addWidget(m_editor);
    m_panelStatus->hide();

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    listLayout->addLayout(buttons);
    listLayout->addWidget(m_panelStatus);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter = splitter;
    splitter->setObjectName(QStringLiteral("credentialsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(listSide);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_keychainStatus);

    connect(m_add, &QPushButton::clicked, this, &CredentialsPanel::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &CredentialsPanel::removeProfile);
    connect(
        m_model, &CredentialProfileModel::modelReset, this, &CredentialsPanel::updateEmptyState);
    connect(
        m_model, &CredentialProfileModel::rowsRemoved, this, &CredentialsPanel::updateEmptyState);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showRow(current.isValid() ? current.row() : -1); });
    connect(m_editor, &CredentialProfileEditor::modifiedChanged, this, [this](bool modified) {
        if (modified)
            m_editedSinceToken = true;
    });
    connect(
        m_editor, &CredentialProfileEditor::saveRequested, this, &CredentialsPanel::saveCurrent);
    connect(m_editor, &CredentialProfileEditor::revertRequested, this, [this] {
        const int row = m_shownRow;
        m_shownRow = -1;
        showRow(row);
    });
    connect(
        m_editor, &CredentialProfileEditor::getTokenRequested, this, &CredentialsPanel::getToken);
    connect(m_editor, &CredentialProfileEditor::forgetTokenRequested, this,
        &CredentialsPanel::forgetToken);
    connect(
        m_editor, &CredentialProfileEditor::copyTokenRequested, this, &CredentialsPanel::copyToken);
    updateEmptyState();
}

CredentialsPanel::~CredentialsPanel() = default;

void CredentialsPanel::setDocument(CollectionDocument *document)
{
    // Edits in the form belong to the collection shown so far: kept there, as when another
    // profile is chosen.
    if (m_shownRow >= 0 && m_editor->isModified())
        saveCurrent();
    ++m_generation;
    m_shownRow = -1;
    m_model->setDocument(document);
    if (m_model->rowCount() > 0)
        setCurrentRow(0);
}

int CredentialsPanel::currentRow() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void CredentialsPanel::setCurrentRow(int row)
{
    m_list->setCurrentIndex(m_model->index(row));
}

void CredentialsPanel::updateEmptyState()
{
    const bool any = m_model->rowCount() > 0;
    if (!m_model->collection())
        m_emptyLabel->setText(tr("Open a collection to manage its credentials."));
    else if (!any)
        m_emptyLabel->setText(
            tr("This collection has no credentials yet.\n\nClick “Add…” for a personal access "
               "token or OAuth client credentials. The collection file only refers to them as "
               "{{variables}}; the secrets themselves go to the system keychain."));
    else
        m_emptyLabel->setText(tr("Select credentials on the left to edit them."));
    m_add->setEnabled(m_model->collection() != nullptr);
    if (!any || currentRow() < 0) {
        m_pages->setCurrentWidget(m_emptyLabel);
        m_remove->setEnabled(false);
        m_shownRow = -1;
    }
}

void CredentialsPanel::showRow(int row)
{
    if (row == m_shownRow)
        return;
    // Edits are kept rather than lost when the user moves to another profile.
    if (m_shownRow >= 0 && m_editor->isModified())
        saveCurrent();
    ++m_generation;
    m_token.reset();
    m_editedSinceToken = false;
    m_shownRow = row;
    m_remove->setEnabled(row >= 0);
    if (row < 0) {
        updateEmptyState();
        return;
    }
    const CredentialProfile profile = m_model->profile(row);
    const QStringList variables = profile.secretVariables();
    const bool pat = profile.kind == CredentialProfile::Kind::PersonalAccessToken;
    const QString variable = variables.isEmpty()
        ? m_model->uniqueVariableName(
            pat ? QStringLiteral("accessToken") : QStringLiteral("clientSecret"))
        : variables.first();
    m_editor->setProfile(profile, variable, m_model->location(row).label);
    m_editor->setTokenStatus({}, m_tokens == nullptr);
    m_pages->setCurrentWidget(m_editor);
    const QString literal = pat ? profile.token : profile.clientSecret;
    if (variables.isEmpty() && !literal.isEmpty()) {
        // An imported file with the secret written in it: offer to move it to the keychain.
        m_editor->setUnsavedSecret(literal,
            tr("This secret is written in the collection file in plain text. Save moves it to the "
               "keychain as {{%1}}.")
                .arg(variable));
        return;
    }
    loadSecret(row);
}

void CredentialsPanel::loadSecret(int row)
{
    if (!m_store || !m_model->collection()) {
        m_editor->setSecret({}, tr("No secret store"));
        return;
    }
    const Result<QString> key = secretKey(m_editor->secretVariable());
    if (!key) {
        m_editor->setSecret({}, key.error());
        return;
    }
    const quint64 generation = m_generation;
    m_store->read(key.value(), this, [this, generation](const SecretResult &result) {
        if (generation != m_generation || m_editor->isSecretModified())
            return;
        if (!result.ok)
            m_editor->setSecret(
                {}, tr("Could not read it: %1 Type it to use it.").arg(result.error));
        else if (!result.value)
            m_editor->setSecret({}, tr("Nothing stored yet — type or paste it here"));
        else
            m_editor->setSecret(*result.value);
    });
}

void CredentialsPanel::saveCurrent()
{
    const int row = m_shownRow;
    if (!m_model->collection() || row < 0 || !m_editor->isModified())
        return;
    m_model->document()->ensureId(); // secrets are keyed by the collection's id
    const Result<QString> keyBefore = secretKey(m_editor->secretVariable());
    m_model->setProfile(row, m_editor->editedProfile());
    const Result<QString> keyAfter = secretKey(m_editor->secretVariable());
    // The secret is bound to the origins it may reach: new origins, new place in the store.
    if (!m_editor->isSecretModified() && keyBefore && keyAfter)
        CollectionSecrets::move(m_store, keyBefore.value(), keyAfter.value(), this);
    if (m_editor->isSecretModified() && m_store && !keyAfter) {
        m_editor->setSaveStatus(
            tr("Saved, but the secret was not stored: %1").arg(keyAfter.error()));
    } else if (m_editor->isSecretModified() && m_store) {
        const QString key = keyAfter.value();
        const QString value = m_editor->secretValue();
        const quint64 generation = m_generation;
        const auto done = [this, generation](const SecretResult &result) {
            if (generation != m_generation)
                return;
            if (!result.ok)
                m_editor->setSaveStatus(
                    tr("Saved, but the secret was not stored: %1").arg(result.error));
            else if (!result.persisted())
                m_editor->setSaveStatus(tr("Saved; the secret is kept for this session only."));
            else
                m_editor->setSaveStatus(tr("Saved; the secret is in the system keychain."));
        };
        if (value.isEmpty())
            m_store->remove(key, this, done);
        else
            m_store->write(key, value, this, done);
        m_editor->setSaveStatus(tr("Saving…"));
    } else {
        m_editor->setSaveStatus(tr("Saved."));
    }
    m_editor->markSaved();
}

void CredentialsPanel::addProfile()
{
    if (!m_model->collection())
        return;
    const QList<ProfileLocation> locations = m_model->freeLocations();
    if (locations.isEmpty()) {
        m_panelStatus->setText(tr("Every folder and request already has its own authorization."));
        m_panelStatus->show();
        return;
    }
    const std::optional<NewProfileChoice> choice = m_addPrompt(locations);
    if (!choice)
        return;
    saveCurrent();
    const CredentialProfile profile = m_model->newProfile(choice->kind);
    m_panelStatus->hide();
    const int row = m_model->addProfile(profile, choice->path);
    if (row < 0)
        return;
    setCurrentRow(row);
    m_editor->setFocus();
}

void CredentialsPanel::removeProfile()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const CredentialProfile profile = m_model->profile(row);
    const QString question
        = tr("Remove “%1” from %2?\n\nIts secret is deleted from the keychain "
             "unless other credentials use it.")
              .arg(CredentialText::profileTitle(profile), m_model->location(row).label.toLower());
    if (!m_confirmer(question))
        return;
    ++m_generation;
    m_shownRow = -1; // the edits of a removed profile are dropped, not saved
    // Keys depend on the profile (the origins its secret may reach): take them while it exists.
    QHash<QString, QString> keys;
    for (const QString &variable : profile.secretVariables())
        if (const Result<QString> key = secretKey(variable))
            keys.insert(variable, key.value());
    m_model->removeProfile(row);
    if (m_tokens && profile.kind == CredentialProfile::Kind::ClientCredentials) {
        m_tokens->forgetToken(
            CredentialProfileModel::cachedTokenRequest(profile, m_model->collection()));
    }
    CollectionSecrets::removeUnused(m_store, *m_model->collection(), keys, this);
    if (m_model->rowCount() > 0)
        setCurrentRow(std::min(row, m_model->rowCount() - 1));
    updateEmptyState();
}

void CredentialsPanel::getToken()
{
    if (!m_tokens || m_shownRow < 0)
        return;
    VariableScopes scopes = CredentialProfileModel::scopes(m_model->collection());
    scopes.set(m_editor->secretVariable(), m_editor->secretValue(), true);
    const Result<ResolvedCredentials> resolved
        = ResolvedCredentials::resolve(m_editor->editedProfile(), scopes);
    if (!resolved) {
        m_editor->setTokenStatus(tr("Cannot ask for a token: %1.").arg(resolved.error()));
        return;
    }
    const TokenRequest request = resolved->tokenRequest;
    // After an edit (a new secret, say) the user wants these credentials checked, not a token
    // cached for the old ones.
    if (m_editedSinceToken)
        m_tokens->forgetToken(request);
    m_editedSinceToken = false;
    m_token.reset();
    m_editor->setTokenAvailable(false);
    m_editor->setTokenStatus(tr("Asking %1 for a token…").arg(request.tokenUrl.host()), true);
    const quint64 generation = m_generation;
    m_tokens->fetchToken(request, this, [this, generation](const Result<AccessToken> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_editor->setTokenStatus(tr("No token: %1").arg(result.error()));
            return;
        }
        m_token = result.value();
        m_editor->setTokenStatus(
            CredentialText::tokenSummary(result.value(), QDateTime::currentDateTimeUtc()));
        m_editor->setTokenAvailable(true);
    });
}

void CredentialsPanel::forgetToken()
{
    if (!m_tokens || m_shownRow < 0)
        return;
    m_tokens->forgetToken(CredentialProfileModel::cachedTokenRequest(
        m_editor->editedProfile(), m_model->collection()));
    ++m_generation; // an answer still on its way is not shown any more
    m_token.reset();
    m_editor->setTokenAvailable(false);
    m_editor->setTokenStatus(tr("Token forgotten; the next request fetches a new one."));
}

void CredentialsPanel::copyToken()
{
    if (m_token)
        QApplication::clipboard()->setMimeData(CredentialText::secretMimeData(m_token->value));
}

void CredentialsPanel::resizeEvent(QResizeEvent *event)
{
    // Docked in a narrow column, the list goes above the form instead of beside it.
    m_splitter->setOrientation(event->size().width() < NarrowWidth ? Qt::Vertical : Qt::Horizontal);
    QWidget::resizeEvent(event);
}

Result<QString> CredentialsPanel::secretKey(const QString &variable) const
{
    const Collection *collection = m_model->collection();
    if (!collection)
        return Result<QString>::failure(tr("No collection is open"));
    return CollectionSecrets::keyFor(*collection, variable);
}

} // namespace Playground
