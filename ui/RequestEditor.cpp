#include "ui/RequestEditor.h"

#include "app/core/PlainToolTip.h"
#include "app/formats/PastedRequest.h"
#include "app/model/QueryText.h"

#include "ui/AuthEditor.h"
#include "ui/AutomaticHeadersTable.h"
#include "ui/BodyEditor.h"
#include "ui/ClearButtonOnDemand.h"
#include "ui/CollectionItemDelegate.h"
#include "ui/DescriptionView.h"
#include "ui/ElidedLabel.h"
#include "ui/HeaderCompletionDelegate.h"
#include "ui/KeyValueTable.h"
#include "ui/PathVariablesTable.h"
#include "ui/RawBodyEditor.h"
#include "ui/RequestSettingsEditor.h"
#include "ui/VariableFieldHighlighter.h"

#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Playground {

RequestEditor::RequestEditor(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(this))
    , m_methodCombo(new QComboBox(this))
    , m_urlEdit(new QLineEdit(this))
    , m_urlHighlighter(nullptr)
    , m_sendButton(new QPushButton(tr("Send"), this))
    , m_variablesLabel(new ElidedLabel(this))
    , m_knownVariablesLabel(new ElidedLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_paramsTable(new KeyValueTable(tr("Query parameters"), this))
    , m_headersTable(new KeyValueTable(tr("Request headers"), this))
    , m_authLabel(new QLabel(this))
    , m_automaticHeaders(new AutomaticHeadersTable(this))
    , m_authEditor(new AuthEditor(this))
    , m_bodyEditor(new BodyEditor(this))
{
    setObjectName(QStringLiteral("requestEditor"));
    m_titleLabel->setObjectName(QStringLiteral("requestTitleLabel"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    m_methodCombo->setObjectName(QStringLiteral("methodComboBox"));
    m_methodCombo->setAccessibleName(tr("HTTP method"));
    m_methodCombo->setEditable(true);
    m_methodCombo->setInsertPolicy(QComboBox::NoInsert);
    m_methodCombo->addItems({ QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
        QStringLiteral("OPTIONS") });
    // Any RFC 9110 token is a method; custom verbs are typed in.
    m_methodCombo->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}")), m_methodCombo));
    m_methodCombo->setMinimumContentsLength(8);
    m_methodCombo->setToolTip(tr("HTTP method; type a custom one if you need it"));

    m_urlEdit->setObjectName(QStringLiteral("urlLineEdit"));
    m_urlEdit->setAccessibleName(tr("Request URL"));
    m_urlEdit->setPlaceholderText(tr("Type a URL or paste a cURL command — {{variables}} allowed"));
    ClearButtonOnDemand::install(m_urlEdit);
    m_urlEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_urlHighlighter = new VariableFieldHighlighter(m_urlEdit);

    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setAccessibleName(tr("Send request"));
    m_sendButton->setToolTip(tr("Send (Ctrl+Enter)"));
    m_sendButton->setDefault(true);
    m_sendButton->setMinimumWidth(m_sendButton->fontMetrics().horizontalAdvance(tr("Cancel")) + 40);

    // One line each, reserved while hidden: the editor never jumps when one appears.
    m_variablesLabel->setObjectName(QStringLiteral("variablesLabel"));
    m_variablesLabel->setHint(
        tr("Give these a value in the collection's variables before sending"));
    QPalette missingPalette = m_variablesLabel->palette();
    missingPalette.setColor(QPalette::WindowText, QColor(0xd6, 0x45, 0x45));
    m_variablesLabel->setPalette(missingPalette);
    // The other label keeps the line's height; this one takes no width while hidden.
    QSizePolicy missingPolicy = m_variablesLabel->sizePolicy();
    missingPolicy.setRetainSizeWhenHidden(false);
    m_variablesLabel->setSizePolicy(missingPolicy);
    m_variablesLabel->hide();
    m_knownVariablesLabel->setObjectName(QStringLiteral("knownVariablesLabel"));
    m_knownVariablesLabel->setForegroundRole(QPalette::PlaceholderText);
    m_knownVariablesLabel->setHint(tr("Variables with a value (values are not shown)"));
    m_knownVariablesLabel->hide();

    m_paramsTable->setObjectName(QStringLiteral("paramsTableWidget"));
    m_headersTable->setObjectName(QStringLiteral("headersTableWidget"));
    m_authLabel->setObjectName(QStringLiteral("authLabel"));
    m_authLabel->setTextFormat(Qt::PlainText);
    m_authLabel->setWordWrap(true);
    m_authLabel->hide();

    auto *headersTab = new QWidget(this);
    auto *headersLayout = new QVBoxLayout(headersTab);
    headersLayout->setContentsMargins(0, 4, 0, 0);
    headersLayout->addWidget(m_authLabel);
    headersLayout->addWidget(m_headersTable, 1);
    headersLayout->addWidget(m_automaticHeaders);
    m_automaticHeaders->setObjectName(QStringLiteral("automaticHeadersTableWidget"));

    m_tabs->setObjectName(QStringLiteral("requestTabWidget"));
    m_tabs->setAccessibleName(tr("Request parts"));
    m_tabs->setDocumentMode(true);
    m_paramsTab = new QWidget(this);
    m_pathTable = new PathVariablesTable(m_paramsTab);
    m_pathLabel = new QLabel(tr("Path variables"), m_paramsTab);
    m_pathLabel->setObjectName(QStringLiteral("pathVariablesLabel"));
    m_pathLabel->setTextFormat(Qt::PlainText);
    auto *paramsLayout = new QVBoxLayout(m_paramsTab);
    paramsLayout->setContentsMargins(0, 4, 0, 0);
    paramsLayout->addWidget(m_paramsTable, 2);
    paramsLayout->addWidget(m_pathLabel);
    paramsLayout->addWidget(m_pathTable, 1);
    connect(m_pathTable, &PathVariablesTable::rowsEdited, this, [this] {
        if (m_loading)
            return;
        m_request.url.pathVariables = m_pathTable->rows();
        Q_EMIT requestEdited();
    });
    m_tabs->addTab(m_paramsTab, tr("Params"));
    m_tabs->addTab(m_authEditor, tr("Auth"));
    m_tabs->addTab(headersTab, tr("Headers"));
    m_tabs->addTab(m_bodyEditor, tr("Body"));
    m_settingsEditor = new RequestSettingsEditor(this);
    m_tabs->addTab(m_settingsEditor, tr("Settings"));
    m_description = new DescriptionView(this);
    m_tabs->addTab(m_description, tr("Description"));
    connect(m_description, &DescriptionView::descriptionEdited, this,
        [this](const QString &description) {
            m_request.description = description;
            Q_EMIT descriptionEdited(description);
        });
    // Certificate checks off: the tab says so whichever tab is open.
    connect(m_settingsEditor, &RequestSettingsEditor::insecureChanged, this, [this](bool insecure) {
        const int index = m_tabs->indexOf(m_settingsEditor);
        m_tabs->setTabText(index, insecure ? tr("Settings — TLS checks off") : tr("Settings"));
        m_tabs->setTabIcon(
            index, insecure ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    });

    auto *urlRow = new QHBoxLayout;
    urlRow->setSpacing(6);
    urlRow->addWidget(m_methodCombo);
    urlRow->addWidget(m_urlEdit, 1);
    urlRow->addWidget(m_sendButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(m_titleLabel);
    // The variables line sits right under the URL it speaks of, its height always reserved.
    auto *urlBlock = new QVBoxLayout;
    urlBlock->setSpacing(0);
    urlBlock->addLayout(urlRow);
    auto *variablesRow = new QHBoxLayout;
    variablesRow->setSpacing(12);
    variablesRow->addWidget(m_variablesLabel);
    variablesRow->addWidget(m_knownVariablesLabel, 1);
    urlBlock->addLayout(variablesRow);
    layout->addLayout(urlBlock);
    layout->addWidget(m_tabs, 1);

    connect(m_methodCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (m_loading || text.isEmpty() || text == m_request.method)
            return;
        m_request.method = text;
        updateMethodLook();
        Q_EMIT requestEdited();
    });
    connect(m_urlEdit, &QLineEdit::textChanged, this, &RequestEditor::onUrlEdited);
    // The table shows what the server receives; the URL keeps it encoded.
    m_paramsTable->setCodec(&QueryText::display, &QueryText::urlForm);
    m_urlEdit->installEventFilter(this);
    m_bodyEditor->rawEditor()->textEdit()->installEventFilter(this);
    m_bodyEditor->rawEditor()->textEdit()->setUndoRedoEnabled(false);
    connect(m_bodyEditor, &BodyEditor::bodyEdited, this, &RequestEditor::onBodyEdited);
    connect(m_authEditor, &AuthEditor::authEdited, this, [this] {
        if (m_loading)
            return;
        m_request.auth = m_authEditor->auth();
        updateTabTitles();
        Q_EMIT authEdited(m_request.auth);
    });
    connect(m_urlEdit, &QLineEdit::returnPressed, this, [this] {
        if (!m_inFlight)
            Q_EMIT sendRequested();
    });
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        if (m_inFlight)
            Q_EMIT cancelRequested();
        else
            Q_EMIT sendRequested();
    });
    connect(m_paramsTable, &KeyValueTable::rowsEdited, this, &RequestEditor::onParamsEdited);
    connect(m_headersTable, &KeyValueTable::rowsEdited, this, &RequestEditor::onHeadersEdited);
    m_headersTable->setItemDelegate(new HeaderCompletionDelegate(
        KeyValueTable::KeyColumn, KeyValueTable::ValueColumn, m_headersTable));

    setRequest({}, tr("Scratch request"));
}

void RequestEditor::setRequest(const RequestSpec &request, const QString &title)
{
    m_loading = true;
    m_request = request;
    m_titleLabel->setText(title);
    m_titleLabel->setToolTip(plainToolTip(title));
    m_methodCombo->setEditText(request.method);
    const int known = m_methodCombo->findText(request.method);
    if (known >= 0)
        m_methodCombo->setCurrentIndex(known);
    m_methodCombo->setEditText(request.method);
    m_urlEdit->setText(request.url.raw());
    m_urlEdit->setCursorPosition(0);
    updateMethodLook();
    m_paramsTable->setRows(request.url.query);
    showPathVariables();
    m_headersTable->setRows(request.headers);
    m_bodyEditor->setBody(request.body);
    m_authEditor->setAuth(request.auth);
    m_description->setDescription(request.description);
    updateTabTitles();
    m_loading = false;
}

bool RequestEditor::eventFilter(QObject *watched, QEvent *event)
{
    // A curl command pasted into the URL field becomes the whole request (before the field cuts
    // its lines and takes it as a URL).
    if (watched == m_urlEdit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste)) {
        const QString text = QGuiApplication::clipboard()->text();
        if (const auto pasted = PastedRequest::fromPaste(text)) {
            if (pasted->ok())
                Q_EMIT requestPasted(pasted->value());
            else
                Q_EMIT pasteFailed(pasted->error());
            return true;
        }
    }
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->keyCombination());
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)
            || pressed == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z))
            return true; // not taken by the field: the window's Undo/Redo action runs
    }
    return QWidget::eventFilter(watched, event);
}

void RequestEditor::onUrlEdited(const QString &text)
{
    if (m_loading)
        return;
    // A curl command that arrived another way (typed, middle-click paste, drop).
    if (const auto pasted = PastedRequest::fromPaste(text); pasted && pasted->ok()) {
        Q_EMIT requestPasted(pasted->value());
        return;
    }
    const UrlSpec url = m_request.url.withTyped(text);
    m_request.url = url;
    m_loading = true;
    m_paramsTable->setRows(url.query);
    showPathVariables();
    m_loading = false;
    updateTabTitles();
    Q_EMIT requestEdited();
}

void RequestEditor::showPathVariables()
{
    m_pathTable->setRows(m_request.url.pathVariables);
    const bool any = !m_request.url.pathVariables.isEmpty();
    m_pathLabel->setVisible(any);
    m_pathTable->setVisible(any);
}

void RequestEditor::onParamsEdited()
{
    if (m_loading)
        return;
    m_request.url.query = m_paramsTable->rows();
    m_loading = true;
    const int cursor = m_urlEdit->cursorPosition();
    m_urlEdit->setText(m_request.url.raw());
    m_urlEdit->setCursorPosition(cursor);
    m_loading = false;
    updateTabTitles();
    Q_EMIT requestEdited();
}

void RequestEditor::onHeadersEdited()
{
    if (m_loading)
        return;
    m_request.headers = m_headersTable->rows();
    updateTabTitles();
    Q_EMIT requestEdited();
}

void RequestEditor::onBodyEdited()
{
    if (m_loading)
        return;
    m_request.body = m_bodyEditor->body();
    updateTabTitles();
    Q_EMIT requestEdited();
}

void RequestEditor::updateTabTitles()
{
    const auto titled = [](const QString &name, int count) {
        return count > 0 ? QStringLiteral("%1 (%2)").arg(name).arg(count) : name;
    };
    m_tabs->setTabText(
        m_tabs->indexOf(m_paramsTab), titled(tr("Params"), m_paramsTable->enabledCount()));
    m_tabs->setTabText(m_tabs->indexOf(m_headersTable->parentWidget()),
        titled(tr("Headers"), m_headersTable->enabledCount()));
    const std::optional<AuthSpec> &auth = m_request.auth;
    m_tabs->setTabText(m_tabs->indexOf(m_authEditor),
        !auth || auth->inherits() ? tr("Auth")
                                  : QStringLiteral("%1 · %2").arg(tr("Auth"), auth->type));
    QString bodyTitle = tr("Body");
    if (const QString mode = m_bodyEditor->modeTitle(); !mode.isEmpty())
        bodyTitle += QStringLiteral(" · %1").arg(mode);
    if (!m_bodyEditor->problemText().isEmpty())
        bodyTitle += QStringLiteral(" ⚠");
    m_tabs->setTabText(m_tabs->indexOf(m_bodyEditor), bodyTitle);
}

void RequestEditor::updateMethodLook()
{
    QLineEdit *edit = m_methodCombo->lineEdit();
    QPalette palette = m_methodCombo->palette();
    palette.setColor(QPalette::Text, CollectionItemDelegate::methodColor(m_request.method));
    edit->setPalette(palette);
    QFont font = m_methodCombo->font();
    font.setBold(true);
    edit->setFont(font);
}

void RequestEditor::setInFlight(bool inFlight)
{
    m_inFlight = inFlight;
    m_sendButton->setText(inFlight ? tr("Cancel") : tr("Send"));
    m_sendButton->setAccessibleName(inFlight ? tr("Cancel request") : tr("Send request"));
    m_sendButton->setToolTip(inFlight ? tr("Cancel (Ctrl+Enter)") : tr("Send (Ctrl+Enter)"));
}

void RequestEditor::setVariableNames(const QStringList &known, const QStringList &missing)
{
    m_knownNames = known;
    QStringList missingParts;
    for (const QString &name : missing)
        missingParts << QStringLiteral("{{%1}}").arg(name);
    m_variablesLabel->setFullText(missing.isEmpty()
            ? QString()
            : tr("No value: %1").arg(missingParts.join(QStringLiteral("  "))));
    m_variablesLabel->setVisible(!missing.isEmpty());
    QStringList knownParts;
    for (const QString &name : known)
        knownParts << QStringLiteral("{{%1}} ✓").arg(name);
    m_knownVariablesLabel->setFullText(knownParts.join(QStringLiteral("  ")));
    m_knownVariablesLabel->setVisible(!known.isEmpty());
}

void RequestEditor::setAuthNote(const QString &note)
{
    m_authLabel->setText(note);
    m_authLabel->setVisible(!note.isEmpty());
    m_authEditor->setInheritedNote(note);
}

void RequestEditor::setVariableScopes(const VariableScopes &scopes)
{
    m_urlHighlighter->setScopes(scopes, m_knownNames);
}

void RequestEditor::setEffectiveAuth(const AuthSpec &auth)
{
    m_automaticHeaders->setHeaders(AutomaticHeaders::of(m_request, auth));
}

void RequestEditor::focusUrl()
{
    m_urlEdit->setFocus();
    m_urlEdit->selectAll();
}

} // namespace Playground
