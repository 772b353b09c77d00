#pragma once

#include "app/send/AutomaticHeaders.h"

#include <QTableWidget>

namespace Playground {

/** The headers a send adds by itself (app/send/AutomaticHeaders), greyed and read-only. */
class AutomaticHeadersTable : public QTableWidget {
    Q_OBJECT
public:
    explicit AutomaticHeadersTable(QWidget *parent = nullptr);

    void setHeaders(const QList<AutomaticHeader> &headers);

protected:
    void changeEvent(QEvent *event) override;

private:
    void paintGrey();
};

} // namespace Playground
