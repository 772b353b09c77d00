#include "app/template/TemplateText.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

namespace Playground {

namespace {

    bool isNameChar(QChar c)
    {
        // Postman allows almost anything between the braces except braces and line breaks.
        return c != QLatin1Char('{') && c != QLatin1Char('}') && c != QLatin1Char('\n')
            && c != QLatin1Char('\r');
    }

} // namespace

TemplateText::TemplateText(const VariableScopes &scopes)
    : m_scopes(scopes)
{
}

QList<TemplateToken> TemplateText::tokenize(const QString &text)
{
    QList<TemplateToken> tokens;
    QString literal;
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto literalToken = [&] {
        return TemplateToken { false, literal, i - literal.size(), literal.size() };
    };
    while (i < n) {
        if (text.at(i) == QLatin1Char('{') && i + 1 < n && text.at(i + 1) == QLatin1Char('{')) {
            qsizetype j = i + 2;
            while (j < n && isNameChar(text.at(j)))
                ++j;
            if (j + 1 < n && text.at(j) == QLatin1Char('}') && text.at(j + 1) == QLatin1Char('}')
                && j > i + 2) {
                const QString name = text.mid(i + 2, j - i - 2).trimmed();
                if (!name.isEmpty()) {
                    if (!literal.isEmpty())
                        tokens.append(literalToken());
                    literal.clear();
                    tokens.append({ true, name, i, j + 2 - i });
                    i = j + 2;
                    continue;
                }
            }
        }
        literal += text.at(i);
        ++i;
    }
    if (!literal.isEmpty())
        tokens.append(literalToken());
    return tokens;
}

QString TemplateText::resolve(
    const QString &text, SecretPosition position, const QByteArray &header)
{
    m_position = position;
    m_header = header;
    return resolveDepth(text, 0);
}

bool TemplateText::isKnown(const QString &name) const
{
    return m_scopes.contains(name) || !dynamicValue(name).isNull();
}

QString TemplateText::resolveName(const QString &name, SecretPosition position)
{
    return resolve(QStringLiteral("{{") + name + QStringLiteral("}}"), position);
}

QString TemplateText::resolveDepth(const QString &text, int depth)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    if (depth > MaxDepth) {
        if (m_error.isEmpty())
            m_error = QStringLiteral(
                "Variables nest deeper than %1 levels (a variable that refers to itself?)")
                          .arg(MaxDepth);
        return text;
    }
    QString out;
    for (const TemplateToken &t : tokenize(text)) {
        if (!t.isVariable) {
            out += t.text;
        } else {
            const QString dynamic = dynamicValue(t.text);
            if (!dynamic.isNull()) {
                out += dynamic;
            } else if (!m_scopes.contains(t.text)) {
                if (!m_unresolved.contains(t.text))
                    m_unresolved.append(t.text);
                out += QStringLiteral("{{") + t.text + QStringLiteral("}}");
            } else {
                // Counted too, not only the characters: empty values fanning out 60 times a
                // level would otherwise cost nothing and take months.
                if (++m_lookups > MaxLookups) {
                    if (m_error.isEmpty())
                        m_error = QStringLiteral(
                            "Variables refer to other variables more than %1 times in one "
                            "request (a variable that multiplies itself?)")
                                      .arg(MaxLookups);
                    return out;
                }
                const QString value = resolveDepth(m_scopes.value(t.text), depth + 1);
                if (m_scopes.isSecret(t.text) && !value.isEmpty()) {
                    m_secretValues.insert(value);
                    const QStringList origins = m_scopes.binding(t.text);
                    m_uses.append({ t.text, m_position, m_header, origins, !origins.isEmpty() });
                }
                out += value;
                m_substituted += value.size(); // one budget for the whole request
            }
        }
        if (out.size() > MaxOutput || m_substituted > MaxOutput) {
            if (m_error.isEmpty())
                m_error = QStringLiteral("Substituted text exceeds %1 million characters")
                              .arg(MaxOutput / (1024 * 1024));
            return out.left(MaxOutput);
        }
    }
    return out;
}

QString TemplateText::dynamicValue(const QString &name) const
{
    if (!name.startsWith(QLatin1Char('$')))
        return {};
    if (name == QLatin1String("$guid"))
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (name == QLatin1String("$timestamp"))
        return QString::number(QDateTime::currentSecsSinceEpoch());
    if (name == QLatin1String("$isoTimestamp"))
        return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (name == QLatin1String("$randomInt"))
        return QString::number(QRandomGenerator::global()->bounded(0, 1001));
    return {};
}

} // namespace Playground
