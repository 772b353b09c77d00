#include "app/response/JsonTreeModel.h"

#include "app/core/PlainToolTip.h"
#include "app/response/JsonTree.h"

#include <optional>
#include <vector>

namespace Playground {

struct JsonTreeModel::Node {
    Node *parent = nullptr;
    int row = 0;
    QString key; ///< member name, or empty for an array item
    bool arrayItem = false;
    simdjson::dom::element value;
    std::vector<std::unique_ptr<Node>> children;
    qint64 total = 0; ///< children the value has (made or not)
    std::optional<simdjson::dom::array::iterator> nextItem;
    std::optional<simdjson::dom::object::iterator> nextMember;

    void setValue(simdjson::dom::element element)
    {
        value = element;
        if (element.is_array()) {
            const simdjson::dom::array array = element.get_array().value_unsafe();
            total = qint64(array.size());
            nextItem = array.begin();
        } else if (element.is_object()) {
            const simdjson::dom::object object = element.get_object().value_unsafe();
            total = qint64(object.size());
            nextMember = object.begin();
        }
    }
};

namespace {

    constexpr int PreviewChars = 300;

    QString typeName(const simdjson::dom::element &e)
    {
        switch (e.type()) {
        case simdjson::dom::element_type::ARRAY:
            return QStringLiteral("array");
        case simdjson::dom::element_type::OBJECT:
            return QStringLiteral("object");
        case simdjson::dom::element_type::STRING:
            return QStringLiteral("string");
        case simdjson::dom::element_type::BOOL:
            return QStringLiteral("boolean");
        case simdjson::dom::element_type::NULL_VALUE:
            return QStringLiteral("null");
        default:
            return QStringLiteral("number");
        }
    }

    QString compact(const simdjson::dom::element &e)
    {
        const std::string text = simdjson::minify(e);
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }

    bool isIdentifier(const QString &key)
    {
        if (key.isEmpty() || key.at(0).isDigit())
            return false;
        for (const QChar c : key) {
            if (!c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('$'))
                return false;
        }
        return true;
    }

} // namespace

Result<std::shared_ptr<const JsonTree>> JsonTreeModel::parse(QByteArrayView json)
{
    auto tree = std::make_shared<JsonTree>();
    const simdjson::padded_string padded(json.data(), size_t(json.size()));
    const simdjson::error_code error = tree->parser.parse(padded).get(tree->root);
    if (error)
        return Result<std::shared_ptr<const JsonTree>>::failure(
            QStringLiteral("Not valid JSON: %1")
                .arg(QString::fromUtf8(simdjson::error_message(error))));
    return std::shared_ptr<const JsonTree>(tree);
}

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setTree(std::shared_ptr<const JsonTree> tree)
{
    beginResetModel();
    m_root.reset();
    m_tree = std::move(tree);
    if (m_tree) {
        m_root = std::make_unique<Node>();
        const simdjson::dom::element root = m_tree->root;
        if (root.is_array() || root.is_object()) {
            m_root->setValue(root);
            populate(m_root.get(), FetchBatch);
        } else {
            // A scalar document: one row.
            auto node = std::make_unique<Node>();
            node->parent = m_root.get();
            node->key = QStringLiteral("$");
            node->setValue(root);
            m_root->children.push_back(std::move(node));
            m_root->total = 1;
        }
    }
    endResetModel();
}

void JsonTreeModel::populate(Node *node, int count)
{
    for (int i = 0; i < count && qint64(node->children.size()) < node->total; ++i) {
        auto child = std::make_unique<Node>();
        child->parent = node;
        child->row = int(node->children.size());
        if (node->nextItem) {
            child->arrayItem = true;
            child->setValue(**node->nextItem);
            ++*node->nextItem;
        } else if (node->nextMember) {
            const simdjson::dom::key_value_pair member = **node->nextMember;
            child->key = QString::fromUtf8(member.key.data(), qsizetype(member.key.size()));
            child->setValue(member.value);
            ++*node->nextMember;
        }
        node->children.push_back(std::move(child));
    }
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (!node || row < 0 || row >= int(node->children.size()) || column < 0
        || column >= ColumnCount)
        return {};
    return createIndex(row, column, node->children.at(size_t(row)).get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *parent = static_cast<Node *>(child.internalPointer())->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, const_cast<Node *>(parent));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    return node && node->total > 0 && parent.column() <= 0;
}

bool JsonTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    return node && qint64(node->children.size()) < node->total;
}

void JsonTreeModel::fetchMore(const QModelIndex &parent)
{
    Node *node = nodeOf(parent);
    if (!node)
        return;
    const int first = int(node->children.size());
    const int count = int(qMin<qint64>(FetchBatch, node->total - first));
    if (count <= 0)
        return;
    beginInsertRows(parent, first, first + count - 1);
    populate(node, count);
    endInsertRows();
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Node *node = nodeOf(index);
    const simdjson::dom::element &value = node->value;
    switch (index.column()) {
    case KeyColumn:
        return node->arrayItem ? QStringLiteral("[%1]").arg(node->row) : node->key;
    case ValueColumn:
        if (value.is_array())
            return node->total == 1 ? QStringLiteral("[1 item]")
                                    : QStringLiteral("[%1 items]").arg(node->total);
        if (value.is_object())
            return node->total == 1 ? QStringLiteral("{1 key}")
                                    : QStringLiteral("{%1 keys}").arg(node->total);
        if (role == Qt::ToolTipRole)
            return plainToolTip(compact(value).left(4096));
        {
            QString text = compact(value);
            if (text.size() > PreviewChars)
                text = text.left(PreviewChars) + QStringLiteral("…");
            return text;
        }
    case TypeColumn:
        return typeName(value);
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

QString JsonTreeModel::pathOf(const QModelIndex &index) const
{
    QStringList parts;
    for (const Node *node = index.isValid() ? nodeOf(index) : nullptr; node && node != m_root.get();
         node = node->parent) {
        if (node->arrayItem)
            parts.prepend(QStringLiteral("[%1]").arg(node->row));
        else if (node->key == QLatin1String("$") && node->parent == m_root.get()
            && !m_root->value.is_object())
            continue;
        else if (isIdentifier(node->key))
            parts.prepend(QLatin1Char('.') + node->key);
        else
            parts.prepend(QStringLiteral("['%1']").arg(
                QString(node->key).replace(QLatin1Char('\''), QLatin1String("\\'"))));
    }
    return QLatin1Char('$') + parts.join(QString());
}

QString JsonTreeModel::valueTextOf(const QModelIndex &index) const
{
    return index.isValid() ? compact(nodeOf(index)->value) : QString();
}

} // namespace Playground

// Compiled here (not in the library-wide moc unit) so programs that never use it do not link it.
#include "moc_JsonTreeModel.cpp"
