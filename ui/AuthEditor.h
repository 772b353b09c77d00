#pragma once

#include "app/model/AuthSpec.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace Playground {

/**
 * The Auth tab of a request: inherit, none, Bearer, Basic, API key (header or query) or OAuth 2.0
 * client credentials. Secret fields (token, password, key value, client secret) take a
 * {{variable}} whose value lives in the keychain: a value typed there is refused with a message,
 * never written to the collection file. Parameters it does not show are kept.
 */
class AuthEditor : public QWidget {
    Q_OBJECT
public:
    explicit AuthEditor(QWidget *parent = nullptr);

    /** nullopt: the request inherits. */
    void setAuth(const std::optional<AuthSpec> &auth);
    std::optional<AuthSpec> auth() const { return m_auth; }
    /** What inheriting gives, in a few words ("Bearer from folder "Users""); empty: nothing. */
    void setInheritedNote(const QString &note);
    /** Replaces what the inherit choice says, in full (the collection has nothing above it). */
    void setInheritedText(const QString &text);

    /** True when text is a single {{variable}} reference (what a secret field accepts). */
    static bool isReference(const QString &text);

Q_SIGNALS:
    /** The user changed the auth. */
    void authEdited();

private:
    QLineEdit *addField(QWidget *page, const QString &name, const QString &label,
        const QString &accessibleName, const QString &param, bool secret);
    void onTypeChosen(int index);
    void onFieldEdited(QLineEdit *field);
    void showAuth();
    void showInherited();

    std::optional<AuthSpec> m_auth;
    QString m_inheritedNote;
    QString m_inheritedText;
    QComboBox *m_typeCombo;
    QStackedWidget *m_pages;
    QLabel *m_inheritLabel;
    QLabel *m_otherLabel;
    QComboBox *m_keyInCombo;
    QLabel *m_problemLabel;
    QList<QLineEdit *> m_fields; ///< property "param": the AuthParam key; "secret": bool
    bool m_loading = false;
};

} // namespace Playground
