#include "ui/GraphQlBodyEditor.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

namespace Playground {

namespace {

    QPlainTextEdit *codeEdit(const QString &name, const QString &placeholder, QWidget *parent)
    {
        auto *edit = new QPlainTextEdit(parent);
        edit->setObjectName(name);
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setPlaceholderText(placeholder);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        edit->setTabChangesFocus(true);
        return edit;
    }

    QWidget *titled(const QString &title, QPlainTextEdit *edit, QWidget *parent)
    {
        auto *box = new QWidget(parent);
        auto *label = new QLabel(title, box);
        label->setTextFormat(Qt::PlainText);
        label->setBuddy(edit);
        edit->setAccessibleName(QString(title).remove(QLatin1Char('&')));
        auto *layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(label);
        layout->addWidget(edit, 1);
        return box;
    }

} // namespace

GraphQlBodyEditor::GraphQlBodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_query(codeEdit(QStringLiteral("graphQlQueryEdit"),
          QStringLiteral("query { user(id: \"{{userId}}\") { name } }"), this))
    , m_variables(codeEdit(
          QStringLiteral("graphQlVariablesEdit"), QStringLiteral("{ \"first\": 10 }"), this))
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(titled(tr("&Query"), m_query, splitter));
    splitter->addWidget(titled(tr("&Variables (a JSON object)"), m_variables, splitter));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_query, &QPlainTextEdit::textChanged, this, &GraphQlBodyEditor::edited);
    connect(m_variables, &QPlainTextEdit::textChanged, this, &GraphQlBodyEditor::edited);
}

void GraphQlBodyEditor::setContent(const QString &query, const QString &variables)
{
    const QSignalBlocker queryBlocker(m_query);
    const QSignalBlocker variablesBlocker(m_variables);
    if (m_query->toPlainText() != query)
        m_query->setPlainText(query);
    if (m_variables->toPlainText() != variables)
        m_variables->setPlainText(variables);
}

QString GraphQlBodyEditor::query() const
{
    return m_query->toPlainText();
}

QString GraphQlBodyEditor::variables() const
{
    return m_variables->toPlainText();
}

} // namespace Playground
