#include "ui/RunnerDialog.h"

#include "app/document/EnvironmentSet.h"
#include "app/response/ResponseFormatter.h"
#include "app/runner/CollectionRunner.h"
#include "app/runner/RunReportFile.h"
#include "app/runner/RunResultsModel.h"
#include "app/send/SendService.h"
#include "ui/RunStatusDelegate.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Playground {

namespace {

    constexpr int MaxIterations = 10'000;
    constexpr int MaxDelayMs = 600'000;

    QLabel *plainLabel(const QString &text, QWidget *parent)
    {
        auto *label = new QLabel(text, parent);
        label->setTextFormat(Qt::PlainText);
        return label;
    }

} // namespace

RunnerDialog::RunnerDialog(const Collection &collection, const QList<int> &folder,
    EnvironmentSet *environments, SendService *sending, QWidget *parent)
    : QDialog(parent)
    , m_collection(collection)
    , m_folder(folder)
    , m_environments(environments)
    , m_sending(sending)
    , m_results(new RunResultsModel(this))
    , m_requestList(new QListWidget(this))
    , m_iterations(new QSpinBox(this))
    , m_delay(new QSpinBox(this))
    , m_environmentCombo(new QComboBox(this))
    , m_startButton(new QPushButton(tr("&Start"), this))
    , m_exportButton(new QPushButton(tr("&Export results…"), this))
    , m_table(new QTableView(this))
    , m_summary(plainLabel(QString(), this))
{
    setObjectName(QStringLiteral("runnerDialog"));
    setAttribute(Qt::WA_DeleteOnClose);

    // The requests the run can send, as the runner will see them.
    CollectionRunner probe(m_collection, nullptr);
    QStringList where { m_collection.name };
    if (!m_folder.isEmpty() && probe.setFolderPath(m_folder)) {
        const QList<CollectionItem> *items = &m_collection.items;
        for (int row : m_folder) {
            where.append(items->at(row).name);
            items = &items->at(row).children;
        }
    }
    m_title = where.join(QStringLiteral(" › "));
    setWindowTitle(tr("Run %1").arg(m_title));

    auto *title = plainLabel(m_title, this);
    title->setObjectName(QStringLiteral("runTitleLabel"));
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    m_requestList->setObjectName(QStringLiteral("requestListWidget"));
    m_requestList->setAccessibleName(tr("Requests to run"));
    for (const RequestPath &path : probe.requestPaths()) {
        QStringList names;
        for (const CollectionItem *f : path.folders)
            names.append(f->name);
        names.append(path.item->name);
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(path.item->request.method,
                                             names.join(QStringLiteral(" › "))),
            m_requestList);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }

    m_iterations->setObjectName(QStringLiteral("iterationsSpinBox"));
    m_iterations->setAccessibleName(tr("Iterations"));
    m_iterations->setRange(1, MaxIterations);
    m_delay->setObjectName(QStringLiteral("delaySpinBox"));
    m_delay->setAccessibleName(tr("Delay between requests"));
    m_delay->setRange(0, MaxDelayMs);
    m_delay->setSingleStep(100);
    m_delay->setSuffix(tr(" ms"));
    m_environmentCombo->setObjectName(QStringLiteral("runEnvironmentComboBox"));
    m_environmentCombo->setAccessibleName(tr("Environment"));
    m_environmentCombo->setModel(m_environments);
    m_environmentCombo->setCurrentIndex(m_environments->chosenRow());
    // One chosen environment for the window and its runs.
    connect(m_environmentCombo, &QComboBox::activated, m_environments, &EnvironmentSet::choose);
    connect(m_environments, &EnvironmentSet::chosenChanged, this,
        [this] { m_environmentCombo->setCurrentIndex(m_environments->chosenRow()); });

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Iterations:"), m_iterations);
    form->addRow(tr("&Delay:"), m_delay);
    form->addRow(tr("E&nvironment:"), m_environmentCombo);

    m_startButton->setObjectName(QStringLiteral("startStopButton"));
    m_startButton->setAccessibleName(tr("Start or stop the run"));
    m_startButton->setDefault(true);
    m_exportButton->setObjectName(QStringLiteral("exportResultsButton"));
    m_exportButton->setAccessibleName(tr("Export results"));
    m_exportButton->setEnabled(false);

    auto *setup = new QWidget(this);
    auto *setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->addWidget(plainLabel(tr("Requests, in collection order:"), setup));
    setupLayout->addWidget(m_requestList, 1);
    setupLayout->addLayout(form);

    m_table->setObjectName(QStringLiteral("runResultsTableView"));
    m_table->setAccessibleName(tr("Run results"));
    m_table->setModel(m_results);
    m_table->setItemDelegateForColumn(
        RunResultsModel::StatusColumn, new RunStatusDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto width
        = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + 24; };
    m_table->setColumnWidth(RunResultsModel::NumberColumn, width(QStringLiteral("0000")));
    m_table->setColumnWidth(RunResultsModel::IterationColumn, width(tr("Iteration")));
    m_table->setColumnWidth(
        RunResultsModel::NameColumn, width(QStringLiteral("Users / Create a user account")));
    m_table->setColumnWidth(RunResultsModel::MethodColumn, width(QStringLiteral("DELETE")));
    m_table->setColumnWidth(RunResultsModel::StatusColumn, width(QStringLiteral("404 Not Found")));
    m_table->setColumnWidth(RunResultsModel::TimeColumn, width(tr("Time (ms)")));
    m_table->setColumnWidth(RunResultsModel::SizeColumn, width(QStringLiteral("999.9 KiB")));

    m_summary->setObjectName(QStringLiteral("runSummaryLabel"));
    m_summary->setAccessibleName(tr("Run summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("Not run yet."));

    auto *results = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addWidget(m_table, 1);
    resultsLayout->addWidget(m_summary);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("runnerSplitter"));
    splitter->addWidget(setup);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 280, 820 });
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addStretch(1);
    buttons->addWidget(m_exportButton);
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("closeRunnerButton"));
    close->setAccessibleName(tr("Close the runner"));
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_startButton, &QPushButton::clicked, this, [this] {
        if (isRunning())
            stop();
        else
            start();
    });
    connect(m_exportButton, &QPushButton::clicked, this, &RunnerDialog::chooseExportFile);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_results, &RunResultsModel::summaryChanged, this, &RunnerDialog::updateSummary);
    m_chooseSave = [this](const QString &suggested) {
        return QFileDialog::getSaveFileName(
            this, tr("Export results"), suggested, tr("JUnit XML (*.xml);;JSON (*.json)"));
    };
    resize(1120, 620);
}

RunnerDialog::~RunnerDialog()
{
    if (m_runner) {
        m_runner->disconnect(this);
        m_runner->stop();
    }
}

bool RunnerDialog::isRunning() const
{
    return m_preparing || (m_runner && m_runner->isRunning());
}

void RunnerDialog::start()
{
    if (isRunning())
        return;
    if (m_runner)
        m_runner->deleteLater();
    m_runner = m_sending->createRunner(m_collection, this);
    if (!m_folder.isEmpty())
        m_runner->setFolderPath(m_folder);
    QList<int> leftOut;
    for (int i = 0; i < m_requestList->count(); ++i) {
        if (m_requestList->item(i)->checkState() != Qt::Checked)
            leftOut.append(i);
    }
    m_runner->leaveOut(leftOut);
    if (m_runner->requestPaths().isEmpty()) {
        m_summary->setText(tr("Tick at least one request to run."));
        return;
    }
    m_runner->setIterations(m_iterations->value());
    m_runner->setDelayMs(m_delay->value());
    if (const Environment *environment = m_environments->chosen())
        m_runner->setEnvironment(*environment);
    connect(m_runner, &CollectionRunner::finished, this, &RunnerDialog::onRunFinished);
    m_results->follow(m_runner);
    m_preparing = true;
    setRunning(true);
    m_summary->setText(tr("Reading secrets from the keychain…"));
    m_sending->prepareRun(m_runner, [this, runner = m_runner](const QString &problem) {
        if (runner != m_runner || !m_preparing)
            return; // stopped (or another run started) meanwhile
        m_preparing = false;
        if (!problem.isEmpty()) {
            setRunning(false);
            m_summary->setText(tr("Not run: %1.").arg(problem));
            return;
        }
        m_runner->start();
        updateSummary();
    });
}

void RunnerDialog::stop()
{
    if (m_preparing) { // the keychain has not answered: nothing was sent
        m_preparing = false;
        m_runner->start();
        m_runner->stop();
        return;
    }
    if (m_runner)
        m_runner->stop();
}

void RunnerDialog::onRunFinished()
{
    m_hasResults = true;
    setRunning(false);
    updateSummary();
    Q_EMIT runFinished();
}

void RunnerDialog::setRunning(bool running)
{
    m_startButton->setText(running ? tr("&Stop") : tr("&Start"));
    m_requestList->setEnabled(!running);
    m_iterations->setEnabled(!running);
    m_delay->setEnabled(!running);
    m_environmentCombo->setEnabled(!running);
    m_exportButton->setEnabled(!running && m_hasResults);
}

void RunnerDialog::updateSummary()
{
    const RunResultsModel::Summary s = m_results->summary();
    if (m_preparing)
        return;
    QString text = tr("%1 passed, %2 failed").arg(s.passed).arg(s.failed);
    if (s.notRun > 0)
        text += tr(", %1 not run").arg(s.notRun);
    text += tr(" of %1 · %2").arg(s.total).arg(ResponseFormatter::durationText(s.totalMs));
    if (s.running)
        text = tr("Running… %1").arg(text);
    m_summary->setText(text);
}

Status RunnerDialog::exportResults(const QString &path)
{
    const RunReport report { m_collection.name, m_results->results(),
        m_results->summary().totalMs };
    return RunReportFile::write(report, RunReportFile::formatFor(path), path);
}

void RunnerDialog::chooseExportFile()
{
    QString base = m_title;
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    const QString path = m_chooseSave(base + QStringLiteral("-results.xml"));
    if (path.isEmpty())
        return;
    if (const Status written = exportResults(path); !written) {
        m_summary->setText(tr("Not exported. %1").arg(written.error()));
        return;
    }
    m_summary->setText(tr("Exported the results to %1.").arg(path));
}

} // namespace Playground
