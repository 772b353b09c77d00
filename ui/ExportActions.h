#pragma once

#include "app/formats/ExportSource.h"
#include "app/model/Exchange.h"

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace Playground {

class SecretStore;

/**
 * The Request menu's ways out of the app: Export request… (the dialog), Copy as cURL (at once,
 * secrets as <name>) and Save response as HAR…. The window says what is on screen through two
 * callbacks; the rest happens here.
 */
class ExportActions : public QObject {
    Q_OBJECT
public:
    using SourceOnScreen = std::function<ExportSource()>;
    /** The exchange on screen and the secret values its send used (to mask server echoes). */
    struct ShownExchange {
        Exchange exchange;
        QStringList secrets;
    };
    using ExchangeOnScreen = std::function<ShownExchange()>;
    /** Asked for the file to save to; empty cancels. Tests replace the file dialog. */
    using FileChooser = std::function<QString(const QString &suggestedName)>;

    ExportActions(
        QWidget *window, SecretStore *store, SourceOnScreen source, ExchangeOnScreen exchange);

    QList<QAction *> actions() const;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

Q_SIGNALS:
    /** A line for the status bar: what was done, or why not. */
    void message(const QString &text);

private:
    void exportRequest();
    void copyAsCurl();
    void saveHar();

    QWidget *m_window;
    SecretStore *m_store;
    SourceOnScreen m_source;
    ExchangeOnScreen m_exchange;
    FileChooser m_chooseFile;
    QAction *m_export;
    QAction *m_copyCurl;
    QAction *m_saveHar;
};

} // namespace Playground
