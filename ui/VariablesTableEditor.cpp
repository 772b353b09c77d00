#include "ui/VariablesTableEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace Playground {

namespace {

    constexpr int SecretRole = Qt::UserRole + 1;
    const QString SecretType = QStringLiteral("secret");
    const QString DefaultType = QStringLiteral("default");

    /** Masks secret values unless revealed, and edits them masked. */
    class ValueDelegate : public QStyledItemDelegate {
    public:
        ValueDelegate(const bool *revealed, const QString *placeholder, QObject *parent)
            : QStyledItemDelegate(parent)
            , m_revealed(revealed)
            , m_placeholder(placeholder)
        {
        }

        void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
        {
            QStyledItemDelegate::initStyleOption(option, index);
            if (!index.data(SecretRole).toBool())
                return;
            if (option->text.isEmpty()) {
                option->text = *m_placeholder;
                option->palette.setColor(
                    QPalette::Text, option->palette.color(QPalette::PlaceholderText));
            } else if (!*m_revealed) {
                option->text = QString(8, QChar(0x2022));
            }
        }
        QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
            const QModelIndex &index) const override
        {
            QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
            if (auto *line = qobject_cast<QLineEdit *>(editor);
                line && index.data(SecretRole).toBool() && !*m_revealed)
                line->setEchoMode(QLineEdit::Password);
            return editor;
        }

    private:
        const bool *m_revealed;
        const QString *m_placeholder;
    };

    /** The type cell: default or secret, chosen from a list. */
    class TypeDelegate : public QStyledItemDelegate {
    public:
        using QStyledItemDelegate::QStyledItemDelegate;

        QWidget *createEditor(
            QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
        {
            auto *combo = new QComboBox(parent);
            combo->setObjectName(QStringLiteral("variableTypeComboBox"));
            combo->setAccessibleName(QObject::tr("Variable type"));
            combo->addItems({ DefaultType, SecretType });
            return combo;
        }
        void setEditorData(QWidget *editor, const QModelIndex &index) const override
        {
            static_cast<QComboBox *>(editor)->setCurrentText(index.data().toString());
        }
        void setModelData(
            QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
        {
            model->setData(index, static_cast<QComboBox *>(editor)->currentText());
        }
    };

} // namespace

VariablesTableEditor::VariablesTableEditor(
    const QString &name, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 4, this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_reveal(new QToolButton(this))
    , m_secretPlaceholder(tr("secret: type it here, it goes to the keychain"))
{
    setObjectName(name + QStringLiteral("VariablesTableEditor"));
    m_table->setObjectName(name + QStringLiteral("VariablesTableWidget"));
    m_table->setAccessibleName(accessibleName);
    m_table->setHorizontalHeaderLabels({ QString(), tr("Key"), tr("Value"), tr("Type") });
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TypeColumn, QHeaderView::ResizeToContents);
    header->resizeSection(KeyColumn, 150);
    header->setMinimumSectionSize(40);
    m_table->verticalHeader()->hide();
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setTabKeyNavigation(true);
    m_table->setWordWrap(false); // one line per variable; long values are elided
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->setItemDelegateForColumn(
        ValueColumn, new ValueDelegate(&m_revealed, &m_secretPlaceholder, m_table));
    m_table->setItemDelegateForColumn(TypeColumn, new TypeDelegate(m_table));
    m_table->installEventFilter(this);

    m_add->setObjectName(name + QStringLiteral("AddVariableToolButton"));
    m_add->setText(tr("Add"));
    m_add->setAccessibleName(tr("Add a variable"));
    m_add->setToolTip(tr("Add a variable (Insert)"));
    m_remove->setObjectName(name + QStringLiteral("RemoveVariableToolButton"));
    m_remove->setText(tr("Remove"));
    m_remove->setAccessibleName(tr("Remove the selected variables"));
    m_remove->setToolTip(tr("Remove the selected variables (Delete)"));
    m_reveal->setObjectName(name + QStringLiteral("RevealSecretsToolButton"));
    m_reveal->setText(tr("Show secrets"));
    m_reveal->setAccessibleName(tr("Show secret values"));
    m_reveal->setCheckable(true);
    connect(m_reveal, &QToolButton::toggled, this, [this](bool on) {
        m_revealed = on;
        m_reveal->setText(on ? tr("Hide secrets") : tr("Show secrets"));
        m_table->viewport()->update();
    });
    connect(m_add, &QToolButton::clicked, this, &VariablesTableEditor::addRow);
    connect(m_remove, &QToolButton::clicked, this, &VariablesTableEditor::removeSelectedRows);
    connect(m_table, &QTableWidget::itemChanged, this, &VariablesTableEditor::onItemChanged);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_reveal);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

void VariablesTableEditor::setVariables(const VariableList &variables)
{
    const int currentRow = m_table->currentRow();
    const int currentColumn = m_table->currentColumn();
    m_loading = true;
    m_table->setRowCount(0);
    m_kept.clear();
    for (const Variable &v : variables)
        appendRow(v);
    m_loading = false;
    if (currentRow >= 0 && currentRow < m_table->rowCount())
        m_table->setCurrentCell(currentRow, currentColumn);
}

void VariablesTableEditor::appendRow(const Variable &variable)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_kept.append(variable);
    auto *check = new QTableWidgetItem;
    check->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    check->setCheckState(variable.enabled ? Qt::Checked : Qt::Unchecked);
    check->setToolTip(tr("Use this variable"));
    m_table->setItem(row, EnabledColumn, check);
    m_table->setItem(row, KeyColumn, new QTableWidgetItem(variable.key));
    auto *value = new QTableWidgetItem(variable.value);
    value->setData(SecretRole, variable.isSecret());
    m_table->setItem(row, ValueColumn, value);
    m_table->setItem(row, TypeColumn,
        new QTableWidgetItem(variable.isSecret()
                ? SecretType
                : (variable.type.isEmpty() || variable.type == QLatin1String("string")
                        ? DefaultType
                        : variable.type)));
}

VariableList VariablesTableEditor::variables() const
{
    VariableList out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = m_table->item(row, KeyColumn)->text().trimmed();
        if (key.isEmpty())
            continue;
        Variable v = m_kept.value(row);
        v.key = key;
        v.value = m_table->item(row, ValueColumn)->text();
        v.enabled = m_table->item(row, EnabledColumn)->checkState() == Qt::Checked;
        const QString type = m_table->item(row, TypeColumn)->text();
        // Postman's "default"; a type read from the file ("string", "any") stays as it was.
        if (type == SecretType)
            v.type = SecretType;
        else if (v.isSecret() || v.type.isEmpty() || type != DefaultType)
            v.type = type;
        out.append(v);
    }
    return out;
}

void VariablesTableEditor::setSecretPlaceholder(const QString &text)
{
    m_secretPlaceholder = text;
    m_table->viewport()->update();
}

int VariablesTableEditor::focusVariable(const QString &name)
{
    int found = -1;
    for (int row = 0; row < m_table->rowCount() && found < 0; ++row) {
        if (m_table->item(row, KeyColumn)->text().trimmed() == name)
            found = row;
    }
    if (found < 0) {
        Variable v;
        v.key = name;
        v.type = DefaultType;
        m_loading = true;
        appendRow(v);
        m_loading = false;
        found = m_table->rowCount() - 1;
        Q_EMIT edited();
    }
    m_table->setFocus(Qt::OtherFocusReason);
    m_table->setCurrentCell(found, ValueColumn);
    m_table->scrollToItem(m_table->item(found, ValueColumn));
    return found;
}

void VariablesTableEditor::addRow()
{
    Variable v;
    v.type = DefaultType;
    m_loading = true;
    appendRow(v);
    m_loading = false;
    const int row = m_table->rowCount() - 1;
    m_table->setFocus(Qt::OtherFocusReason);
    m_table->setCurrentCell(row, KeyColumn);
    m_table->editItem(m_table->item(row, KeyColumn));
}

void VariablesTableEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row()))
            rows.append(index.row());
    }
    if (rows.isEmpty() && m_table->currentRow() >= 0)
        rows.append(m_table->currentRow());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    m_loading = true;
    for (int row : rows) {
        m_table->removeRow(row);
        m_kept.removeAt(row);
    }
    m_loading = false;
    Q_EMIT edited();
}

void VariablesTableEditor::onItemChanged(QTableWidgetItem *item)
{
    if (m_loading)
        return;
    if (item->column() == TypeColumn) { // the value cell masks, or not, from now on
        m_loading = true;
        m_table->item(item->row(), ValueColumn)->setData(SecretRole, item->text() == SecretType);
        m_loading = false;
    }
    // A row with no key yet is not a variable: it joins once it is named.
    if (m_table->item(item->row(), KeyColumn)->text().trimmed().isEmpty()
        && item->column() != KeyColumn)
        return;
    Q_EMIT edited();
}

bool VariablesTableEditor::eventFilter(QObject *watched, QEvent *event)
{
    // An open cell editor has the keys itself: here Delete and Insert mean rows.
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete) {
            removeSelectedRows();
            return true;
        }
        if (key == Qt::Key_Insert) {
            addRow();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Playground
