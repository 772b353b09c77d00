#include "app/template/VariableSpans.h"

#include "app/template/TemplateText.h"

namespace Playground {

QList<VariableSpan> VariableSpans::of(
    const QString &text, const VariableScopes &scopes, const QStringList &storedSecrets)
{
    QList<VariableSpan> out;
    const TemplateText resolver(scopes);
    for (const TemplateToken &t : TemplateText::tokenize(text)) {
        if (!t.isVariable)
            continue;
        VariableSpan span { t.start, t.length, t.text, true, {} };
        const QString ref = QStringLiteral("{{%1}}").arg(t.text);
        const QString scope = scopes.scopeOf(t.text);
        const QString from = scope.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(scope);
        if (scopes.contains(t.text) && scopes.isSecret(t.text)) {
            span.description = QStringLiteral("%1 = •••••• — secret%2").arg(ref, from);
        } else if (scopes.contains(t.text)) {
            QString value = scopes.value(t.text);
            if (value.size() > MaxShownValue)
                value = value.left(MaxShownValue) + QStringLiteral("…");
            span.description = QStringLiteral("%1 = %2%3").arg(ref, value, from);
        } else if (storedSecrets.contains(t.text)) {
            span.description
                = QStringLiteral("%1 = •••••• — secret, kept in the keychain").arg(ref);
        } else if (resolver.isKnown(t.text)) {
            span.description = QStringLiteral("%1 — a new value at each send").arg(ref);
        } else {
            span.resolved = false;
            span.description = QStringLiteral("%1 has no value: give it one in the Variables "
                                              "panel or the environment")
                                   .arg(ref);
        }
        out.append(span);
    }
    return out;
}

} // namespace Playground
