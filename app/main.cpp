#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("LayerLens"));
    QApplication::setOrganizationName(QStringLiteral("LayerLens"));
    QApplication::setApplicationVersion(QStringLiteral(LAYERLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "See the problems of deep-network training while they happen."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    layerlens::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
