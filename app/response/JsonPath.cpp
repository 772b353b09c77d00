#include "app/response/JsonPath.h"

#include "app/response/JsonTree.h"

#include <QCoreApplication>

#include <vector>

namespace Playground {

namespace {

    using Element = simdjson::dom::element;

    /** Reads an expression left to right; the first problem stops it with its column. */
    class Parser {
    public:
        explicit Parser(const QString &text)
            : m_text(text)
        {
        }

        Result<QList<JsonPath::Step>> steps()
        {
            skipSpaces();
            if (peek() == QLatin1Char('$'))
                ++m_pos;
            else if (!atEnd() && peek() != QLatin1Char('.') && peek() != QLatin1Char('['))
                addDotStep(false); // "data[0]" reads as "$.data[0]"
            while (m_error.isEmpty() && (skipSpaces(), !atEnd())) {
                if (take(QLatin1Char('.'))) {
                    const bool descendants = take(QLatin1Char('.'));
                    if (descendants && peek() == QLatin1Char('['))
                        addBracketStep(true);
                    else
                        addDotStep(descendants);
                } else if (peek() == QLatin1Char('[')) {
                    addBracketStep(false);
                } else {
                    fail(tr("expected '.' or '['"));
                }
            }
            if (!m_error.isEmpty())
                return Result<QList<JsonPath::Step>>::failure(m_error);
            return m_steps;
        }

    private:
        static QString tr(const char *text)
        {
            return QCoreApplication::translate("Playground::JsonPath", text);
        }
        bool atEnd() const { return m_pos >= m_text.size(); }
        QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }
        bool take(QChar c)
        {
            if (peek() != c)
                return false;
            ++m_pos;
            return true;
        }
        void skipSpaces()
        {
            while (!atEnd() && peek().isSpace())
                ++m_pos;
        }
        void fail(const QString &what)
        {
            if (m_error.isEmpty())
                m_error = tr("JSONPath, column %1: %2").arg(m_pos + 1).arg(what);
        }

        void addDotStep(bool descendants)
        {
            JsonPath::Selector selector;
            if (take(QLatin1Char('*'))) {
                selector.kind = JsonPath::Selector::Kind::Wildcard;
            } else {
                const qsizetype start = m_pos;
                while (!atEnd() && peek() != QLatin1Char('.') && peek() != QLatin1Char('[')
                    && peek() != QLatin1Char(']') && !peek().isSpace())
                    ++m_pos;
                if (m_pos == start)
                    return fail(tr("expected a member name after '.'"));
                selector.name = m_text.mid(start, m_pos - start).toUtf8();
            }
            m_steps.append({ descendants, { selector } });
        }

        void addBracketStep(bool descendants)
        {
            take(QLatin1Char('['));
            JsonPath::Step step { descendants, {} };
            for (;;) {
                skipSpaces();
                if (peek() == QLatin1Char('?') || peek() == QLatin1Char('('))
                    return fail(tr("filter and script expressions ([?(…)]) are not supported; "
                                   "use a path such as $..id or $.data[*].name"));
                auto selector = readSelector();
                if (!selector)
                    return;
                step.selectors.append(*selector);
                skipSpaces();
                if (take(QLatin1Char(']')))
                    break;
                if (!take(QLatin1Char(',')))
                    return fail(tr("expected ',' or ']'"));
            }
            m_steps.append(step);
        }

        std::optional<JsonPath::Selector> readSelector()
        {
            JsonPath::Selector selector;
            if (take(QLatin1Char('*'))) {
                selector.kind = JsonPath::Selector::Kind::Wildcard;
                return selector;
            }
            if (peek() == QLatin1Char('\'') || peek() == QLatin1Char('"')) {
                auto name = readQuoted();
                if (!name)
                    return std::nullopt;
                selector.name = name->toUtf8();
                return selector;
            }
            // An index or a slice: [n], [a:b], [a:b:c], any part left out but the first colon.
            std::optional<qint64> parts[3];
            int colons = 0;
            for (;;) {
                skipSpaces();
                if (peek() == QLatin1Char('-') || peek().isDigit()) {
                    if (parts[colons])
                        return fail(tr("expected ':' or ']'")), std::nullopt;
                    parts[colons] = readInteger();
                    if (!parts[colons])
                        return std::nullopt;
                    continue;
                }
                if (peek() == QLatin1Char(':') && colons < 2) {
                    ++m_pos;
                    ++colons;
                    continue;
                }
                break;
            }
            if (colons == 0) {
                if (!parts[0])
                    return fail(tr("expected a name in quotes, a number, a slice or '*'")),
                           std::nullopt;
                selector.kind = JsonPath::Selector::Kind::Index;
                selector.index = *parts[0];
                return selector;
            }
            selector.kind = JsonPath::Selector::Kind::Slice;
            selector.start = parts[0];
            selector.end = parts[1];
            selector.step = parts[2].value_or(1);
            if (selector.step == 0)
                return fail(tr("a slice's step cannot be 0")), std::nullopt;
            return selector;
        }

        std::optional<qint64> readInteger()
        {
            const qsizetype start = m_pos;
            take(QLatin1Char('-'));
            while (!atEnd() && peek().isDigit())
                ++m_pos;
            bool ok = false;
            const qint64 value = QStringView(m_text).mid(start, m_pos - start).toLongLong(&ok);
            if (!ok) {
                m_pos = start;
                fail(tr("expected a whole number"));
                return std::nullopt;
            }
            return value;
        }

        std::optional<QString> readQuoted()
        {
            const QChar quote = m_text.at(m_pos++);
            QString name;
            while (!atEnd() && peek() != quote) {
                if (peek() == QLatin1Char('\\') && m_pos + 1 < m_text.size())
                    ++m_pos;
                name += m_text.at(m_pos++);
            }
            if (!take(quote)) {
                fail(tr("the quoted name is not closed"));
                return std::nullopt;
            }
            return name;
        }

        const QString &m_text;
        qsizetype m_pos = 0;
        QString m_error;
        QList<JsonPath::Step> m_steps;
    };

    /** Collects matches up to a cap; once full, every further add only marks it capped. */
    class Collector {
    public:
        explicit Collector(int cap)
            : m_cap(size_t(qMax(1, cap)))
        {
        }
        bool full() const { return m_capped; }
        void add(Element e)
        {
            if (m_out.size() >= m_cap)
                m_capped = true;
            else
                m_out.push_back(e);
        }
        std::vector<Element> take() { return std::move(m_out); }
        bool capped() const { return m_capped; }

    private:
        size_t m_cap;
        std::vector<Element> m_out;
        bool m_capped = false;
    };

    /** Python's slice rules: the items of an array of size n that [start:end:step] selects. */
    void addSlice(const simdjson::dom::array &array, const JsonPath::Selector &s, Collector &out)
    {
        const qint64 n = qint64(array.size());
        const auto clamp = [n](qint64 i, qint64 low, qint64 high) {
            if (i < 0)
                i += n;
            return qBound(low, i, high);
        };
        if (s.step > 0) {
            const qint64 from = s.start ? clamp(*s.start, 0, n) : 0;
            const qint64 to = s.end ? clamp(*s.end, 0, n) : n;
            for (qint64 i = from; i < to && !out.full(); i += s.step)
                out.add(array.at(size_t(i)).value_unsafe());
        } else {
            const qint64 from = s.start ? clamp(*s.start, -1, n - 1) : n - 1;
            const qint64 to = s.end ? clamp(*s.end, -1, n - 1) : -1;
            for (qint64 i = from; i > to && !out.full(); i += s.step)
                out.add(array.at(size_t(i)).value_unsafe());
        }
    }

    void select(Element e, const JsonPath::Selector &s, Collector &out)
    {
        using Kind = JsonPath::Selector::Kind;
        if (e.is_object()) {
            const simdjson::dom::object object = e.get_object().value_unsafe();
            if (s.kind == Kind::Wildcard) {
                for (const auto member : object) {
                    if (out.full())
                        return;
                    out.add(member.value);
                }
            } else if (s.kind == Kind::Name) {
                const std::string_view key(s.name.constData(), size_t(s.name.size()));
                for (const auto member : object) { // every member of that name, in order
                    if (member.key == key)
                        out.add(member.value);
                }
            }
            return;
        }
        if (!e.is_array())
            return;
        const simdjson::dom::array array = e.get_array().value_unsafe();
        switch (s.kind) {
        case Kind::Wildcard:
            for (const Element item : array) {
                if (out.full())
                    return;
                out.add(item);
            }
            break;
        case Kind::Index: {
            const qint64 n = qint64(array.size());
            const qint64 i = s.index < 0 ? s.index + n : s.index;
            if (i >= 0 && i < n)
                out.add(array.at(size_t(i)).value_unsafe());
            break;
        }
        case Kind::Slice:
            addSlice(array, s, out);
            break;
        case Kind::Name:
            break;
        }
    }

    /** Applies the step's selectors at e and, for "..", at every value below it (pre-order). */
    void apply(Element e, const JsonPath::Step &step, Collector &out)
    {
        for (const JsonPath::Selector &s : step.selectors)
            select(e, s, out);
        if (!step.descendants || out.full())
            return;
        if (e.is_object()) {
            const simdjson::dom::object object = e.get_object().value_unsafe();
            for (const auto member : object) {
                if (out.full())
                    return;
                apply(member.value, step, out);
            }
        } else if (e.is_array()) {
            const simdjson::dom::array array = e.get_array().value_unsafe();
            for (const Element item : array) {
                if (out.full())
                    return;
                apply(item, step, out);
            }
        }
    }

} // namespace

QByteArray JsonPath::Matches::toJsonArray() const
{
    QByteArray json = "[";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            json += ',';
        json += values.at(i);
    }
    json += ']';
    return json;
}

Result<JsonPath> JsonPath::parse(const QString &expression)
{
    Parser parser(expression);
    auto steps = parser.steps();
    if (!steps)
        return Result<JsonPath>::failure(steps.error());
    JsonPath path;
    path.m_expression = expression;
    path.m_steps = std::move(steps).value();
    return path;
}

JsonPath::Matches JsonPath::evaluate(const JsonTree &tree, int maxMatches) const
{
    std::vector<Element> current { tree.root };
    bool capped = false;
    for (const Step &step : m_steps) {
        Collector next(maxMatches);
        for (const Element &e : current) {
            if (next.full())
                break;
            apply(e, step, next);
        }
        capped = capped || next.capped();
        current = next.take();
    }
    Matches matches;
    matches.capped = capped;
    matches.values.reserve(qsizetype(current.size()));
    for (const Element &e : current) {
        const std::string text = simdjson::minify(e);
        matches.values.append(QByteArray(text.data(), qsizetype(text.size())));
    }
    return matches;
}

} // namespace Playground
