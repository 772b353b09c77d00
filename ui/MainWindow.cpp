#include "ui/MainWindow.h"

namespace Playground {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
}

} // namespace Playground
