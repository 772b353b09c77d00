#pragma once

#include "app/core/Result.h"
#include "app/history/HistoryContext.h"
#include "app/history/HistoryEntry.h"
#include "app/history/HistoryFilter.h"
#include "app/history/HistoryLimits.h"

#include <QObject>

class QSqlDatabase;

namespace Playground {

/**
 * Every send, recorded in a SQLite database (history.sqlite in the app data folder): the
 * templates as the user sent them and the exchange, redacted — resolved secrets are never stored.
 *
 * Write-ahead logging, so a crash loses nothing already recorded; deleted entries are overwritten
 * (secure_delete) and the log truncated after a delete, so what a person removes leaves the disk.
 * Bounded by HistoryLimits: past either bound the oldest entries are dropped. A file that cannot
 * be read, or one written by a newer version, is moved aside (renamed with a timestamp), notice()
 * says so in plain words, and a new history starts. Queries are indexed and bounded, so the GUI
 * thread may call them.
 */
class HistoryStore : public QObject {
    Q_OBJECT
public:
    explicit HistoryStore(const HistoryLimits &limits = {}, QObject *parent = nullptr);
    ~HistoryStore() override;

    /** AppDataLocation/history.sqlite. */
    static QString defaultPath();

    /**
     * Opens (or creates) the history at path. An unreadable or newer file is moved aside and a new
     * one started (ok, with a notice()); a failure means history is off, and says why.
     */
    Status open(const QString &path = defaultPath());
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    /** Why history is off (what the last open() failed with), or empty. */
    QString openError() const { return m_openError; }
    /** What open() did that a person should know (a file moved aside), or empty. */
    QString notice() const { return m_notice; }
    /** Where an unreadable or newer file was moved, or empty. */
    QString movedAsidePath() const { return m_movedAside; }
    const HistoryLimits &limits() const { return m_limits; }

    /**
     * Records one send: templates (the request as the user sent it, {{variables}} unresolved),
     * exchange (as SendSession recorded it) and where it was sent from. Drops the oldest entries
     * past the limits.
     */
    Result<HistoryEntryId> record(
        const RequestSpec &templates, const Exchange &exchange, const HistoryContext &where);

    /** Entries matching filter, newest first, at most filter.limit. */
    QList<HistorySummary> list(const HistoryFilter &filter = {}) const;
    /** How many entries match filter (for "showing the newest N of M"). */
    int countMatching(const HistoryFilter &filter) const;
    /** One entry, whole, to reopen in the editor or send again. */
    Result<HistoryEntry> entry(HistoryEntryId id) const;
    Status remove(HistoryEntryId id);
    Status clear();

    int count() const { return m_count; }
    qint64 storedBytes() const { return m_storedBytes; }

Q_SIGNALS:
    /** An entry was recorded or removed, or history was cleared. */
    void changed();
    /** open() finished: isOpen(), openError() and notice() say how. */
    void opened();

private:
    enum class Outcome { Opened, Unreadable, Newer, Failed };
    Status openFile(const QString &path);
    Outcome openAt(const QString &path, QString *why);
    QSqlDatabase database() const;
    void close();
    QString moveAside(const QString &path, const QString &kind);
    Status loadTotals();
    Status dropOldest();
    void forgetDeleted();

    HistoryLimits m_limits;
    QString m_connection;
    QString m_path;
    QString m_notice;
    QString m_openError;
    QString m_movedAside;
    bool m_open = false;
    int m_count = 0;
    qint64 m_storedBytes = 0;
};

} // namespace Playground
