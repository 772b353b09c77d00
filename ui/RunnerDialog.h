#pragma once

#include "app/core/Result.h"
#include "app/model/Collection.h"

#include <QDialog>
#include <QPointer>
#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableView;

namespace Playground {

class CollectionRunner;
class EnvironmentSet;
class RunResultsModel;
class SendService;

/**
 * The collection runner: which requests (in collection order, ticked), iterations, the pause
 * between requests and the environment; Start/Stop; a live table of results with a summary; the
 * results exported as JUnit XML or JSON like `api-playground run` writes them. It runs a copy of
 * the collection taken when it opened, through the window's SendService (keychain, OAuth, policy).
 */
class RunnerDialog : public QDialog {
    Q_OBJECT
public:
    /** folder: the row path of the folder to run; empty: the whole collection. */
    RunnerDialog(const Collection &collection, const QList<int> &folder,
        EnvironmentSet *environments, SendService *sending, QWidget *parent = nullptr);
    ~RunnerDialog() override;

    /** Where to export to (suggested name given); empty: cancelled. Tests answer without a box. */
    using SaveChooser = std::function<QString(const QString &suggested)>;
    void setSaveChooser(SaveChooser chooser) { m_chooseSave = std::move(chooser); }

    void start();
    void stop();
    bool isRunning() const;
    /** Writes the results of the last run; .xml is JUnit, anything else JSON. */
    Status exportResults(const QString &path);
    RunResultsModel *resultsModel() const { return m_results; }

Q_SIGNALS:
    /** A run ended (finished or stopped). */
    void runFinished();

private:
    void onRunFinished();
    void setRunning(bool running);
    void updateSummary();
    void chooseExportFile();

    Collection m_collection;
    QList<int> m_folder;
    QString m_title;
    EnvironmentSet *m_environments;
    SendService *m_sending;
    RunResultsModel *m_results;
    QPointer<CollectionRunner> m_runner;
    bool m_preparing = false; ///< waiting for the keychain
    bool m_hasResults = false;
    SaveChooser m_chooseSave;

    QListWidget *m_requestList;
    QSpinBox *m_iterations;
    QSpinBox *m_delay;
    QComboBox *m_environmentCombo;
    QPushButton *m_startButton;
    QPushButton *m_exportButton;
    QTableView *m_table;
    QLabel *m_summary;
};

} // namespace Playground
