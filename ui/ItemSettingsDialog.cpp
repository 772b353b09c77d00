#include "ui/ItemSettingsDialog.h"

#include "app/auth/InheritedAuth.h"
#include "app/document/CollectionDocument.h"
#include "app/document/SetAuthCommand.h"
#include "app/document/SetDescriptionCommand.h"
#include "ui/AuthEditor.h"
#include "ui/PlainLabel.h"
#include "ui/ScopeVariablesBinding.h"
#include "ui/VariablesTableEditor.h"

#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Playground {

namespace {

    QString authTypeText(const QString &type)
    {
        if (type == QLatin1String("bearer"))
            return ItemSettingsDialog::tr("Bearer token");
        if (type == QLatin1String("basic"))
            return ItemSettingsDialog::tr("Basic auth");
        if (type == QLatin1String("apikey"))
            return ItemSettingsDialog::tr("API key");
        if (type == QLatin1String("oauth2"))
            return ItemSettingsDialog::tr("OAuth 2.0");
        return type;
    }

} // namespace

ItemSettingsDialog::ItemSettingsDialog(
    CollectionDocument *document, SecretStore *store, const QList<int> &path, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_path(path)
    , m_tabs(new QTabWidget(this))
    , m_authEditor(new AuthEditor(this))
    , m_variables(new VariablesTableEditor(
          path.isEmpty() ? QStringLiteral("settingsCollection") : QStringLiteral("settingsFolder"),
          path.isEmpty() ? tr("Collection variables") : tr("Folder variables"), this))
    , m_variablesStatus(plainLabel(QStringLiteral("settingsVariablesStatusLabel"), this))
    , m_binding(new ScopeVariablesBinding(m_variables, m_variablesStatus, store, this))
    , m_description(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("itemSettingsDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    const CollectionItem *item = m_path.isEmpty() ? nullptr : itemAt(document->collection(), path);
    setWindowTitle(item ? tr("Folder \"%1\"").arg(item->name)
                        : tr("Collection \"%1\"").arg(document->collection().name));
    setAccessibleName(windowTitle());

    m_tabs->setObjectName(QStringLiteral("itemSettingsTabWidget"));
    m_tabs->setAccessibleName(tr("Settings"));
    if (m_path.isEmpty())
        m_authEditor->setInheritedText(
            tr("Nothing is above the collection: inheriting adds no auth, like No auth."));

    m_variablesStatus->setForegroundRole(QPalette::PlaceholderText);
    m_variablesStatus->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Two lines reserved: a message never moves the table.
    m_variablesStatus->setMinimumHeight(2 * m_variablesStatus->fontMetrics().lineSpacing());
    m_variablesStatus->setText(m_path.isEmpty()
            ? tr("Used as {{name}} by every request. Secret values live in the system keychain, "
                 "never in the file.")
            : tr("Used as {{name}} by the requests in this folder (a collection or environment "
                 "variable of the same name wins)."));
    auto *variablesPage = new QWidget(this);
    auto *variablesLayout = new QVBoxLayout(variablesPage);
    variablesLayout->addWidget(m_variables, 1);
    variablesLayout->addWidget(m_variablesStatus);

    m_description->setObjectName(QStringLiteral("itemDescriptionPlainTextEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("What this %1 is for (kept in the collection file)")
                                          .arg(m_path.isEmpty() ? tr("collection") : tr("folder")));
    m_description->setTabChangesFocus(true);

    auto *authPage = new QWidget(this);
    auto *authLayout = new QVBoxLayout(authPage);
    authLayout->addWidget(m_authEditor);
    m_tabs->addTab(authPage, tr("Auth"));
    m_tabs->addTab(variablesPage, tr("Variables"));
    m_tabs->addTab(m_description, tr("Description"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("itemSettingsButtonBox"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("itemSettingsCloseButton"));
    close->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);

    connect(m_authEditor, &AuthEditor::authEdited, this, &ItemSettingsDialog::onAuthEdited);
    connect(m_description, &QPlainTextEdit::textChanged, this,
        &ItemSettingsDialog::onDescriptionEdited);
    connect(document, &CollectionDocument::changed, this, &ItemSettingsDialog::onChanged);
    connect(document, &CollectionDocument::reset, this, &QDialog::reject);
    m_binding->setPath(m_path);
    m_binding->setDocument(document);
    showAuth();
    showDescription();
    resize(560, 420);
}

void ItemSettingsDialog::onChanged(const DocumentChange &change)
{
    // Rows moving or going may leave the path pointing elsewhere: the dialog goes.
    if (change.isStructural()) {
        reject();
        return;
    }
    if (change.kind == DocumentChange::Kind::Auth)
        showAuth(); // ours, or one above ours (what inheriting gives)
    else if (change.kind == DocumentChange::Kind::Item && change.path == m_path)
        showDescription();
}

void ItemSettingsDialog::showAuth()
{
    if (!m_document || m_loading)
        return;
    const Collection &collection = m_document->collection();
    if (const std::optional<AuthSpec> *auth = SetAuthCommand::slot(collection, m_path))
        m_authEditor->setAuth(*auth);
    if (m_path.isEmpty())
        return;
    const InheritedAuth inherited = InheritedAuth::above(collection, m_path);
    m_authEditor->setInheritedNote(!inherited.adds() ? QString()
            : inherited.folder.isEmpty()
            ? tr("%1 from the collection is added when a request is sent.")
                  .arg(authTypeText(inherited.auth.type))
            : tr("%1 from folder \"%2\" is added when a request is sent.")
                  .arg(authTypeText(inherited.auth.type), inherited.folder));
}

void ItemSettingsDialog::showDescription()
{
    if (!m_document || m_loading)
        return;
    const QString *text = SetDescriptionCommand::descriptionAt(m_document->collection(), m_path);
    if (!text || *text == m_description->toPlainText())
        return;
    const QSignalBlocker blocker(m_description);
    m_description->setPlainText(*text);
}

void ItemSettingsDialog::onAuthEdited()
{
    if (!m_document || !m_document->isOpen())
        return;
    m_loading = true; // the editor already shows what the user chose
    m_document->submit(
        std::make_unique<SetAuthCommand>(m_document->collection(), m_path, m_authEditor->auth()));
    m_loading = false;
}

void ItemSettingsDialog::onDescriptionEdited()
{
    if (!m_document || !m_document->isOpen())
        return;
    m_loading = true;
    m_document->submit(std::make_unique<SetDescriptionCommand>(
        m_document->collection(), m_path, m_description->toPlainText()));
    m_loading = false;
}

} // namespace Playground
