#include "app/runner/RunResultsModel.h"

#include "app/core/PlainToolTip.h"
#include "app/response/ResponseFormatter.h"
#include "app/runner/CollectionRunner.h"

namespace Playground {

RunResultsModel::RunResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RunResultsModel::follow(CollectionRunner *runner)
{
    if (m_runner)
        m_runner->disconnect(this);
    m_runner = runner;
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < runner->requestCount(); ++i)
        m_rows.append({ runner->planned(i), State::Pending });
    endResetModel();
    m_running = true;
    m_totalMs = 0;
    m_clock.start();
    connect(runner, &CollectionRunner::requestStarted, this,
        [this](int index) { setState(index, State::Running); });
    connect(
        runner, &CollectionRunner::requestFinished, this, [this](int at, const RunResult &result) {
            if (at < 0 || at >= m_rows.size())
                return;
            Row &row = m_rows[at];
            // A row the runner never started was left out by a stop.
            const State state = row.state == State::Pending ? State::NotRun
                : result.failed()                           ? State::Failed
                                                            : State::Passed;
            row.result = result;
            row.result.exchange.body.clear(); // the table shows sizes, not bodies
            row.result.exchange.bodyFile.reset();
            row.result.exchange.requestBody.clear();
            row.state = state;
            m_totalMs = m_clock.nsecsElapsed() / 1e6;
            Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
            Q_EMIT summaryChanged();
        });
    connect(runner, &CollectionRunner::finished, this, [this] {
        m_running = false;
        m_totalMs = m_clock.nsecsElapsed() / 1e6;
        Q_EMIT summaryChanged();
    });
    Q_EMIT summaryChanged();
}

void RunResultsModel::setState(int row, State state)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].state = state;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QList<RunResult> RunResultsModel::results() const
{
    QList<RunResult> out;
    for (const Row &row : m_rows) {
        if (row.state != State::Pending && row.state != State::Running)
            out.append(row.result);
    }
    return out;
}

RunResultsModel::Summary RunResultsModel::summary() const
{
    Summary s;
    s.total = int(m_rows.size());
    s.totalMs = m_totalMs;
    s.running = m_running;
    for (const Row &row : m_rows) {
        s.passed += row.state == State::Passed;
        s.failed += row.state == State::Failed;
        s.notRun += row.state == State::NotRun;
    }
    return s;
}

int RunResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunResultsModel::statusText(const Row &row) const
{
    const Exchange &x = row.result.exchange;
    switch (row.state) {
    case State::Pending:
        return {};
    case State::Running:
        return tr("sending…");
    case State::NotRun:
        return tr("not run");
    case State::Passed:
    case State::Failed:
        break;
    }
    if (x.status > 0)
        return QStringLiteral("%1 %2").arg(x.status).arg(QString::fromUtf8(x.reason)).trimmed();
    if (!row.result.resolveError.isEmpty())
        return tr("not sent");
    return x.failure == FailureKind::Cancelled ? tr("cancelled") : tr("failed");
}

QVariant RunResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const RunResult &r = row.result;
    const Exchange &x = r.exchange;
    const bool done = row.state == State::Passed || row.state == State::Failed;
    switch (role) {
    case StatusClassRole:
        return int(done ? ResponseFormatter::statusClass(x) : ResponseFormatter::StatusClass::None);
    case StateRole:
        return int(row.state);
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == IterationColumn
            || index.column() == TimeColumn || index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return plainToolTip(r.fullName());
        if (index.column() == FailureColumn && r.failed() && done)
            return plainToolTip(r.failureMessage());
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NumberColumn:
        return index.row() + 1;
    case IterationColumn:
        return r.iteration + 1;
    case NameColumn:
        return r.fullName();
    case MethodColumn:
        return QString::fromUtf8(x.method);
    case StatusColumn:
        return statusText(row);
    case TimeColumn:
        return done && x.timings.total >= 0 ? QVariant(qRound(x.timings.total)) : QVariant();
    case SizeColumn:
        return done && x.status > 0 ? ResponseFormatter::sizeText(x.bodySize) : QString();
    case FailureColumn:
        if (row.state == State::NotRun)
            return x.error;
        return done && r.failed() ? r.failureMessage() : QString();
    default:
        return {};
    }
}

QVariant RunResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return tr("#");
    case IterationColumn:
        return tr("Iteration");
    case NameColumn:
        return tr("Request");
    case MethodColumn:
        return tr("Method");
    case StatusColumn:
        return tr("Status");
    case TimeColumn:
        return tr("Time (ms)");
    case SizeColumn:
        return tr("Size");
    case FailureColumn:
        return tr("Failure");
    default:
        return {};
    }
}

} // namespace Playground
