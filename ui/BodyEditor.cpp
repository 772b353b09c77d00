#include "ui/BodyEditor.h"

#include "ui/FormDataTable.h"
#include "ui/GraphQlBodyEditor.h"
#include "ui/KeyValueTable.h"
#include "ui/RawBodyEditor.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Playground {

namespace {

    /** Combo rows and stacked pages, in the same order. */
    enum Page { RawPage, UrlEncodedPage, FormDataPage, FilePage, GraphQlPage, OtherPage };
    using Mode = RequestBody::Mode;

    const QList<Mode> ComboModes = { Mode::None, Mode::Raw, Mode::UrlEncoded, Mode::FormData,
        Mode::File, Mode::GraphQl, Mode::Other };

    Page pageOf(Mode mode)
    {
        switch (mode) {
        case Mode::UrlEncoded:
            return UrlEncodedPage;
        case Mode::FormData:
            return FormDataPage;
        case Mode::File:
            return FilePage;
        case Mode::GraphQl:
            return GraphQlPage;
        case Mode::Other:
            return OtherPage;
        default:
            return RawPage; // no body: the raw editor, so typing one starts a body
        }
    }

} // namespace

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_modeCombo(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_raw(new RawBodyEditor(this))
    , m_urlEncodedTable(new KeyValueTable(tr("Form fields"), this))
    , m_formDataTable(new FormDataTable(this))
    , m_formDataFileButton(new QPushButton(tr("Choose file…"), this))
    , m_fileEdit(new QLineEdit(this))
    , m_fileButton(new QPushButton(tr("Choose file…"), this))
    , m_fileNoteLabel(new QLabel(this))
    , m_graphQl(new GraphQlBodyEditor(this))
    , m_otherLabel(new QLabel(this))
    , m_chooseFile([](QWidget *parent, const QString &title) {
        return QFileDialog::getOpenFileName(parent, title);
    })
{
    m_modeCombo->setObjectName(QStringLiteral("bodyModeComboBox"));
    m_modeCombo->setAccessibleName(tr("Body type"));
    m_modeCombo->addItem(tr("No body"));
    m_modeCombo->addItem(tr("Raw"));
    m_modeCombo->addItem(QStringLiteral("x-www-form-urlencoded"));
    m_modeCombo->addItem(QStringLiteral("form-data"));
    m_modeCombo->addItem(tr("Binary file"));
    m_modeCombo->addItem(QStringLiteral("GraphQL"));
    m_modeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setObjectName(QStringLiteral("bodyEditor"));
    m_urlEncodedTable->setObjectName(QStringLiteral("urlEncodedTableWidget"));
    m_formDataTable->setObjectName(QStringLiteral("formDataTableWidget"));
    m_otherLabel->setObjectName(QStringLiteral("bodyOtherLabel"));
    m_otherLabel->setTextFormat(Qt::PlainText);
    m_otherLabel->setWordWrap(true);
    m_otherLabel->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    m_pages->addWidget(m_raw);
    m_pages->addWidget(m_urlEncodedTable);
    m_pages->addWidget(createFormDataPage());
    m_pages->addWidget(createFilePage());
    m_pages->addWidget(m_graphQl);
    m_pages->addWidget(m_otherLabel);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_modeCombo);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_pages, 1);

    connect(m_modeCombo, &QComboBox::currentIndexChanged, this, &BodyEditor::onModeChosen);
    connect(m_raw, &RawBodyEditor::edited, this, &BodyEditor::onRawEdited);
    connect(m_urlEncodedTable, &KeyValueTable::rowsEdited, this, [this] {
        m_body.urlEncoded = m_urlEncodedTable->rows();
        edited();
    });
    connect(m_formDataTable, &FormDataTable::rowsEdited, this, [this] {
        m_body.formData = m_formDataTable->parts();
        edited();
    });
    connect(m_graphQl, &GraphQlBodyEditor::edited, this, [this] {
        m_body.graphQlQuery = m_graphQl->query();
        m_body.graphQlVariables = m_graphQl->variables();
        edited();
    });
    connect(m_fileEdit, &QLineEdit::textEdited, this, [this](const QString &path) {
        m_body.filePath = path;
        edited();
    });
    setBody({});
}

QWidget *BodyEditor::createFormDataPage()
{
    auto *page = new QWidget(this);
    m_formDataFileButton->setObjectName(QStringLiteral("formDataFileButton"));
    m_formDataFileButton->setAccessibleName(tr("Choose a file for the selected part"));
    m_formDataFileButton->setToolTip(
        tr("Makes the selected part (or a new one) send a file; its path is saved, not its bytes"));
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_formDataFileButton);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_formDataTable, 1);
    layout->addLayout(row);
    connect(m_formDataFileButton, &QPushButton::clicked, this, [this] {
        const QString path = m_chooseFile(this, tr("File to send in this part"));
        if (!path.isEmpty())
            m_formDataTable->setFile(m_formDataTable->currentRow(), path);
    });
    return page;
}

QWidget *BodyEditor::createFilePage()
{
    auto *page = new QWidget(this);
    m_fileEdit->setObjectName(QStringLiteral("bodyFileLineEdit"));
    m_fileEdit->setAccessibleName(tr("File sent as the body"));
    m_fileEdit->setPlaceholderText(tr("Path of the file sent as the body, byte for byte"));
    m_fileButton->setObjectName(QStringLiteral("bodyFileButton"));
    m_fileButton->setAccessibleName(tr("Choose the file sent as the body"));
    m_fileNoteLabel->setObjectName(QStringLiteral("bodyFileNoteLabel"));
    m_fileNoteLabel->setTextFormat(Qt::PlainText);
    m_fileNoteLabel->setForegroundRole(QPalette::PlaceholderText);
    m_fileNoteLabel->setWordWrap(true);
    m_fileNoteLabel->setText(tr("The file is read when the request is sent; the collection keeps "
                                "its path. Content-Type: application/octet-stream unless a header "
                                "sets one."));
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_fileEdit, 1);
    row->addWidget(m_fileButton);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_fileNoteLabel);
    layout->addStretch(1);
    connect(m_fileButton, &QPushButton::clicked, this, [this] {
        const QString path = m_chooseFile(this, tr("File to send as the body"));
        if (path.isEmpty())
            return;
        m_fileEdit->setText(path);
        m_body.filePath = path;
        edited();
    });
    return page;
}

void BodyEditor::setBody(const RequestBody &body)
{
    m_loading = true;
    m_body = body;
    // No body yet: JSON, the language a new body most often has.
    m_raw->setContent(body.raw,
        body.mode == Mode::Raw   ? body.rawLanguage
            : body.raw.isEmpty() ? QStringLiteral("json")
                                 : RequestBody::guessRawLanguage(body.raw));
    m_urlEncodedTable->setRows(body.urlEncoded);
    m_formDataTable->setParts(body.formData);
    m_fileEdit->setText(body.filePath);
    m_graphQl->setContent(body.graphQlQuery, body.graphQlVariables);
    showMode();
    m_loading = false;
}

void BodyEditor::showMode()
{
    const QSignalBlocker blocker(m_modeCombo);
    while (m_modeCombo->count() > ComboModes.size() - 1)
        m_modeCombo->removeItem(m_modeCombo->count() - 1);
    if (m_body.mode == Mode::Other) {
        m_modeCombo->addItem(m_body.modeName);
        m_otherLabel->setText(tr("A \"%1\" body is sent and saved as it was read; it cannot be "
                                 "edited here.")
                                  .arg(m_body.modeName));
    }
    m_modeCombo->setCurrentIndex(int(ComboModes.indexOf(m_body.mode)));
    m_pages->setCurrentIndex(pageOf(m_body.mode));
    m_raw->setImpliedContentType(m_body.impliedContentType());
}

QString BodyEditor::modeTitle() const
{
    switch (m_body.mode) {
    case Mode::None:
        return {};
    case Mode::Raw: {
        const QString language = m_body.rawLanguage.toLower();
        if (language == QLatin1String("javascript"))
            return QStringLiteral("JavaScript");
        if (language.isEmpty() || language == QLatin1String("text"))
            return tr("Text");
        return language.toUpper();
    }
    case Mode::UrlEncoded:
        return QStringLiteral("urlencoded");
    case Mode::FormData:
        return QStringLiteral("form-data");
    case Mode::File:
        return tr("file");
    case Mode::GraphQl:
        return QStringLiteral("GraphQL");
    case Mode::Other:
        return m_body.modeName;
    }
    return {};
}

QString BodyEditor::problemText() const
{
    return m_body.mode == Mode::Raw ? m_raw->problemText() : QString();
}

void BodyEditor::onModeChosen(int index)
{
    if (index < 0 || index >= ComboModes.size())
        return;
    const Mode mode = ComboModes.at(index);
    if (mode == m_body.mode)
        return;
    m_body.mode = mode;
    if (mode == Mode::Raw)
        m_body.rawLanguage = m_raw->language();
    showMode();
    edited();
}

void BodyEditor::onRawEdited()
{
    m_body.raw = m_raw->text();
    if (m_body.mode == Mode::None && !m_body.raw.isEmpty()) {
        // Typing a body means sending one; a body that looks like JSON is labelled so.
        m_body.mode = Mode::Raw;
        m_loading = true;
        m_raw->setContent(m_body.raw, RequestBody::guessRawLanguage(m_body.raw));
        m_loading = false;
    }
    const QString language = m_raw->language();
    // A body read without a language reads as text; it stays without one until one is chosen.
    if (m_body.mode == Mode::Raw
        && !(m_body.rawLanguage.isEmpty() && language == QLatin1String("text")))
        m_body.rawLanguage = language;
    showMode();
    edited();
}

void BodyEditor::edited()
{
    if (!m_loading)
        Q_EMIT bodyEdited();
}

} // namespace Playground
