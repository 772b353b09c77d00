#pragma once

#include <QMainWindow>

namespace Playground {

/** The main window. */
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    /** Opens a Postman collection file; errors show in the window. */
    void openCollection(const QString &path);
};

} // namespace Playground
