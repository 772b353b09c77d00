#pragma once

#include <QMainWindow>

namespace Playground {

/** The main window. */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace Playground
