#pragma once

#include "app/formats/Imported.h"

#include "app/model/RequestSpec.h"
#include "app/template/VariableScopes.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace Playground {

class AuthEditor;
class AutomaticHeadersTable;
class VariableFieldHighlighter;
class BodyEditor;
class DescriptionView;
class ElidedLabel;
class KeyValueTable;
class PathVariablesTable;
class RequestSettingsEditor;

/**
 * Edits one request: method, URL, query parameters, headers, body and auth. It keeps the whole
 * RequestSpec so fields it does not show survive an edit; request() returns the edited spec.
 */
class RequestEditor : public QWidget {
    Q_OBJECT
public:
    explicit RequestEditor(QWidget *parent = nullptr);

    /** Shows a request; title names it ("Folder › Request", or the scratch request). */
    void setRequest(const RequestSpec &request, const QString &title);
    const RequestSpec &request() const { return m_request; }

    /** While a request is in flight the Send button reads Cancel. */
    void setInFlight(bool inFlight);
    bool isInFlight() const { return m_inFlight; }
    /** Variables the request uses: names with a value, names without one (values never shown). */
    void setVariableNames(const QStringList &known, const QStringList &missing);
    /** Where Authorization comes from, in a few words; empty hides the note. */
    void setAuthNote(const QString &note);
    /** The variables the request sees: the URL field colours and explains its {{names}}. */
    void setVariableScopes(const VariableScopes &scopes);
    /** The auth the request is sent with (its own or inherited): the automatic headers show it. */
    void setEffectiveAuth(const AuthSpec &auth);
    void focusUrl();
    /** The Settings tab (redirects, timeout, TLS, CA file, proxy); the window fills it. */
    RequestSettingsEditor *settingsEditor() const { return m_settingsEditor; }

Q_SIGNALS:
    /** The user changed the request's method, URL, headers or body. */
    void requestEdited();
    /** The user changed the request's auth (nullopt: inherit). */
    void authEdited(const std::optional<Playground::AuthSpec> &auth);
    /** The user changed the request's description (Description tab, Edit then Done). */
    void descriptionEdited(const QString &description);
    /** A curl command was pasted into the URL field: the whole request, with its warnings. */
    void requestPasted(const Playground::ImportedRequest &imported);
    /** Pasted text looked like a curl command but could not be read. */
    void pasteFailed(const QString &error);
    void sendRequested();
    void cancelRequested();

protected:
    /** Undo and redo belong to the document (Edit menu), not to one text field's own history. */
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void loadUrlIntoParams();
    void onUrlEdited(const QString &text);
    void onParamsEdited();
    /** The path variables table shows the URL's ":name" segments (hidden when there are none). */
    void showPathVariables();
    void onHeadersEdited();
    void onBodyEdited();
    void updateTabTitles();
    void updateMethodLook();

    RequestSpec m_request;
    QLabel *m_titleLabel;
    QComboBox *m_methodCombo;
    QLineEdit *m_urlEdit;
    VariableFieldHighlighter *m_urlHighlighter;
    QStringList m_knownNames; ///< names with a value, keychain ones included
    QPushButton *m_sendButton;
    ElidedLabel *m_variablesLabel; ///< variables without a value
    ElidedLabel *m_knownVariablesLabel; ///< variables with one
    QTabWidget *m_tabs;
    KeyValueTable *m_paramsTable;
    PathVariablesTable *m_pathTable = nullptr;
    QLabel *m_pathLabel = nullptr;
    QWidget *m_paramsTab = nullptr;
    KeyValueTable *m_headersTable;
    QLabel *m_authLabel;
    AutomaticHeadersTable *m_automaticHeaders;
    AuthEditor *m_authEditor;
    BodyEditor *m_bodyEditor;
    RequestSettingsEditor *m_settingsEditor = nullptr;
    DescriptionView *m_description = nullptr;
    bool m_loading = false;
    bool m_inFlight = false;
};

} // namespace Playground
