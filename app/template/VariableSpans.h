#pragma once

#include "app/template/VariableScopes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Playground {

/** One {{name}} in a template as a field shows it: where, resolved or not, and what it means. */
struct VariableSpan {
    qsizetype start = 0;
    qsizetype length = 0;
    QString name;
    bool resolved = false;
    /** Plain text for a tooltip: the value (a secret's masked) and its scope, or what to do. */
    QString description;
};

/**
 * The {{variables}} of a template (a URL) for highlighting: each resolved or not, with a plain-text
 * description. A secret's value is never in it.
 */
class VariableSpans {
public:
    static constexpr qsizetype MaxShownValue = 200;

    /** storedSecrets: names whose value is in the keychain (not in scopes): resolved, masked. */
    static QList<VariableSpan> of(
        const QString &text, const VariableScopes &scopes, const QStringList &storedSecrets = {});
};

} // namespace Playground
