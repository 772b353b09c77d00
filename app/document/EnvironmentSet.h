#pragma once

#include "app/core/Result.h"
#include "app/model/Environment.h"

#include <QAbstractListModel>

namespace Playground {

/**
 * The Postman environment files opened in the window, as a list a selector shows: row 0 is
 * "No environment", then each file by its name. The chosen one's values join every send (above the
 * collection's, below one-off values). Secret values in a file are used for the session; the file
 * itself is never rewritten here.
 */
class EnvironmentSet : public QAbstractListModel {
    Q_OBJECT
public:
    explicit EnvironmentSet(QObject *parent = nullptr);

    /** Reads the file and chooses it; a file already open is read again. */
    Status open(const QString &path);
    /** Row 0: none. */
    void choose(int row);
    int chosenRow() const { return m_chosen; }
    /** The chosen environment, or null. */
    const Environment *chosen() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** Another environment (or none) applies now. */
    void chosenChanged();

private:
    struct Entry {
        QString path;
        Environment environment;
    };
    QList<Entry> m_entries;
    int m_chosen = 0;
};

} // namespace Playground
