#pragma once

#include "app/runner/RunResult.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QPointer>

namespace Playground {

class CollectionRunner;

/**
 * The results of a collection run as a table: one row per planned send (number, iteration,
 * request, method, status, time, size, failure), filled in live as the runner reports. Colours
 * are the view's business: StatusClassRole says which class a row's status is in.
 */
class RunResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        IterationColumn,
        NameColumn,
        MethodColumn,
        StatusColumn,
        TimeColumn,
        SizeColumn,
        FailureColumn,
        ColumnCount
    };
    enum class State { Pending, Running, Passed, Failed, NotRun };
    enum Role {
        /** ResponseFormatter::StatusClass as int (None while not finished). */
        StatusClassRole = Qt::UserRole + 1,
        StateRole, ///< State as int
    };
    /** What the summary line says. */
    struct Summary {
        int passed = 0;
        int failed = 0;
        int notRun = 0;
        int total = 0;
        double totalMs = 0;
        bool running = false;
    };

    explicit RunResultsModel(QObject *parent = nullptr);

    /** Shows runner's planned sends (call before it starts) and follows it until it finishes. */
    void follow(CollectionRunner *runner);
    /** The finished results, in order (with the rows not run once the run was stopped). */
    QList<RunResult> results() const;
    Summary summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /** Counts or the total time changed. */
    void summaryChanged();

private:
    struct Row {
        RunResult result;
        State state = State::Pending;
    };
    void setState(int row, State state);
    QString statusText(const Row &row) const;

    QList<Row> m_rows;
    QPointer<CollectionRunner> m_runner;
    QElapsedTimer m_clock;
    double m_totalMs = 0;
    bool m_running = false;
};

} // namespace Playground
