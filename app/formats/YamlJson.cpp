#include "app/formats/YamlJson.h"

#include "app/formats/OrderedJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <yaml-cpp/yaml.h>

namespace Playground {

namespace {

    struct Converter {
        qsizetype nodes = 0;
        QString error;
        bool keepOrder = false;

        QJsonValue scalar(const YAML::Node &node)
        {
            const QString text = QString::fromStdString(node.Scalar());
            if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
                return text; // quoted: always a string
            static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
            static const QRegularExpression real(
                QStringLiteral(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)"));
            if (text.isEmpty() || text == QLatin1String("~") || text == QLatin1String("null")
                || text == QLatin1String("Null") || text == QLatin1String("NULL"))
                return QJsonValue::Null;
            if (text == QLatin1String("true") || text == QLatin1String("True")
                || text == QLatin1String("TRUE"))
                return true;
            if (text == QLatin1String("false") || text == QLatin1String("False")
                || text == QLatin1String("FALSE"))
                return false;
            if (integer.match(text).hasMatch()) {
                bool ok = false;
                const qint64 v = text.toLongLong(&ok);
                if (ok && qAbs(v) < (qint64(1) << 53))
                    return double(v);
                // Beyond a double's integers: kept as written where the order is (OrderedJson
                // writes it as the number it is), else as its text.
                return keepOrder ? OrderedJson::exactInteger(text) : QJsonValue(text);
            }
            if (real.match(text).hasMatch()) {
                bool ok = false;
                const double v = text.toDouble(&ok);
                if (ok)
                    return v;
            }
            return text;
        }

        QJsonValue convert(const YAML::Node &node, int depth)
        {
            if (!error.isEmpty())
                return {};
            if (++nodes > YamlJson::MaxNodes) {
                error = QStringLiteral("too many nodes (aliases expanding?)");
                return {};
            }
            if (depth > YamlJson::MaxDepth) {
                error = QStringLiteral("nested more than %1 levels").arg(YamlJson::MaxDepth);
                return {};
            }
            switch (node.Type()) {
            case YAML::NodeType::Null:
            case YAML::NodeType::Undefined:
                return QJsonValue::Null;
            case YAML::NodeType::Scalar:
                return scalar(node);
            case YAML::NodeType::Sequence: {
                QJsonArray array;
                for (const YAML::Node &child : node) {
                    array.append(convert(child, depth + 1));
                    if (!error.isEmpty())
                        return {};
                }
                return array;
            }
            case YAML::NodeType::Map:
                return map(node, depth);
            }
            return {};
        }

        /** A plain (unquoted) "<<" key: a merge key (YAML 1.1, as every other reader has it). */
        static bool isMergeKey(const YAML::Node &key)
        {
            return key.IsScalar() && key.Scalar() == "<<" && key.Tag() != "!";
        }

        QJsonObject map(const YAML::Node &node, int depth)
        {
            QJsonObject object;
            QStringList order;
            QList<YAML::Node> merged;
            for (const auto &pair : node) {
                if (isMergeKey(pair.first)) {
                    merged.append(pair.second);
                    continue;
                }
                const QString key = pair.first.IsScalar()
                    ? QString::fromStdString(pair.first.Scalar())
                    : QStringLiteral("?");
                if (keepOrder && key.startsWith(QChar(0)))
                    continue; // the order's own name (OrderedJson); no document means one
                object.insert(key, convert(pair.second, depth + 1));
                order.append(key);
                if (!error.isEmpty())
                    return {};
            }
            for (const YAML::Node &source : merged)
                merge(object, order, source, depth);
            if (keepOrder)
                OrderedJson::setOrder(object, order);
            return object;
        }

        /** "<<: *a" or "<<: [*a, *b]": keys the mapping does not have itself (earlier sources
         * first). */
        void merge(QJsonObject &object, QStringList &order, const YAML::Node &source, int depth)
        {
            if (source.IsSequence()) {
                for (const YAML::Node &one : source)
                    merge(object, order, one, depth);
                return;
            }
            if (!source.IsMap()) {
                if (error.isEmpty())
                    error = QStringLiteral("a merge key (<<) must name a mapping");
                return;
            }
            // Through convert(): each expansion counts against the node and depth limits, so
            // mappings merged into each other twice per level cannot run for ever.
            const QJsonObject from = convert(source, depth + 1).toObject();
            for (const QString &key : OrderedJson::keys(from)) {
                if (!error.isEmpty())
                    return;
                if (!object.contains(key)) {
                    object.insert(key, from.value(key));
                    order.append(key);
                }
            }
        }
    };

} // namespace

Result<QJsonValue> YamlJson::parse(
    const QByteArray &text, const QString &origin, int firstLine, bool keepOrder)
{
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        Converter converter;
        converter.keepOrder = keepOrder;
        QJsonValue value = converter.convert(root, 0);
        if (!converter.error.isEmpty())
            return Result<QJsonValue>::failure(origin + QStringLiteral(": ") + converter.error);
        return value;
    } catch (const YAML::Exception &e) {
        return Result<QJsonValue>::failure(QStringLiteral("%1:%2:%3: %4")
                                               .arg(origin)
                                               .arg(e.mark.line + firstLine)
                                               .arg(e.mark.column + 1)
                                               .arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        return Result<QJsonValue>::failure(
            origin + QStringLiteral(": ") + QString::fromUtf8(e.what()));
    }
}

} // namespace Playground
