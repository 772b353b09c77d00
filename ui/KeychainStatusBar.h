#pragma once

#include <QWidget>

class QLabel;

namespace Playground {

class SecretStore;

/**
 * One line saying where secrets are kept ("Stored in the system keychain", "Keychain locked —
 * secrets kept for this session only", ...), with an icon, following SecretStore::statusChanged.
 */
class KeychainStatusBar : public QWidget {
    Q_OBJECT
public:
    /** store is not owned; null means there is no store at all. */
    explicit KeychainStatusBar(SecretStore *store, QWidget *parent = nullptr);

    QString text() const;
    /** One unwrapped line, icon centred: for a status bar. */
    void setSingleLine();

private:
    void update();
    void updateIcon();

    SecretStore *m_store;
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace Playground
