#pragma once

#include <QMainWindow>

namespace layerlens::ui {

/// The application window. It assembles panels and wires signals; it holds no training logic.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void createMenus();
    void showAbout();
};

} // namespace layerlens::ui
