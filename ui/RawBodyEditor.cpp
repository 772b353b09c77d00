#include "ui/RawBodyEditor.h"

#include "app/template/JsonTemplate.h"

#include "ui/BodyHighlighter.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Playground {

namespace {

    bool isJson(const QString &language)
    {
        return language == QLatin1String("json");
    }

    SyntaxLanguage syntaxOf(const QString &language)
    {
        if (isJson(language))
            return SyntaxLanguage::Json;
        if (language == QLatin1String("xml") || language == QLatin1String("html"))
            return SyntaxLanguage::Markup;
        return SyntaxLanguage::None;
    }

} // namespace

RawBodyEditor::RawBodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_languageCombo(new QComboBox(this))
    , m_beautifyButton(new QPushButton(tr("Beautify"), this))
    , m_minifyButton(new QPushButton(tr("Minify"), this))
    , m_contentTypeLabel(new QLabel(this))
    , m_checkLabel(new QLabel(this))
    , m_edit(new QPlainTextEdit(this))
    , m_highlighter(new BodyHighlighter(m_edit))
{
    m_languageCombo->setObjectName(QStringLiteral("rawLanguageComboBox"));
    m_languageCombo->setAccessibleName(tr("Raw body language"));
    m_languageCombo->addItem(QStringLiteral("JSON"), QStringLiteral("json"));
    m_languageCombo->addItem(tr("Text"), QStringLiteral("text"));
    m_languageCombo->addItem(QStringLiteral("XML"), QStringLiteral("xml"));
    m_languageCombo->addItem(QStringLiteral("HTML"), QStringLiteral("html"));
    m_languageCombo->addItem(QStringLiteral("JavaScript"), QStringLiteral("javascript"));
    m_beautifyButton->setObjectName(QStringLiteral("beautifyButton"));
    m_beautifyButton->setAccessibleName(tr("Beautify JSON body"));
    m_beautifyButton->setToolTip(tr("Indent the JSON body; {{variables}} are kept"));
    m_minifyButton->setObjectName(QStringLiteral("minifyButton"));
    m_minifyButton->setAccessibleName(tr("Minify JSON body"));
    m_minifyButton->setToolTip(tr("Remove the white space between JSON tokens"));
    m_contentTypeLabel->setObjectName(QStringLiteral("bodyContentTypeLabel"));
    m_contentTypeLabel->setTextFormat(Qt::PlainText);
    m_contentTypeLabel->setForegroundRole(QPalette::PlaceholderText);
    m_contentTypeLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_checkLabel->setObjectName(QStringLiteral("bodyCheckLabel"));
    m_checkLabel->setTextFormat(Qt::PlainText);
    m_checkLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    // Reserved height: the line appears and goes without moving the editor.
    m_checkLabel->setMinimumHeight(m_checkLabel->fontMetrics().height() + 4);
    m_edit->setObjectName(QStringLiteral("bodyPlainTextEdit"));
    m_edit->setAccessibleName(tr("Request body"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setPlaceholderText(tr("Raw body; {{variables}} allowed"));
    m_edit->setTabChangesFocus(false);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_languageCombo);
    row->addWidget(m_contentTypeLabel, 1);
    row->addWidget(m_beautifyButton);
    row->addWidget(m_minifyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(row);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_checkLabel);

    connect(
        m_languageCombo, &QComboBox::currentIndexChanged, this, &RawBodyEditor::onLanguageChosen);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        updateCheck();
        if (!m_loading)
            Q_EMIT edited();
    });
    connect(m_beautifyButton, &QPushButton::clicked, this, [this] { rewrite(true); });
    connect(m_minifyButton, &QPushButton::clicked, this, [this] { rewrite(false); });
    setContent({}, QStringLiteral("json"));
}

void RawBodyEditor::setContent(const QString &text, const QString &language)
{
    m_loading = true;
    const QSignalBlocker blocker(m_languageCombo);
    const QString lower = language.isEmpty() ? QStringLiteral("text") : language.toLower();
    int index = m_languageCombo->findData(lower);
    if (index < 0) { // a language we do not list (graphql, ...) is kept and shown as read
        m_languageCombo->addItem(language, lower);
        index = m_languageCombo->count() - 1;
    }
    m_languageCombo->setCurrentIndex(index);
    m_highlighter->setLanguage(syntaxOf(lower));
    if (m_edit->toPlainText() != text)
        m_edit->setPlainText(text);
    m_loading = false;
    updateCheck();
}

QString RawBodyEditor::text() const
{
    return m_edit->toPlainText();
}

QString RawBodyEditor::language() const
{
    return m_languageCombo->currentData().toString();
}

void RawBodyEditor::setImpliedContentType(const QString &type)
{
    m_contentTypeLabel->setText(
        type.isEmpty() ? QString() : tr("Content-Type: %1 unless a header sets one").arg(type));
}

QString RawBodyEditor::problemText() const
{
    return m_checkLabel->text();
}

void RawBodyEditor::onLanguageChosen()
{
    m_highlighter->setLanguage(syntaxOf(language()));
    updateCheck();
    if (!m_loading)
        Q_EMIT edited();
}

void RawBodyEditor::rewrite(bool pretty)
{
    const QString text = m_edit->toPlainText();
    const Result<QString> out = pretty ? JsonTemplate::beautify(text) : JsonTemplate::minify(text);
    if (!out) {
        updateCheck(); // the problem is already marked; the text stays as typed
        return;
    }
    if (out.value() != text) {
        m_edit->setPlainText(out.value());
        m_edit->moveCursor(QTextCursor::Start);
    }
}

void RawBodyEditor::updateCheck()
{
    const bool json = isJson(language());
    m_beautifyButton->setEnabled(json);
    m_minifyButton->setEnabled(json);
    const QString text = m_edit->toPlainText();
    const std::optional<JsonTemplate::Problem> problem
        = json && !text.trimmed().isEmpty() ? JsonTemplate::check(text) : std::nullopt;
    QList<QTextEdit::ExtraSelection> marks;
    if (problem) {
        m_checkLabel->setText(tr("Line %1, column %2: %3 — the body can still be sent as it is")
                                  .arg(problem->line)
                                  .arg(problem->column)
                                  .arg(problem->message));
        QPalette palette = m_checkLabel->palette();
        const bool dark = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(
            QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x20, 0x20));
        m_checkLabel->setPalette(palette);
        // The character at fault (or the line's end) gets a wavy red underline.
        const QTextBlock block = m_edit->document()->findBlockByNumber(problem->line - 1);
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
            qMin(problem->column - 1, block.length() - 1));
        if (!cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor)
            || cursor.selectedText().isEmpty() || cursor.block() != block) {
            cursor = QTextCursor(block);
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        }
        QTextEdit::ExtraSelection mark;
        mark.cursor = cursor;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(palette.color(QPalette::WindowText));
        mark.format.setBackground(QColor(0xd6, 0x45, 0x45, 60));
        marks.append(mark);
    } else {
        m_checkLabel->clear();
    }
    m_checkLabel->setAccessibleName(m_checkLabel->text());
    m_edit->setExtraSelections(marks);
}

void RawBodyEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->rehighlight();
        updateCheck();
    }
}

} // namespace Playground
