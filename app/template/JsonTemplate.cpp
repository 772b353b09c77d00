#include "app/template/JsonTemplate.h"

#include <cctype>

namespace Playground {

namespace {

    /** One pass over the text: validates and, when asked, writes it again with new spacing. */
    class JsonPass {
    public:
        JsonPass(const QString &text, int indent, bool write)
            : m_text(text)
            , m_indent(indent)
            , m_write(write)
        {
        }

        bool run()
        {
            skipSpace();
            if (atEnd())
                return fail(QStringLiteral("the body is empty"));
            if (!value(0))
                return false;
            skipSpace();
            if (!atEnd())
                return fail(QStringLiteral("unexpected text after the JSON value"));
            return true;
        }

        QString output() const { return m_out; }
        JsonTemplate::Problem problem() const
        {
            JsonTemplate::Problem p;
            p.message = m_error;
            for (qsizetype i = 0; i < m_errorPos && i < m_text.size(); ++i) {
                if (m_text.at(i) == QLatin1Char('\n')) {
                    ++p.line;
                    p.column = 1;
                } else {
                    ++p.column;
                }
            }
            return p;
        }

    private:
        bool atEnd() const { return m_pos >= m_text.size(); }
        QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }
        bool fail(const QString &message)
        {
            if (m_error.isEmpty()) {
                m_error = message;
                m_errorPos = m_pos;
            }
            return false;
        }
        void skipSpace()
        {
            while (!atEnd()) {
                const QChar c = peek();
                if (c != QLatin1Char(' ') && c != QLatin1Char('\t') && c != QLatin1Char('\n')
                    && c != QLatin1Char('\r'))
                    return;
                ++m_pos;
            }
        }
        void put(QStringView s)
        {
            if (m_write)
                m_out += s;
        }
        void newline(int depth)
        {
            if (m_write && m_indent > 0) {
                m_out += QLatin1Char('\n');
                m_out += QString(depth * m_indent, QLatin1Char(' '));
            }
        }
        QString found() const
        {
            return atEnd() ? QStringLiteral("the end of the text")
                           : QStringLiteral("'%1'").arg(peek());
        }

        bool isTemplate() const { return m_text.mid(m_pos, 2) == QLatin1String("{{"); }
        bool templ()
        {
            const qsizetype close = m_text.indexOf(QLatin1String("}}"), m_pos + 2);
            if (close < 0)
                return fail(QStringLiteral("a {{variable}} is not closed with }}"));
            const qsizetype newline = m_text.indexOf(QLatin1Char('\n'), m_pos);
            if (newline >= 0 && newline < close)
                return fail(QStringLiteral("a {{variable}} is not closed on its line"));
            put(QStringView(m_text).mid(m_pos, close + 2 - m_pos));
            m_pos = close + 2;
            return true;
        }

        bool string()
        {
            const qsizetype start = m_pos;
            ++m_pos; // opening quote
            while (!atEnd()) {
                const QChar c = peek();
                if (c == QLatin1Char('"')) {
                    ++m_pos;
                    put(QStringView(m_text).mid(start, m_pos - start));
                    return true;
                }
                if (c == QLatin1Char('\\')) {
                    ++m_pos;
                    const QChar e = peek();
                    if (e == QLatin1Char('u')) {
                        for (int i = 1; i <= 4; ++i) {
                            const QChar h
                                = m_pos + i < m_text.size() ? m_text.at(m_pos + i) : QChar();
                            if (!isxdigit(h.toLatin1())) {
                                m_pos += i;
                                return fail(QStringLiteral("\\u needs four hex digits"));
                            }
                        }
                        m_pos += 5;
                        continue;
                    }
                    if (!QStringView(u"\"\\/bfnrt").contains(e) || atEnd())
                        return fail(QStringLiteral("invalid escape in a string"));
                    ++m_pos;
                    continue;
                }
                if (c.unicode() < 0x20) {
                    return fail(c == QLatin1Char('\n')
                            ? QStringLiteral("a string is not closed on its line")
                            : QStringLiteral("a control character in a string must be escaped"));
                }
                ++m_pos;
            }
            return fail(QStringLiteral("a string is not closed"));
        }

        bool number()
        {
            const qsizetype start = m_pos;
            if (peek() == QLatin1Char('-'))
                ++m_pos;
            if (peek() == QLatin1Char('0')) {
                ++m_pos;
            } else if (peek().isDigit()) {
                while (peek().isDigit())
                    ++m_pos;
            } else {
                return fail(QStringLiteral("expected a digit, found %1").arg(found()));
            }
            if (peek() == QLatin1Char('.')) {
                ++m_pos;
                if (!peek().isDigit())
                    return fail(
                        QStringLiteral("expected a digit after '.', found %1").arg(found()));
                while (peek().isDigit())
                    ++m_pos;
            }
            if (peek() == QLatin1Char('e') || peek() == QLatin1Char('E')) {
                ++m_pos;
                if (peek() == QLatin1Char('+') || peek() == QLatin1Char('-'))
                    ++m_pos;
                if (!peek().isDigit())
                    return fail(
                        QStringLiteral("expected a digit in the exponent, found %1").arg(found()));
                while (peek().isDigit())
                    ++m_pos;
            }
            put(QStringView(m_text).mid(start, m_pos - start));
            return true;
        }

        bool word()
        {
            for (const QLatin1String w :
                { QLatin1String("true"), QLatin1String("false"), QLatin1String("null") }) {
                if (QStringView(m_text).mid(m_pos).startsWith(w)) {
                    m_pos += w.size();
                    put(QString(w));
                    return true;
                }
            }
            return fail(QStringLiteral("expected a value, found %1").arg(found()));
        }

        bool container(int depth, QChar close)
        {
            const bool isObject = close == QLatin1Char('}');
            if (depth >= JsonTemplate::MaxDepth)
                return fail(
                    QStringLiteral("nested deeper than %1 levels").arg(JsonTemplate::MaxDepth));
            put(QString(m_text.at(m_pos)));
            ++m_pos;
            skipSpace();
            if (peek() == close) {
                ++m_pos;
                put(QString(close));
                return true;
            }
            while (true) {
                newline(depth + 1);
                if (isObject) {
                    if (isTemplate()) {
                        if (!templ())
                            return false;
                    } else if (peek() == QLatin1Char('"')) {
                        if (!string())
                            return false;
                    } else {
                        return fail(
                            QStringLiteral("expected a \"key\" in quotes, found %1").arg(found()));
                    }
                    skipSpace();
                    if (peek() != QLatin1Char(':'))
                        return fail(
                            QStringLiteral("expected ':' after a key, found %1").arg(found()));
                    ++m_pos;
                    put(m_write && m_indent > 0 ? u": " : u":");
                    skipSpace();
                }
                if (!value(depth + 1))
                    return false;
                skipSpace();
                if (peek() == QLatin1Char(',')) {
                    ++m_pos;
                    put(u",");
                    skipSpace();
                    if (peek() == close)
                        return fail(QStringLiteral("a trailing ',' before '%1'").arg(close));
                    continue;
                }
                if (peek() == close) {
                    ++m_pos;
                    newline(depth);
                    put(QString(close));
                    return true;
                }
                return fail(
                    QStringLiteral("expected ',' or '%1', found %2").arg(close).arg(found()));
            }
        }

        bool value(int depth)
        {
            if (atEnd())
                return fail(QStringLiteral("expected a value, found the end of the text"));
            if (isTemplate())
                return templ();
            const QChar c = peek();
            if (c == QLatin1Char('{'))
                return container(depth, QLatin1Char('}'));
            if (c == QLatin1Char('['))
                return container(depth, QLatin1Char(']'));
            if (c == QLatin1Char('"'))
                return string();
            if (c == QLatin1Char('-') || c.isDigit())
                return number();
            return word();
        }

        const QString &m_text;
        const int m_indent;
        const bool m_write;
        qsizetype m_pos = 0;
        QString m_out;
        QString m_error;
        qsizetype m_errorPos = 0;
    };

    Result<QString> rewrite(const QString &text, int indent)
    {
        JsonPass pass(text, indent, true);
        if (!pass.run())
            return Result<QString>::failure(JsonTemplate::describe(pass.problem()));
        return pass.output();
    }

} // namespace

std::optional<JsonTemplate::Problem> JsonTemplate::check(const QString &text)
{
    JsonPass pass(text, 0, false);
    if (pass.run())
        return std::nullopt;
    return pass.problem();
}

Result<QString> JsonTemplate::beautify(const QString &text, int indent)
{
    return rewrite(text, qMax(1, indent));
}

Result<QString> JsonTemplate::minify(const QString &text)
{
    return rewrite(text, 0);
}

QString JsonTemplate::describe(const Problem &problem)
{
    return QStringLiteral("Line %1, column %2: %3")
        .arg(problem.line)
        .arg(problem.column)
        .arg(problem.message);
}

} // namespace Playground
