#pragma once

#include <QObject>
#include <QStringList>

namespace Playground {

/**
 * The collections and environments opened last, newest first, at most MaxEntries, kept in
 * the app's settings file (AppSettings; paths only, never a secret). Every instance reads it
 * afresh, so windows and restarts see the same list.
 */
class RecentFiles : public QObject {
    Q_OBJECT
public:
    enum class Kind { Collection, Environment };
    struct Entry {
        QString path;
        Kind kind = Kind::Collection;
    };
    static constexpr int MaxEntries = 10;

    explicit RecentFiles(QObject *parent = nullptr);

    QList<Entry> entries() const;
    /** Puts path first (an entry already listed moves up). */
    void add(const QString &path, Kind kind);
    void remove(const QString &path);
    /** Removes the entries whose file is gone; how many were removed. */
    int removeMissing();
    void clear();

Q_SIGNALS:
    void changed();

private:
    void store(const QList<Entry> &entries);
};

} // namespace Playground
