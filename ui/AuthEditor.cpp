#include "ui/AuthEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Playground {

namespace {

    /** Combo rows and stacked pages, in the same order; "other" keeps a type we cannot edit. */
    const QStringList Types = { QStringLiteral("inherit"), QStringLiteral("noauth"),
        QStringLiteral("bearer"), QStringLiteral("basic"), QStringLiteral("apikey"),
        QStringLiteral("oauth2"), QStringLiteral("other") };

    /** A form row's label: plain text, like every label of the window. */
    QLabel *plainLabel(const QString &text, QWidget *parent)
    {
        auto *label = new QLabel(text, parent);
        label->setTextFormat(Qt::PlainText);
        return label;
    }

    const char ParamProperty[] = "authParam";
    const char SecretProperty[] = "authSecret";

} // namespace

AuthEditor::AuthEditor(QWidget *parent)
    : QWidget(parent)
    , m_typeCombo(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_inheritLabel(new QLabel(this))
    , m_otherLabel(new QLabel(this))
    , m_keyInCombo(new QComboBox(this))
    , m_problemLabel(new QLabel(this))
{
    m_typeCombo->setObjectName(QStringLiteral("authTypeComboBox"));
    m_typeCombo->setAccessibleName(tr("Auth type"));
    m_typeCombo->addItems({ tr("Inherit from parent"), tr("No auth"), tr("Bearer token"),
        tr("Basic auth"), tr("API key"), tr("OAuth 2.0 client credentials") });
    m_typeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setObjectName(QStringLiteral("authEditor"));

    for (QLabel *label : { m_inheritLabel, m_otherLabel }) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    }
    m_inheritLabel->setObjectName(QStringLiteral("authInheritLabel"));
    m_otherLabel->setObjectName(QStringLiteral("authOtherLabel"));
    auto *none = new QLabel(tr("No Authorization is added to this request."), this);
    none->setObjectName(QStringLiteral("authNoneLabel"));
    none->setTextFormat(Qt::PlainText);
    none->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *bearer = new QWidget(this);
    new QFormLayout(bearer);
    addField(bearer, QStringLiteral("authTokenLineEdit"), tr("Token"), tr("Bearer token"),
        QStringLiteral("token"), true);
    auto *basic = new QWidget(this);
    new QFormLayout(basic);
    addField(basic, QStringLiteral("authUsernameLineEdit"), tr("Username"), tr("Basic username"),
        QStringLiteral("username"), false);
    addField(basic, QStringLiteral("authPasswordLineEdit"), tr("Password"), tr("Basic password"),
        QStringLiteral("password"), true);
    auto *apiKey = new QWidget(this);
    new QFormLayout(apiKey);
    addField(apiKey, QStringLiteral("authKeyNameLineEdit"), tr("Key"), tr("API key name"),
        QStringLiteral("key"), false);
    addField(apiKey, QStringLiteral("authKeyValueLineEdit"), tr("Value"), tr("API key value"),
        QStringLiteral("value"), true);
    m_keyInCombo->setObjectName(QStringLiteral("authKeyInComboBox"));
    m_keyInCombo->setAccessibleName(tr("Where the API key goes"));
    m_keyInCombo->addItem(tr("Header"), QStringLiteral("header"));
    m_keyInCombo->addItem(tr("Query parameter"), QStringLiteral("query"));
    static_cast<QFormLayout *>(apiKey->layout())
        ->addRow(plainLabel(tr("Add to"), apiKey), m_keyInCombo);
    auto *oauth = new QWidget(this);
    new QFormLayout(oauth);
    addField(oauth, QStringLiteral("authTokenUrlLineEdit"), tr("Token URL"), tr("OAuth token URL"),
        QStringLiteral("accessTokenUrl"), false);
    addField(oauth, QStringLiteral("authClientIdLineEdit"), tr("Client ID"), tr("OAuth client ID"),
        QStringLiteral("clientId"), false);
    addField(oauth, QStringLiteral("authClientSecretLineEdit"), tr("Client secret"),
        tr("OAuth client secret"), QStringLiteral("clientSecret"), true);
    addField(oauth, QStringLiteral("authScopeLineEdit"), tr("Scope"), tr("OAuth scope"),
        QStringLiteral("scope"), false);

    for (QWidget *page : { static_cast<QWidget *>(m_inheritLabel), static_cast<QWidget *>(none),
             bearer, basic, apiKey, oauth, static_cast<QWidget *>(m_otherLabel) })
        m_pages->addWidget(page);

    auto *hint
        = new QLabel(tr("Secret fields take a {{variable}}: give it a value in the Variables "
                        "or Credentials panel, where it is kept in the keychain, never in "
                        "the collection file."),
            this);
    hint->setObjectName(QStringLiteral("authSecretHintLabel"));
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_problemLabel->setObjectName(QStringLiteral("authProblemLabel"));
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setMinimumHeight(2 * m_problemLabel->fontMetrics().height() + 4);
    m_problemLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_typeCombo, 0, Qt::AlignLeft);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_problemLabel);
    layout->addWidget(hint);

    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &AuthEditor::onTypeChosen);
    connect(m_keyInCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_auth || m_loading)
            return;
        m_auth->setParam(QStringLiteral("in"), m_keyInCombo->currentData().toString());
        Q_EMIT authEdited();
    });
    setAuth(std::nullopt);
}

QLineEdit *AuthEditor::addField(QWidget *page, const QString &name, const QString &label,
    const QString &accessibleName, const QString &param, bool secret)
{
    auto *field = new QLineEdit(page);
    field->setObjectName(name);
    field->setAccessibleName(accessibleName);
    field->setProperty(ParamProperty, param);
    field->setProperty(SecretProperty, secret);
    if (secret)
        field->setPlaceholderText(QStringLiteral("{{%1}}").arg(param));
    static_cast<QFormLayout *>(page->layout())->addRow(plainLabel(label, page), field);
    connect(field, &QLineEdit::textEdited, this, [this, field] { onFieldEdited(field); });
    m_fields.append(field);
    return field;
}

bool AuthEditor::isReference(const QString &text)
{
    static const QRegularExpression reference(QStringLiteral("^\\s*\\{\\{[^{}]+\\}\\}\\s*$"));
    return reference.match(text).hasMatch();
}

void AuthEditor::setAuth(const std::optional<AuthSpec> &auth)
{
    m_loading = true;
    m_auth = auth;
    m_problemLabel->clear();
    showAuth();
    m_loading = false;
}

void AuthEditor::setInheritedNote(const QString &note)
{
    m_inheritedNote = note;
    showInherited(); // the fields keep what is typed in them (a refused secret to fix)
}

void AuthEditor::setInheritedText(const QString &text)
{
    m_inheritedText = text;
    showInherited();
}

void AuthEditor::showInherited()
{
    m_inheritLabel->setText(!m_inheritedText.isEmpty() ? m_inheritedText
            : m_inheritedNote.isEmpty()
            ? tr("Inherited from the folder or collection, which add no auth.")
            : tr("Inherited from the folder or collection. %1").arg(m_inheritedNote));
}

void AuthEditor::showAuth()
{
    const QString type = m_auth ? m_auth->type : QStringLiteral("inherit");
    qsizetype index = Types.indexOf(type);
    if (type == QLatin1String("oauth2")
        && m_auth->param(QStringLiteral("grant_type")) != QLatin1String("client_credentials"))
        index = -1; // other OAuth grants are kept as read
    const QSignalBlocker typeBlocker(m_typeCombo);
    const QSignalBlocker inBlocker(m_keyInCombo);
    while (m_typeCombo->count() > Types.size() - 1)
        m_typeCombo->removeItem(m_typeCombo->count() - 1);
    if (index < 0) {
        index = Types.size() - 1;
        m_typeCombo->addItem(type);
        m_otherLabel->setText(
            tr("Auth of type \"%1\" is sent and saved as it was read; it cannot be edited here.")
                .arg(type));
    }
    m_typeCombo->setCurrentIndex(int(index));
    m_pages->setCurrentIndex(int(index));
    showInherited();
    for (QLineEdit *field : std::as_const(m_fields)) {
        if (!field->hasFocus() || m_loading)
            field->setText(
                m_auth ? m_auth->param(field->property(ParamProperty).toString()) : QString());
    }
    const int in = m_keyInCombo->findData(
        m_auth && m_auth->param(QStringLiteral("in")) == QLatin1String("query")
            ? QStringLiteral("query")
            : QStringLiteral("header"));
    m_keyInCombo->setCurrentIndex(in);
}

void AuthEditor::onTypeChosen(int index)
{
    if (index < 0 || index >= Types.size() - 1)
        return;
    const QString type = Types.at(index);
    if ((m_auth ? m_auth->type : QStringLiteral("inherit")) == type)
        return;
    if (type == QLatin1String("inherit")) {
        m_auth.reset();
    } else {
        AuthSpec auth;
        auth.type = type;
        // Defaults that name the variable a secret goes in.
        if (type == QLatin1String("bearer"))
            auth.setParam(QStringLiteral("token"), QStringLiteral("{{token}}"));
        else if (type == QLatin1String("basic"))
            auth.setParam(QStringLiteral("password"), QStringLiteral("{{password}}"));
        else if (type == QLatin1String("apikey")) {
            auth.setParam(QStringLiteral("key"), QStringLiteral("X-API-Key"));
            auth.setParam(QStringLiteral("value"), QStringLiteral("{{apiKey}}"));
            auth.setParam(QStringLiteral("in"), QStringLiteral("header"));
        } else if (type == QLatin1String("oauth2")) {
            auth.setParam(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
            auth.setParam(QStringLiteral("clientSecret"), QStringLiteral("{{clientSecret}}"));
        }
        m_auth = auth;
    }
    m_problemLabel->clear();
    m_loading = true;
    showAuth();
    m_loading = false;
    Q_EMIT authEdited();
}

void AuthEditor::onFieldEdited(QLineEdit *field)
{
    if (!m_auth || m_loading)
        return;
    const QString text = field->text();
    const bool secret = field->property(SecretProperty).toBool();
    if (secret && !text.isEmpty() && !isReference(text)) {
        // Kept in the field for the user to fix, never in the document (or its file).
        m_problemLabel->setText(tr("%1: type a {{variable}} name, not the secret itself; a value "
                                   "typed here would be written to the collection file.")
                                    .arg(field->accessibleName()));
        return;
    }
    m_problemLabel->clear();
    m_auth->setParam(field->property(ParamProperty).toString(), text);
    Q_EMIT authEdited();
}

} // namespace Playground
