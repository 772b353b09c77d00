#pragma once

#include "app/model/RequestBody.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace Playground {

class FormDataTable;
class GraphQlBodyEditor;
class KeyValueTable;
class RawBodyEditor;

/**
 * The Body tab: a mode (none, raw, x-www-form-urlencoded, form-data, binary file, GraphQL) and the
 * editor of that mode. It keeps the whole RequestBody, so switching modes loses nothing typed in
 * another.
 */
class BodyEditor : public QWidget {
    Q_OBJECT
public:
    explicit BodyEditor(QWidget *parent = nullptr);

    void setBody(const RequestBody &body);
    const RequestBody &body() const { return m_body; }
    /** A short name of the mode for the tab title: "JSON", "form-data"...; empty for none. */
    QString modeTitle() const;
    /** The raw editor's JSON problem as shown; empty when there is none or the body is not JSON. */
    QString problemText() const;

    /** Asks for a file to send (a dialog by default; tests give their own). */
    using FileChooser = std::function<QString(QWidget *parent, const QString &title)>;
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    RawBodyEditor *rawEditor() const { return m_raw; }

Q_SIGNALS:
    /** The user changed the body. */
    void bodyEdited();

private:
    QWidget *createFilePage();
    QWidget *createFormDataPage();
    void showMode();
    void onModeChosen(int index);
    void onRawEdited();
    void edited();

    RequestBody m_body;
    QComboBox *m_modeCombo;
    QStackedWidget *m_pages;
    RawBodyEditor *m_raw;
    KeyValueTable *m_urlEncodedTable;
    FormDataTable *m_formDataTable;
    QPushButton *m_formDataFileButton;
    QLineEdit *m_fileEdit;
    QPushButton *m_fileButton;
    QLabel *m_fileNoteLabel;
    GraphQlBodyEditor *m_graphQl;
    QLabel *m_otherLabel;
    FileChooser m_chooseFile;
    bool m_loading = false;
};

} // namespace Playground
