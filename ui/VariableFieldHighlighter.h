#pragma once

#include "app/template/VariableSpans.h"

#include <QObject>

class QLineEdit;

namespace Playground {

/**
 * Colours the {{variables}} of a line edit (resolved / unresolved, palette-aware) and gives each
 * a tooltip with its value and scope (secrets masked). Tooltips are escaped: the field's text is
 * never read as HTML.
 */
class VariableFieldHighlighter : public QObject {
    Q_OBJECT
public:
    explicit VariableFieldHighlighter(QLineEdit *edit);

    /** storedSecrets: names whose value is in the keychain, not in scopes. */
    void setScopes(const VariableScopes &scopes, const QStringList &storedSecrets);
    QList<VariableSpan> spans() const { return m_spans; }
    /** The tooltip shown at character position (escaped plain text in a <qt> wrapper). */
    QString toolTipAt(int position) const;

    /** Colours of resolved and unresolved names on palette's Base (contrast ≥ 4.5:1). */
    static QColor resolvedColor(const QPalette &palette);
    static QColor unresolvedColor(const QPalette &palette);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();

    QLineEdit *m_edit;
    VariableScopes m_scopes;
    QStringList m_storedSecrets;
    QList<VariableSpan> m_spans;
};

} // namespace Playground
