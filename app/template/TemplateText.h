#pragma once

#include "app/policy/SecretPosition.h"
#include "app/template/VariableScopes.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace Playground {

/** One piece of a template: literal text or a {{name}} reference. */
struct TemplateToken {
    bool isVariable = false;
    QString text; ///< literal text, or the variable name
    qsizetype start = 0; ///< where the piece starts in the template, in characters
    qsizetype length = 0; ///< its length there ({{ and }} included)
};

/**
 * Substitutes {{name}} references. Values may themselves hold references (bounded depth);
 * unknown names stay as written and are listed; the output is bounded in size.
 */
class TemplateText {
public:
    static constexpr int MaxDepth = 10;
    /** Characters of substituted values one instance may produce (all of a request's parts). */
    static constexpr qsizetype MaxOutput = 32 * 1024 * 1024;
    /** Variable lookups one instance may make (all of a request's parts). */
    static constexpr qsizetype MaxLookups = 100'000;

    explicit TemplateText(const VariableScopes &scopes);

    static QList<TemplateToken> tokenize(const QString &text);

    /**
     * Resolves every reference in text, which goes to position (in header, when it is a header
     * value or an auth field sent in a header): each secret substituted is recorded there.
     */
    QString resolve(const QString &text, SecretPosition position, const QByteArray &header = {});
    /** Resolves the value of one variable (dynamic $names included). */
    QString resolveName(const QString &name, SecretPosition position);
    bool isKnown(const QString &name) const;
    const VariableScopes &scopes() const { return m_scopes; }

    QStringList unresolved() const { return m_unresolved; }
    /** Resolved values of secret variables used so far (for redaction). */
    QSet<QString> secretValues() const { return m_secretValues; }
    /** Where each secret substituted so far was put (CredentialPolicy checks them). */
    const SecretUses &secretUses() const { return m_uses; }
    /** Removes and returns the uses recorded after the first `from` (another request's own). */
    SecretUses takeSecretUses(qsizetype from)
    {
        const SecretUses taken = m_uses.mid(from);
        m_uses.resize(std::min(from, m_uses.size()));
        return taken;
    }
    /** First hard error (depth or size exceeded); empty when none. */
    QString error() const { return m_error; }

private:
    QString resolveDepth(const QString &text, int depth);
    QString dynamicValue(const QString &name) const;

    const VariableScopes &m_scopes;
    QStringList m_unresolved;
    QSet<QString> m_secretValues;
    SecretUses m_uses;
    SecretPosition m_position = SecretPosition::NotSent;
    QByteArray m_header;
    QString m_error;
    qsizetype m_substituted = 0; ///< characters of values substituted so far, across calls
    qsizetype m_lookups = 0; ///< variables looked up so far, across calls
};

} // namespace Playground
