#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;

namespace Playground {

class CookieJar;
class CookieTable;
class CookieTableModel;

/** Request › Cookies…: the cookies of the current environment's jar; delete some or clear all. */
class CookieManagerDialog : public QDialog {
    Q_OBJECT
public:
    /** jar: the jar shown (not owned); environment: its name, empty for "no environment". */
    CookieManagerDialog(CookieJar *jar, const QString &environment, QWidget *parent = nullptr);

private:
    void reload();
    void deleteSelected();

    QPointer<CookieJar> m_jar;
    CookieTableModel *m_model;
    CookieTable *m_table;
    QLabel *m_summaryLabel;
    QPushButton *m_deleteButton;
    QPushButton *m_clearButton;
};

} // namespace Playground
