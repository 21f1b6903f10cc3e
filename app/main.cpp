#include "app/headlessrun.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstring>

namespace {

bool wantsHeadless(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--headless") == 0)
            return true;
    return false;
}

void describe(QCoreApplication &app)
{
    app.setApplicationName(QStringLiteral("LayerLens"));
    app.setOrganizationName(QStringLiteral("LayerLens"));
    app.setApplicationVersion(QStringLiteral(LAYERLENS_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    // Headless runs need no display, so they never create a QApplication.
    if (wantsHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        describe(app);
        return layerlens::app::runHeadless(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    describe(app);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "See the problems of deep-network training while they happen. "
                                        "Add --headless (see --headless --help) to train without a window."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    layerlens::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
