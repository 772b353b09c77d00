#pragma once

#include <QTableView>

namespace Playground {

class CookieTableModel;

/** A read-only table of cookies (CookieTableModel), in the response and in the cookie manager. */
class CookieTable : public QTableView {
    Q_OBJECT
public:
    CookieTable(CookieTableModel *model, const QString &objectName, const QString &accessibleName,
        QWidget *parent = nullptr);
};

} // namespace Playground
