#include "ui/MainWindow.h"

namespace Playground {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
}

void MainWindow::openCollection(const QString &path)
{
    Q_UNUSED(path);
}

} // namespace Playground
