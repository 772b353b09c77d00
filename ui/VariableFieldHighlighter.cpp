#include "ui/VariableFieldHighlighter.h"

#include "app/core/PlainToolTip.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QTextCharFormat>
#include <QToolTip>

namespace Playground {

namespace {

    bool isDark(const QPalette &palette)
    {
        return palette.color(QPalette::Base).lightness() < 128;
    }

} // namespace

VariableFieldHighlighter::VariableFieldHighlighter(QLineEdit *edit)
    : QObject(edit)
    , m_edit(edit)
{
    setObjectName(edit->objectName() + QStringLiteral("VariableHighlighter"));
    edit->installEventFilter(this);
    connect(edit, &QLineEdit::textChanged, this, &VariableFieldHighlighter::apply);
}

QColor VariableFieldHighlighter::resolvedColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x6c, 0xb6, 0xff) : QColor(0x00, 0x5c, 0xc5);
}

QColor VariableFieldHighlighter::unresolvedColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}

void VariableFieldHighlighter::setScopes(
    const VariableScopes &scopes, const QStringList &storedSecrets)
{
    m_scopes = scopes;
    m_storedSecrets = storedSecrets;
    apply();
}

void VariableFieldHighlighter::apply()
{
    m_spans = VariableSpans::of(m_edit->text(), m_scopes, m_storedSecrets);
    // QLineEdit draws formats given through an input method event (positions from the cursor).
    QList<QInputMethodEvent::Attribute> formats;
    const int cursor = m_edit->cursorPosition();
    for (const VariableSpan &span : std::as_const(m_spans)) {
        QTextCharFormat format;
        format.setForeground(
            span.resolved ? resolvedColor(m_edit->palette()) : unresolvedColor(m_edit->palette()));
        format.setFontWeight(QFont::DemiBold);
        if (!span.resolved) {
            format.setUnderlineStyle(QTextCharFormat::DashUnderline);
            format.setUnderlineColor(unresolvedColor(m_edit->palette()));
        }
        formats.append(
            { QInputMethodEvent::TextFormat, int(span.start) - cursor, int(span.length), format });
    }
    QInputMethodEvent event(QString(), formats);
    QCoreApplication::sendEvent(m_edit, &event);
}

QString VariableFieldHighlighter::toolTipAt(int position) const
{
    for (const VariableSpan &span : m_spans) {
        if (position >= span.start && position < span.start + span.length)
            return plainToolTip(span.description);
    }
    return m_edit->text().isEmpty() ? QString() : plainToolTip(m_edit->text());
}

bool VariableFieldHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(m_edit->cursorPositionAt(help->pos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, m_edit);
        return true;
    }
    if (watched == m_edit && event->type() == QEvent::PaletteChange)
        apply();
    return QObject::eventFilter(watched, event);
}

} // namespace Playground
