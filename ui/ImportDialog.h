#pragma once

#include "app/core/Result.h"
#include "app/formats/Imported.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Playground {

/**
 * File › Import…: requests from a file (chosen, or dropped on the dialog) or from pasted text —
 * a Postman collection, an OpenAPI document, a .http file, a curl command or docs Markdown, the
 * format recognised. The import runs off the UI thread (a large OpenAPI file takes a while); the
 * result goes out as imported() and becomes a new, unsaved collection. What could not be carried
 * over stays listed in the dialog; a failure is shown there, the pasted text kept.
 */
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    /** Asked for the file to import; empty cancels. Tests replace the file dialog. */
    using FileChooser = std::function<QString()>;

    explicit ImportDialog(QWidget *parent = nullptr);

    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    /** Imports the file at path (what choosing or dropping it does). */
    void importFile(const QString &path);

Q_SIGNALS:
    /** A collection was read; origin names where from (a file name, or "pasted text"). */
    void imported(const Playground::ImportedCollection &result, const QString &origin);
    /** An import ended, well or not (the dialog shows how). */
    void importEnded();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void importPasted();
    void start(std::function<Result<ImportedCollection>()> work, const QString &origin);
    void finish(const Result<ImportedCollection> &result);
    void setImporting(bool importing);
    void showStatus(const QString &text, bool error);

    FileChooser m_chooseFile;
    bool m_importing = false;
    QString m_origin; ///< what the running import reads
    /** The running import, on Qt's thread pool (which the application waits for at exit). */
    QFutureWatcher<std::optional<Result<ImportedCollection>>> m_watcher;
    QPlainTextEdit *m_paste;
    QLabel *m_status;
    QPlainTextEdit *m_report;
    QPushButton *m_chooseButton;
    QPushButton *m_importButton;
};

} // namespace Playground
