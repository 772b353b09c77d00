#pragma once

#include "app/model/FormPart.h"

#include <QTableWidget>

namespace Playground {

/**
 * The parts of a multipart/form-data body: enabled, key, File (ticked: the value is a path read
 * at send time), value or path, and an optional Content-Type per part. A blank row at the end takes
 * new parts; Delete removes the selected rows. Fields not shown are kept for each part.
 */
class FormDataTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { EnabledColumn, KeyColumn, FileColumn, ValueColumn, ContentTypeColumn };

    explicit FormDataTable(QWidget *parent = nullptr);

    void setParts(const QList<FormPart> &parts);
    QList<FormPart> parts() const;
    /** Makes row a file part reading path (the blank row becomes a new part). */
    void setFile(int row, const QString &path);

Q_SIGNALS:
    /** The user changed a part. */
    void partsEdited();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void appendRow(const FormPart &part, bool blank);
    void onItemChanged(QTableWidgetItem *item);
    void removeSelectedRows();
    bool isBlankRow(int row) const;
    void setRowEnabled(int row);

    QList<FormPart> m_kept;
    bool m_loading = false;
};

} // namespace Playground
