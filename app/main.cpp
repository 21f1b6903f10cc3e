#include "app/headlessrun.h"
#include "core/config.h"
#include "ui/controlpanel.h"
#include "ui/language.h"
#include "ui/languageswitcher.h"
#include "ui/mainwindow.h"
#include "ui/presets.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstring>
#include <string>

namespace {

// Headless output is for scripts: one line per problem. Qt's notes about the offscreen platform
// (no XDG_RUNTIME_DIR, no window-manager hints) are about a display we do not use.
void headlessMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtDebugMsg || type == QtInfoMsg)
        return;
    if (type == QtWarningMsg && (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")) ||
                                 message.contains(QLatin1String("does not support propagateSizeHints"))))
        return;
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

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
    // Headless runs need no display: they draw their exported views on Qt's offscreen platform
    // (unless QT_QPA_PLATFORM names another one), so they work over ssh and in CI.
    if (wantsHeadless(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(headlessMessages);
        QApplication app(argc, argv);
        describe(app);
        return layerlens::app::runHeadless(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    describe(app);
    // The language is chosen before any widget is made (headless runs above stay English).
    layerlens::ui::Language language;
    language.install(layerlens::ui::Language::preferred());
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "See the problems of deep-network training while they happen. "
                                        "Add --headless (see --headless --help) to train without a window."));
    const QCommandLineOption config(QStringLiteral("config"), QApplication::translate("main", "Open with this config file."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption preset(QStringLiteral("preset"), QApplication::translate("main", "Open with this preset."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption steps(QStringLiteral("steps"),
                                   QApplication::translate("main", "Stop training after N steps (default: run until paused)."),
                                   QStringLiteral("N"));
    parser.addOptions({config, preset, steps});
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    layerlens::ui::LanguageSwitcher windows(&language);
    layerlens::ui::MainWindow &window = *windows.window();
    try {
        if (parser.isSet(steps))
            window.setStopAt(std::stoll(parser.value(steps).toStdString()));
        if (parser.isSet(config))
            window.applyConfig(layerlens::core::loadConfigFile(parser.value(config).toStdString()));
        else if (parser.isSet(preset))
            window.applyConfig(layerlens::ui::presetConfig(parser.value(preset)));
        else if (parser.isSet(steps))
            window.applyConfig(window.controlPanel()->config());
    } catch (const std::exception &e) {
        // A bad file on the command line is reported, and the app opens with the remembered settings.
        std::fprintf(stderr, "layerlens: %s\n", e.what());
    }
    window.show();
    return QApplication::exec();
}
