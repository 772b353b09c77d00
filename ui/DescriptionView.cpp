#include "ui/DescriptionView.h"
#include "app/core/PlainToolTip.h"

#include "ui/OfflineTextDocument.h"

#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

namespace Playground {

namespace {

    /** Longer descriptions are shown as plain text: formatting stays quick whatever the input. */
    constexpr qsizetype MaxFormattedLength = 256 * 1024;

} // namespace

DescriptionView::DescriptionView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_view(new QTextBrowser(this))
    , m_editor(new QPlainTextEdit(this))
    , m_editButton(new QPushButton(tr("Edit"), this))
{
    setObjectName(QStringLiteral("descriptionView"));
    m_view->setObjectName(QStringLiteral("descriptionBrowser"));
    m_view->setAccessibleName(tr("Description"));
    m_view->setDocument(new OfflineTextDocument(m_view));
    m_view->setOpenLinks(false);
    m_view->setOpenExternalLinks(false);
    m_view->setFrameShape(QFrame::NoFrame);
    m_editor->setObjectName(QStringLiteral("descriptionEdit"));
    m_editor->setAccessibleName(tr("Description (Markdown)"));
    m_editor->setPlaceholderText(tr("Describe the request; Markdown is shown formatted"));
    m_editButton->setObjectName(QStringLiteral("descriptionEditButton"));
    m_editButton->setAccessibleName(tr("Edit the description"));
    m_editButton->setCheckable(true);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_editor);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_editButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_editButton, &QPushButton::toggled, this, [this](bool editing) {
        if (!editing && m_editor->toPlainText() != m_text) {
            m_text = m_editor->toPlainText();
            render();
            Q_EMIT descriptionEdited(m_text);
        }
        setEditing(editing);
    });
    render();
}

void DescriptionView::setDescription(const QString &text)
{
    m_text = text;
    render();
    setEditing(false);
}

void DescriptionView::setEditing(bool editing)
{
    if (editing)
        m_editor->setPlainText(m_text);
    m_stack->setCurrentWidget(editing ? static_cast<QWidget *>(m_editor) : m_view);
    const QSignalBlocker quiet(m_editButton);
    m_editButton->setChecked(editing);
    m_editButton->setText(editing ? tr("Done") : tr("Edit"));
    m_editButton->setAccessibleName(
        editing ? tr("Finish editing the description") : tr("Edit the description"));
    if (editing)
        m_editor->setFocus();
}

void DescriptionView::render()
{
    if (m_text.trimmed().isEmpty()) {
        m_view->setPlainText(tr("No description. Press Edit to write one (Markdown)."));
        return;
    }
    // HTML inside the Markdown stays text; resources are never loaded (OfflineTextDocument).
    if (m_text.size() > MaxFormattedLength) {
        m_view->setPlainText(m_text);
        return;
    }
    QTextDocument *document = m_view->document();
    document->setMarkdown(m_text,
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    // An image is named, not shown: "[image: alt]", its address in the tooltip. Tooltips are
    // rich text to Qt: every one is escaped (a link's title too).
    QTextCursor edits(document);
    edits.beginEditBlock(); // laid out once, at the end
    QTextCursor cursor(document);
    while (
        !(cursor = document->find(QString(QChar::ObjectReplacementCharacter), cursor)).isNull()) {
        const QTextCharFormat format = cursor.charFormat();
        if (!format.isImageFormat())
            continue;
        const QTextImageFormat image = format.toImageFormat();
        const QString alt = image.stringProperty(QTextFormat::ImageAltText);
        QTextCharFormat named;
        named.setForeground(palette().brush(QPalette::PlaceholderText));
        named.setToolTip(tr("Image not loaded: %1").arg(image.name()));
        cursor.insertText(alt.isEmpty() ? tr("[image]") : tr("[image: %1]").arg(alt), named);
    }
    struct Tip {
        int position;
        int length;
        QString text;
    };
    QList<Tip> tips;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (const QString tip = fragment.charFormat().toolTip(); !tip.isEmpty())
                tips.append({ fragment.position(), fragment.length(), tip });
        }
    }
    for (const Tip &tip : std::as_const(tips)) {
        QTextCharFormat escaped;
        escaped.setToolTip(plainToolTip(tip.text));
        QTextCursor span(document);
        span.setPosition(tip.position);
        span.setPosition(tip.position + tip.length, QTextCursor::KeepAnchor);
        span.mergeCharFormat(escaped);
    }
    edits.endEditBlock();
}

} // namespace Playground
