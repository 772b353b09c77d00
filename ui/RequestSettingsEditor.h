#pragma once

#include "app/model/RequestSettings.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Playground {

/**
 * The Settings tab of a request: follow redirects and how many, a timeout, TLS certificate
 * checks (off for this request only, with a warning that stays while they are off), a CA
 * certificate file and a proxy. It edits a RequestSettings; the window stores it in the document.
 */
class RequestSettingsEditor : public QWidget {
    Q_OBJECT
public:
    explicit RequestSettingsEditor(QWidget *parent = nullptr);

    void setSettings(const RequestSettings &settings);
    const RequestSettings &settings() const { return m_settings; }

    /** Replaces the file dialog (tests): returns the chosen path, or empty. */
    void setFileChooser(std::function<QString()> chooser) { m_chooseFile = std::move(chooser); }

Q_SIGNALS:
    /** The user changed a setting. */
    void settingsEdited();
    /** Certificate checks went off (true) or on again; the request shows a warning meanwhile. */
    void insecureChanged(bool insecure);

private:
    void edited();
    void showState();

    RequestSettings m_settings;
    QCheckBox *m_followCheck;
    QSpinBox *m_maxRedirectsSpin;
    QSpinBox *m_timeoutSpin;
    QCheckBox *m_verifyCheck;
    QLabel *m_warningLabel;
    QLineEdit *m_caFileEdit;
    QPushButton *m_caFileButton;
    QLineEdit *m_proxyEdit;
    std::function<QString()> m_chooseFile;
    bool m_loading = false;
};

} // namespace Playground
