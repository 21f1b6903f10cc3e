#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace layerlens::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("LayerLens"));
    // Fits a 1366×768 projector with room for the window frame and a taskbar.
    resize(1280, 700);
    auto *placeholder = new QLabel(tr("LayerLens\n\nThe training views arrive with the live desktop app."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    QFont font = placeholder->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    placeholder->setFont(font);
    setCentralWidget(placeholder);
    createMenus();
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LayerLens"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LayerLens"),
                       tr("<h3>LayerLens %1</h3><p>Makes the problems of training deep neural networks "
                          "visible while they happen.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace layerlens::ui
