// bench_bare_window: the floor for the window's start-up. A QMainWindow with the same kinds of
// parts as API Playground's first screen, built with plain Qt and nothing else: five menus, a tool
// bar with a combo box, a tree of a few items beside a request area (method combo, URL field,
// Send button, tabs of tables and text) over a response area (tabs, find field, text view), a
// status bar. tests/bench/run-window-bench.sh starts it beside api-playground-gui.
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Bare Qt window"));
    for (const char *name : { "&File", "&Edit", "&Collection", "&Request", "&View", "&Help" }) {
        QMenu *menu = window.menuBar()->addMenu(QString::fromLatin1(name));
        for (int i = 0; i < 6; ++i)
            menu->addAction(QStringLiteral("Action %1").arg(i))
                ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key(Qt::Key_A + i)));
    }
    QToolBar *tools = window.addToolBar(QStringLiteral("Environment"));
    tools->addWidget(new QLabel(QStringLiteral("Environment:")));
    tools->addWidget(new QComboBox);

    auto *model = new QStandardItemModel(&window);
    auto *folder = new QStandardItem(QStringLiteral("Authentication"));
    folder->appendRow(new QStandardItem(QStringLiteral("List campaigns")));
    folder->appendRow(new QStandardItem(QStringLiteral("Request token")));
    model->appendRow(folder);
    auto *tree = new QTreeView;
    tree->setModel(model);
    tree->expandAll();
    auto *side = new QTabWidget;
    side->addTab(tree, QStringLiteral("Collection"));
    side->addTab(new QTreeView, QStringLiteral("History"));

    auto *request = new QWidget;
    auto *requestLayout = new QVBoxLayout(request);
    auto *line = new QHBoxLayout;
    auto *method = new QComboBox;
    method->addItems({ QStringLiteral("GET"), QStringLiteral("POST") });
    line->addWidget(method);
    line->addWidget(new QLineEdit, 1);
    line->addWidget(new QPushButton(QStringLiteral("Send")));
    requestLayout->addLayout(line);
    auto *requestTabs = new QTabWidget;
    for (const char *name : { "Params", "Headers" }) {
        auto *table = new QTableWidget(1, 2);
        table->horizontalHeader()->setStretchLastSection(true);
        requestTabs->addTab(table, QString::fromLatin1(name));
    }
    requestTabs->addTab(new QPlainTextEdit, QStringLiteral("Body"));
    requestLayout->addWidget(requestTabs);

    auto *response = new QWidget;
    auto *responseLayout = new QVBoxLayout(response);
    responseLayout->addWidget(new QLabel(QStringLiteral("No response yet")));
    auto *responseTabs = new QTabWidget;
    auto *body = new QWidget;
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->addWidget(new QLineEdit);
    bodyLayout->addWidget(new QPlainTextEdit);
    responseTabs->addTab(body, QStringLiteral("Body"));
    responseTabs->addTab(new QTableWidget(0, 2), QStringLiteral("Headers"));
    responseTabs->addTab(new QPlainTextEdit, QStringLiteral("Request"));
    responseLayout->addWidget(responseTabs);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(request);
    right->addWidget(response);
    auto *split = new QSplitter;
    split->addWidget(side);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    window.setCentralWidget(split);
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(1280, 800);
    window.show();
    return app.exec();
}
