#pragma once

#include "app/core/Result.h"
#include "app/model/Environment.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Playground {

class SecretStore;

/**
 * The Postman environment files open in the window, as a list a selector shows: row 0 is
 * "No environment", then each environment by its name. The chosen one's values join every send
 * (above the collection's, below one-off values). Secret values are held for the session only:
 * read from the keychain when a file is opened, given by the editor, and never written to the
 * file (it keeps each secret's name with an empty value).
 */
class EnvironmentSet : public QAbstractListModel {
    Q_OBJECT
public:
    explicit EnvironmentSet(QObject *parent = nullptr);

    /** Where secret values are read from when a file is opened (not owned; may be null). */
    void setSecretStore(SecretStore *store);

    /** Reads the file and chooses it; a file already open is read again. */
    Status open(const QString &path);
    /** A new, empty environment (an id of its own, not saved yet), chosen; returns its row. */
    int create(const QString &name);
    /**
     * Replaces the values of the environment at row (> 0). A secret given with an empty value
     * keeps the value held for the session (the editor and undo steps never carry it).
     */
    void setValues(int row, const VariableList &values);
    /** Renames the environment at row (> 0). */
    void setName(int row, const QString &name);
    /** Holds a secret's value for the session (the keychain has it, or cannot). */
    void setSecretValue(int row, const QString &name, const QString &value);
    /** Writes the environment at row to path atomically, without secret values; row keeps path. */
    Status save(int row, const QString &path);

    /** Row 0: none. */
    void choose(int row);
    int chosenRow() const { return m_chosen; }
    /** The chosen environment (with the session's secret values), or null. */
    const Environment *chosen() const;
    /** The environment at row (> 0), or null. */
    const Environment *environment(int row) const;
    /** The file of the environment at row; empty when it was never saved. */
    QString path(int row) const;
    /** Rows whose edits are not saved yet. */
    bool isModified(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** Another environment (or none) applies now, or the chosen one's values changed. */
    void chosenChanged();
    /** The values of the environment at row changed. */
    void valuesChanged(int row);

private:
    struct Entry {
        QString path;
        Environment environment;
        bool modified = false;
    };
    void loadSecrets(int row);
    void changed(int row);

    QList<Entry> m_entries;
    int m_chosen = 0;
    QPointer<SecretStore> m_store;
};

} // namespace Playground
