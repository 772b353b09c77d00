#pragma once

#include "app/model/FormPart.h"
#include "ui/EntryTable.h"

namespace Playground {

/**
 * The parts of a multipart/form-data body: enabled, key, File (ticked: the value is a path read
 * at send time), value or path, and an optional Content-Type per part. A blank row at the end takes
 * new parts; Delete removes the selected rows. Fields not shown are kept for each part.
 */
class FormDataTable : public EntryTable {
    Q_OBJECT
public:
    enum Column { KeyColumn = 1, FileColumn, ValueColumn, ContentTypeColumn };

    explicit FormDataTable(QWidget *parent = nullptr);

    void setParts(const QList<FormPart> &parts);
    QList<FormPart> parts() const;
    /** Makes row a file part reading path (the blank row becomes a new part). */
    void setFile(int row, const QString &path);

protected:
    bool isBlankRow(int row) const override;
    void forgetRow(int row) override { m_kept.removeAt(row); }
    void appendBlankRow() override { appendRow({}, true); }
    QString enableTooltip() const override { return tr("Send this part"); }

private:
    void appendRow(const FormPart &part, bool blank);

    QList<FormPart> m_kept;
};

} // namespace Playground
