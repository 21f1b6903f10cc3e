#include "app/headlessrun.h"

#include "core/atomicfile.h"
#include "core/config.h"
#include "core/denormals.h"
#include "core/fileerror.h"
#include "core/json.h"
#include "core/modelfile.h"
#include "core/statsfile.h"
#include "core/trainer.h"
#include "ui/activationhistogramview.h"
#include "ui/chartexport.h"
#include "ui/decisionboundaryview.h"
#include "ui/diagnosticsview.h"
#include "ui/distributionovertimeview.h"
#include "ui/frame.h"
#include "ui/gradientflowview.h"
#include "ui/presets.h"
#include "ui/trainingcurvesview.h"
#include "ui/weightsupdatesview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>

namespace layerlens::app {

namespace {

using namespace layerlens::core;

/// A user error: reported in one line, exit code 2.
struct BadInput : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string utf8(const QString &s) { return s.toStdString(); }

void print(const std::string &line) { std::fprintf(stderr, "%s\n", line.c_str()); }

/// Checks an output file before training: its folder must exist and be writable, and an existing
/// file is replaced only with --force.
void checkOutput(const QString &path, bool force, const char *flag)
{
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists() || !folder.isDir())
        throw BadInput(std::string(flag) + ": folder '" + utf8(folder.filePath()) + "' does not exist");
    if (!folder.isWritable())
        throw BadInput(std::string(flag) + ": folder '" + utf8(folder.filePath()) + "' is not writable");
    if (info.exists() && !force)
        throw BadInput(std::string(flag) + ": '" + utf8(path) + "' exists (add --force to replace it)");
    if (info.exists() && info.isDir())
        throw BadInput(std::string(flag) + ": '" + utf8(path) + "' is a folder");
}

/// What --format asks for.
struct Formats {
    bool json = false, csv = false;
    std::vector<ui::ExportFormat> images;
};

Formats parseFormats(const QString &list)
{
    Formats formats;
    for (const QString &item : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = item.trimmed().toLower();
        if (name == QLatin1String("json") || name == QLatin1String("jsonl"))
            formats.json = true;
        else if (name == QLatin1String("csv"))
            formats.csv = true;
        else if (const auto image = ui::exportFormatFromName(name)) {
            if (std::find(formats.images.begin(), formats.images.end(), *image) == formats.images.end())
                formats.images.push_back(*image);
        } else
            throw BadInput("--format: unknown format '" + utf8(item.trimmed()) + "' (png, svg, pdf, csv, json)");
    }
    if (!formats.json && !formats.csv && formats.images.empty())
        throw BadInput("--format: no format given (png, svg, pdf, csv, json)");
    return formats;
}

/// The views of the dashboard, each at a size that suits a slide, laid out offscreen (never
/// shown on a screen).
std::vector<std::unique_ptr<ui::DashboardView>> createViews()
{
    std::vector<std::unique_ptr<ui::DashboardView>> views;
    std::vector<QSize> sizes;
    auto add = [&](std::unique_ptr<ui::DashboardView> view, QSize size) {
        views.push_back(std::move(view));
        sizes.push_back(size);
    };
    add(std::make_unique<ui::ActivationHistogramView>(), {1200, 480});
    add(std::make_unique<ui::GradientFlowView>(), {1000, 420});
    add(std::make_unique<ui::WeightsUpdatesView>(), {1000, 420});
    add(std::make_unique<ui::TrainingCurvesView>(), {1000, 420});
    add(std::make_unique<ui::DistributionOverTimeView>(), {900, 450});
    add(std::make_unique<ui::DecisionBoundaryView>(), {700, 640});
    add(std::make_unique<ui::DiagnosticsView>(), {900, 320});
    for (std::size_t i = 0; i < views.size(); ++i) {
        // Laid out and drawn like on screen, but never shown on one.
        views[i]->setAttribute(Qt::WA_DontShowOnScreen);
        views[i]->resize(sizes[i]);
        views[i]->show();
    }
    QCoreApplication::processEvents();
    return views;
}

/// Draws `frame` in every view.
void drawFrame(const std::vector<std::unique_ptr<ui::DashboardView>> &views, const ui::Frame &frame)
{
    // Twice: charts fit their axes and labels to the plot size the first frame gave them.
    for (int pass = 0; pass < 2; ++pass) {
        for (auto &view : views)
            view->showFrame(frame);
        QCoreApplication::processEvents();
    }
}

std::string percent(double fraction)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * fraction);
    return buffer;
}

std::string progressLine(const Snapshot &s, long long total)
{
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "step %lld/%lld  loss %.4f  acc %s", s.step, total, s.trainLoss,
                  percent(s.trainAcc).c_str());
    std::string line = buffer;
    if (s.testStep >= 0)
        line += "  test " + percent(s.testAcc);
    std::snprintf(buffer, sizeof buffer, "  %.0f steps/s", s.stepsPerSecond);
    return line + buffer;
}

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Trains a network without a window and writes its statistics."));
    const QCommandLineOption headless(QStringLiteral("headless"), QStringLiteral("Run without a window."));
    const QCommandLineOption preset(QStringLiteral("preset"), QStringLiteral("Start from a built-in preset."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Start from a config file (JSON)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption set(QStringLiteral("set"), QStringLiteral("Set one config key (repeatable)."),
                                 QStringLiteral("KEY=VALUE"));
    const QCommandLineOption dataset(QStringLiteral("dataset"), QStringLiteral("The data set (as the dataset key)."),
                                     QStringLiteral("SPEC"));
    const QCommandLineOption loadModel(QStringLiteral("load-model"),
                                       QStringLiteral("Start from a saved model's parameters and config."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("Training steps (0: step-0 statistics only)."),
                                   QStringLiteral("N"));
    const QCommandLineOption every(QStringLiteral("every"), QStringLiteral("Statistics every K steps."),
                                   QStringLiteral("K"));
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Write the statistics (stats.jsonl, stats.csv) and the views in the "
                                                "--format formats into DIR."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("What --out writes, comma-separated: png, svg, pdf (one file per "
                                                   "view and format, e.g. activations.png, plus dashboard.<format>), "
                                                   "csv (stats.csv), json (stats.jsonl). Default: csv,json."),
                                    QStringLiteral("LIST"), QStringLiteral("csv,json"));
    const QCommandLineOption scale(QStringLiteral("scale"), QStringLiteral("PNG pixels per point, 1 to 4 (default 2)."),
                                   QStringLiteral("S"), QStringLiteral("2"));
    const QCommandLineOption caption(QStringLiteral("caption"),
                                     QStringLiteral("Stamp the settings (activation, init, BatchNorm, depth, width, "
                                                    "step, seed) under each exported view."));
    const QCommandLineOption saveModel(QStringLiteral("save-model"), QStringLiteral("Save the trained model."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption saveConfig(QStringLiteral("save-config"), QStringLiteral("Save the config used."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Replace existing output files."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No progress lines."));
    parser.addOptions({headless, preset, config, set, dataset, loadModel, steps, every, out, format, scale, caption,
                       saveModel, saveConfig, force, quiet});
    parser.addHelpOption();
    parser.addVersionOption();
    if (!parser.parse(arguments))
        throw BadInput(utf8(parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        std::fprintf(stdout, "%s", utf8(parser.helpText()).c_str());
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        throw BadInput("unexpected argument '" + utf8(parser.positionalArguments().first()) + "'");
    if (parser.isSet(preset) && parser.isSet(config))
        throw BadInput("--preset and --config: give one of them");

    // The config: defaults, then a model's, a preset or a file, then the flags in order.
    RunConfig runConfig;
    std::optional<ModelFile> model;
    try {
        if (parser.isSet(loadModel)) {
            model = layerlens::core::loadModel(utf8(parser.value(loadModel)));
            runConfig = model->config;
        }
        if (parser.isSet(preset))
            runConfig = ui::presetConfig(parser.value(preset));
        if (parser.isSet(config))
            runConfig = loadConfigFile(utf8(parser.value(config)));
        if (parser.isSet(dataset))
            setConfigValue(runConfig, "dataset", utf8(parser.value(dataset)));
        for (const QString &assignment : parser.values(set)) {
            const qsizetype eq = assignment.indexOf(QLatin1Char('='));
            if (eq <= 0)
                throw BadInput("--set: expected KEY=VALUE, got '" + utf8(assignment) + "'");
            setConfigValue(runConfig, utf8(assignment.left(eq)), utf8(assignment.mid(eq + 1)));
        }
        if (parser.isSet(steps))
            setConfigValue(runConfig, "steps", utf8(parser.value(steps)));
        if (parser.isSet(every))
            setConfigValue(runConfig, "every", utf8(parser.value(every)));
    } catch (const std::invalid_argument &e) {
        throw BadInput(e.what());
    } catch (const json::ParseError &e) {
        throw BadInput(e.what());
    } catch (const FileError &e) {
        throw BadInput(e.what());
    }

    // Every output is checked before the (possibly long) run, so a bad path costs nothing.
    const bool overwrite = parser.isSet(force);
    QString jsonlPath, csvPath;
    Formats formats;
    QDir outDir;
    double pngScale = 2.0;
    std::vector<std::unique_ptr<ui::DashboardView>> views; // only when an image format is asked for
    if ((parser.isSet(format) || parser.isSet(scale) || parser.isSet(caption)) && !parser.isSet(out))
        throw BadInput("--format, --scale and --caption need --out DIR");
    if (parser.isSet(out)) {
        formats = parseFormats(parser.value(format));
        bool ok = false;
        pngScale = parser.value(scale).toDouble(&ok);
        if (!ok || !(pngScale >= 1.0 && pngScale <= 4.0))
            throw BadInput("--scale: expected a number from 1 to 4, got '" + utf8(parser.value(scale)) + "'");
        outDir = QDir(parser.value(out));
        if (!outDir.exists())
            throw BadInput("--out: folder '" + utf8(parser.value(out)) + "' does not exist");
        if (formats.json) {
            jsonlPath = outDir.filePath(QStringLiteral("stats.jsonl"));
            checkOutput(jsonlPath, overwrite, "--out");
        }
        if (formats.csv) {
            csvPath = outDir.filePath(QStringLiteral("stats.csv"));
            checkOutput(csvPath, overwrite, "--out");
        }
        if (!formats.images.empty())
            views = createViews();
        QStringList names{QStringLiteral("dashboard")};
        for (const auto &view : views)
            names << view->viewId();
        for (const ui::ExportFormat image : formats.images)
            for (const QString &name : names)
                checkOutput(outDir.filePath(name + QLatin1Char('.') + ui::exportFormatName(image)), overwrite, "--out");
    }
    if (parser.isSet(saveModel))
        checkOutput(parser.value(saveModel), overwrite, "--save-model");
    if (parser.isSet(saveConfig))
        checkOutput(parser.value(saveConfig), overwrite, "--save-config");

    std::shared_ptr<Dataset> data;
    std::unique_ptr<Trainer> trainer;
    try {
        data = std::make_shared<Dataset>(makeDataset(runConfig.data));
        trainer = std::make_unique<Trainer>(runConfig, data);
        if (model)
            trainer->setParameters([&](Network<float> &network) { applyModel(*model, network); });
    } catch (const std::invalid_argument &e) {
        throw BadInput(e.what());
    } catch (const FileError &e) {
        throw BadInput(e.what());
    }

    // Statistics stream into the temporary files as they come, so a long run keeps no
    // snapshots in memory; the files appear only complete.
    std::unique_ptr<AtomicFile> jsonl, csv;
    if (!jsonlPath.isEmpty())
        jsonl = std::make_unique<AtomicFile>(utf8(jsonlPath));
    if (!csvPath.isEmpty()) {
        csv = std::make_unique<AtomicFile>(utf8(csvPath));
        csv->write(statsCsvHeader() + "\n");
    }
    const bool showProgress = !parser.isSet(quiet);
    auto lastPrint = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    std::shared_ptr<const Snapshot> last;
    auto consume = [&](const std::shared_ptr<const Snapshot> &s) {
        last = s;
        if (jsonl)
            jsonl->write(json::serialize(snapshotToJson(*s)) + "\n");
        if (csv)
            csv->write(statsCsvRows(*s));
        const auto now = std::chrono::steady_clock::now();
        if (showProgress && now - lastPrint > std::chrono::milliseconds(250)) {
            print(progressLine(*s, runConfig.steps));
            lastPrint = now;
        }
    };
    consume(trainer->snapshot());
    trainer->setSnapshotCallback(consume);
    const TrainerStatus status = trainer->run(runConfig.steps);

    if (showProgress && last)
        print(progressLine(*last, runConfig.steps));
    if (jsonl)
        jsonl->commit();
    if (csv)
        csv->commit();
    if (!formats.images.empty()) {
        // The views as the GUI would draw the final state, rendered offscreen.
        const std::shared_ptr<const ui::Frame> frame = ui::makeFrame(*trainer, runConfig);
        drawFrame(views, *frame);
        ui::ExportOptions options;
        options.scale = pngScale;
        if (parser.isSet(caption))
            options.caption = ui::exportCaption(runConfig, frame->snapshot->step);
        std::vector<ui::DashboardView *> all;
        for (const auto &view : views)
            all.push_back(view.get());
        try {
            for (const ui::ExportFormat image : formats.images) {
                const QString suffix = QLatin1Char('.') + ui::exportFormatName(image);
                for (ui::DashboardView *view : all)
                    ui::exportView(view, outDir.filePath(view->viewId() + suffix), image, options);
                ui::exportDashboard(all, outDir.filePath(QStringLiteral("dashboard") + suffix), image, options);
            }
        } catch (const ui::ExportError &e) {
            print(std::string("error: ") + e.what());
            return ExitError;
        }
    }
    if (parser.isSet(saveModel))
        core::saveModel(trainer->network(), runConfig, utf8(parser.value(saveModel)));
    if (parser.isSet(saveConfig))
        saveConfigFile(runConfig, utf8(parser.value(saveConfig)));
    if (status == TrainerStatus::Diverged) {
        print("training diverged at step " + std::to_string(last->divergedAt) + ": " + last->divergence);
        return ExitDiverged;
    }
    if (showProgress && trainer->snapshot()->testStep >= 0)
        print("final test loss " + std::to_string(trainer->snapshot()->testLoss) + ", accuracy "
              + percent(trainer->snapshot()->testAcc));
    return ExitOk;
}

} // namespace

int runHeadless(const QStringList &arguments)
{
    // The headless run trains on this thread: subnormals flushed as in the window's worker.
    const core::FlushDenormals flush;
    try {
        return run(arguments);
    } catch (const BadInput &e) {
        print(std::string("layerlens: ") + e.what());
        return ExitBadInput;
    } catch (const FileError &e) {
        print(std::string("layerlens: ") + e.what());
        return ExitError;
    } catch (const std::exception &e) {
        print(std::string("layerlens: unexpected error: ") + e.what());
        return ExitError;
    }
}

} // namespace layerlens::app
