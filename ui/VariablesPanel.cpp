#include "ui/VariablesPanel.h"

#include "app/auth/CollectionSecrets.h"
#include "app/document/CollectionDocument.h"
#include "app/document/SetVariablesCommand.h"
#include "app/secrets/SecretStore.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Playground {

namespace {

    constexpr int SecretRole = Qt::UserRole + 1;

    /** Paints "in the keychain" in an empty secret value cell, and edits secrets masked. */
    class ValueDelegate : public QStyledItemDelegate {
    public:
        using QStyledItemDelegate::QStyledItemDelegate;

        void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
        {
            QStyledItemDelegate::initStyleOption(option, index);
            if (index.data(SecretRole).toBool() && option->text.isEmpty()) {
                option->text = QObject::tr("secret: type it here, it goes to the keychain");
                option->palette.setColor(
                    QPalette::Text, option->palette.color(QPalette::PlaceholderText));
            }
        }
        QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
            const QModelIndex &index) const override
        {
            QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
            if (auto *line = qobject_cast<QLineEdit *>(editor);
                line && index.data(SecretRole).toBool())
                line->setEchoMode(QLineEdit::Password);
            return editor;
        }
    };

} // namespace

VariablesPanel::VariablesPanel(SecretStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_table(new QTableWidget(0, 4, this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("variablesPanel"));
    m_table->setObjectName(QStringLiteral("variablesTableWidget"));
    m_table->setAccessibleName(tr("Collection variables"));
    m_table->setHorizontalHeaderLabels({ QString(), tr("Name"), tr("Value"), tr("Secret") });
    m_table->horizontalHeader()->setSectionResizeMode(EnabledColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(SecretColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setMinimumSectionSize(48);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(ValueColumn, new ValueDelegate(m_table));
    m_table->installEventFilter(this);
    m_status->setObjectName(QStringLiteral("variablesStatusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setText(tr("Variables of the collection, used as {{name}}. Secret values live in "
                         "the system keychain, never in the file."));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    connect(m_table, &QTableWidget::itemChanged, this, &VariablesPanel::onItemChanged);
    reload();
}

void VariablesPanel::setDocument(CollectionDocument *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    if (m_document) {
        connect(m_document, &CollectionDocument::reset, this, &VariablesPanel::reload);
        connect(m_document, &CollectionDocument::changed, this, &VariablesPanel::onChanged);
    }
    reload();
}

void VariablesPanel::onChanged(const DocumentChange &change)
{
    if (change.kind == DocumentChange::Kind::Variables)
        reload();
}

void VariablesPanel::reload()
{
    m_loading = true;
    m_table->setRowCount(0);
    const bool open = m_document && m_document->isOpen();
    if (open) {
        for (const Variable &v : m_document->collection().variables)
            appendRow(v.key, v.isSecret() ? QString() : v.value, v.enabled, v.isSecret());
        appendRow({}, {}, true, false); // type here to add one
    }
    m_table->setEnabled(open);
    m_loading = false;
}

void VariablesPanel::appendRow(const QString &name, const QString &value, bool enabled, bool secret)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *check = new QTableWidgetItem;
    check->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    check->setCheckState(enabled ? Qt::Checked : Qt::Unchecked);
    check->setToolTip(tr("Use this variable"));
    m_table->setItem(row, EnabledColumn, check);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(name));
    auto *valueItem = new QTableWidgetItem(value);
    valueItem->setData(SecretRole, secret);
    m_table->setItem(row, ValueColumn, valueItem);
    auto *secretItem = new QTableWidgetItem;
    secretItem->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    secretItem->setCheckState(secret ? Qt::Checked : Qt::Unchecked);
    secretItem->setToolTip(tr("Keep the value in the system keychain"));
    m_table->setItem(row, SecretColumn, secretItem);
}

void VariablesPanel::onItemChanged(QTableWidgetItem *)
{
    if (m_loading || !m_document || !m_document->isOpen())
        return;
    VariableList variables;
    QList<QPair<QString, QString>> secretsToStore;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name = m_table->item(row, NameColumn)->text().trimmed();
        const QString value = m_table->item(row, ValueColumn)->text();
        if (name.isEmpty())
            continue;
        Variable v;
        v.key = name;
        v.enabled = m_table->item(row, EnabledColumn)->checkState() == Qt::Checked;
        const bool secret = m_table->item(row, SecretColumn)->checkState() == Qt::Checked;
        if (row < m_document->collection().variables.size()) {
            const Variable &before = m_document->collection().variables.at(row);
            v.description = before.description;
            v.extra = before.extra;
            v.type = before.type;
        }
        v.type = secret ? QStringLiteral("secret")
                        : (v.type == QLatin1String("secret") ? QStringLiteral("string") : v.type);
        const VariableList &stored = m_document->collection().variables;
        if (secret && !value.isEmpty())
            secretsToStore.append({ name, value });
        else if (secret && row < stored.size() && stored.at(row).isSecret()
            && !stored.at(row).value.isEmpty())
            secretsToStore.append({ name, stored.at(row).value }); // written in an old file
        else if (!secret)
            v.value = value;
        variables.append(v);
    }
    // Secret values go to the keychain, keyed by the collection's id and where they may go.
    if (!secretsToStore.isEmpty() && m_store) {
        m_document->ensureId();
        Collection after = m_document->collection();
        after.variables = variables;
        for (const auto &[name, value] : secretsToStore) {
            const Result<QString> key = CollectionSecrets::keyFor(after, name);
            if (!key) {
                m_status->setText(tr("%1 is not stored: %2").arg(name, key.error()));
                continue;
            }
            m_store->write(key.value(), value, this, [this, name](const SecretResult &r) {
                m_status->setText(r.persisted()
                        ? tr("%1 is stored in the system keychain.").arg(name)
                        : tr("%1 is kept for this session only: %2")
                              .arg(name, r.ok ? m_store->statusText() : r.error));
            });
        }
    }
    bool same = variables.size() == m_document->collection().variables.size();
    for (qsizetype i = 0; same && i < variables.size(); ++i) {
        const Variable &a = variables.at(i);
        const Variable &b = m_document->collection().variables.at(i);
        same = a.key == b.key && a.enabled == b.enabled && a.type == b.type
            && (a.isSecret() || a.value == b.value);
    }
    if (!same)
        m_document->submit(
            std::make_unique<SetVariablesCommand>(m_document->collection(), variables));
    else if (!secretsToStore.isEmpty())
        reload(); // the typed secret leaves the table
}

void VariablesPanel::focusVariable(const QString &name)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameColumn)->text() == name) {
            m_table->setCurrentCell(row, ValueColumn);
            m_table->setFocus();
            return;
        }
    }
    const int blank = m_table->rowCount() - 1;
    if (blank < 0)
        return;
    m_table->item(blank, NameColumn)->setText(name); // becomes a variable without a value
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameColumn)->text() == name)
            m_table->setCurrentCell(row, ValueColumn);
    }
    m_table->setFocus();
}

bool VariablesPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        // While a cell is edited its editor has the keys: Delete here means the rows.
        removeSelectedRows();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void VariablesPanel::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
        if (!rows.contains(index.row()) && index.row() < m_table->rowCount() - 1)
            rows.append(index.row());
    if (rows.isEmpty() || !m_document)
        return;
    VariableList variables = m_document->collection().variables;
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows) {
        if (row < variables.size())
            variables.removeAt(row);
    }
    m_document->submit(std::make_unique<SetVariablesCommand>(m_document->collection(), variables));
}

} // namespace Playground
