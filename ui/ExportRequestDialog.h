#pragma once

#include "app/formats/ExportSource.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Playground {

class SecretStore;

/**
 * Request › Export request…: the request on screen as a curl command or a .http section, shown
 * before it leaves the app. Secrets are written as <name> unless "Include secrets" is ticked
 * (then read from the keychain, with a warning that the text now holds them). Copy puts the
 * text on the clipboard; Save… writes it to a file.
 */
class ExportRequestDialog : public QDialog {
    Q_OBJECT
public:
    /** Asked for the file to save to; empty cancels. Tests replace the file dialog. */
    using FileChooser = std::function<QString(const QString &suggestedName)>;

    ExportRequestDialog(ExportSource source, SecretStore *store, QWidget *parent = nullptr);

    QString text() const;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

Q_SIGNALS:
    /** The text was made again (format or secrets changed, the keychain answered). */
    void textUpdated();

private:
    void render();
    void loadSecretsThenRender();
    void copy();
    void save();

    ExportSource m_source;
    SecretStore *m_store;
    VariableList m_secrets; ///< read from the keychain when "Include secrets" was ticked
    bool m_secretsLoaded = false;
    QStringList m_secretProblems;
    FileChooser m_chooseFile;
    QByteArray m_bytes; ///< the text shown, as bytes (a body that is not UTF-8 stays exact)
    QComboBox *m_format;
    QCheckBox *m_includeSecrets;
    QLabel *m_warning;
    QPlainTextEdit *m_preview;
    QLabel *m_notes;
    QPushButton *m_copyButton;
    QPushButton *m_saveButton;
};

} // namespace Playground
