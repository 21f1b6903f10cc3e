// The File menu: configs opened and saved on the UI thread, the model and the statistics written
// by the worker, the snapshots it keeps for the export, recent files and remembered folders in
// QSettings, and failures that warn, name the path and leave no file. Dialogs, the overwrite
// question and the warning box are replaced by recorders, so nothing modal ever opens.

#include "core/dataset.h"
#include "core/json.h"
#include "core/modelfile.h"
#include "core/statsfile.h"
#include "core/trainer.h"
#include "ui/controlpanel.h"
#include "ui/filemenu.h"
#include "ui/mainwindow.h"
#include "ui/retainedsnapshots.h"
#include "ui/trainingcontroller.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace layerlens;
using layerlens::ui::FileMenu;
using layerlens::ui::MainWindow;
using layerlens::ui::RetainedSnapshots;

namespace {

core::RunConfig smallConfig()
{
    core::RunConfig c;
    c.data.spec = "moons";
    c.data.samples = 200;
    c.network.depth = 3;
    c.network.widths = {8};
    c.every = 1;
    c.seed = 5;
    return c;
}

std::string jsonText(const core::RunConfig &config) { return core::json::serialize(core::toJson(config)); }

std::string local(const QString &path) { return QFile::encodeName(path).toStdString(); }

std::shared_ptr<const core::Snapshot> snapshotAt(long long step)
{
    auto s = std::make_shared<core::Snapshot>();
    s->step = step;
    return s;
}

/// Stands in for the dialogs: answers with set paths and records what was asked and warned.
struct Dialogs {
    QString path;                 // what the "dialog" returns
    QList<FileMenu::Kind> kinds;  // what was asked for
    QStringList suggestions;
    bool replace = true;          // the answer to the overwrite question
    int questions = 0;
    QStringList warnings;         // title + "\n" + text

    void attach(FileMenu *files)
    {
        files->setFileChooser([this](FileMenu::Kind kind, const QString &suggestion) {
            kinds << kind;
            suggestions << suggestion;
            return path;
        });
        files->setOverwriteQuestion([this](const QString &, const QString &) {
            ++questions;
            return replace;
        });
        files->setWarning([this](const QString &title, const QString &text) { warnings << title + u'\n' + text; });
    }
};

QAction *action(const QObject *window, const char *name)
{
    auto *a = window->findChild<QAction *>(QLatin1String(name));
    if (!a)
        qFatal("no action %s", name);
    return a;
}

/// Applies `config` and waits until the worker runs it, at step 0.
bool applyAndWait(MainWindow &window, const core::RunConfig &config)
{
    window.applyConfig(config);
    auto *controller = window.controller();
    [&] { // the QTRY macros return void
        QTRY_VERIFY_WITH_TIMEOUT(controller->latestFrame()
                                     && controller->latestFrame()->config.network.widths == config.network.widths
                                     && controller->latestFrame()->config.data.spec == config.data.spec
                                     && controller->latestFrame()->config.seed == config.seed
                                     && controller->latestFrame()->snapshot->step == 0,
                                 10000);
    }();
    return !QTest::currentTestFailed();
}

bool stepAndWait(MainWindow &window, long long steps)
{
    auto *controller = window.controller();
    const long long target = controller->latestFrame()->snapshot->step + steps;
    controller->step(steps);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(controller->latestFrame()->snapshot->step, target, 10000); }();
    return !QTest::currentTestFailed();
}

int lineCount(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return static_cast<int>(file.readAll().count('\n'));
}

void writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestFileMenu : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void retentionKeepsStepZeroAndTheNewest_data();
    void retentionKeepsStepZeroAndTheNewest();
    void retentionReplacesARepeatedStep();
    void menuOrderAndShortcuts();
    void openConfigReachesPanelAndTraining();
    void malformedConfigWarns_data();
    void malformedConfigWarns();
    void saveConfigParsesBack();
    void saveModelHoldsTheCurrentParameters();
    void exportStatisticsRoundTrips();
    void unwritablePathsLeaveNoFile_data();
    void unwritablePathsLeaveNoFile();
    void recentFilesUpdateAndPersist();
};

void TestFileMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTest"));
    QCoreApplication::setApplicationName(QStringLiteral("LayerLensFileMenuTest"));
}

void TestFileMenu::init()
{
    QSettings().clear();
}

void TestFileMenu::retentionKeepsStepZeroAndTheNewest_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("count");
    QTest::newRow("fewer than capacity") << 16 << 10;
    QTest::newRow("one below capacity") << 16 << 15;
    QTest::newRow("exactly capacity") << 16 << 16;
    QTest::newRow("many times capacity") << 16 << 1000;
    QTest::newRow("capacity 2") << 2 << 57;
    QTest::newRow("worker bound/long run") << int(RetainedSnapshots::kDefaultCapacity) << 100'000;
}

void TestFileMenu::retentionKeepsStepZeroAndTheNewest()
{
    QFETCH(int, capacity);
    QFETCH(int, count);
    RetainedSnapshots retained(static_cast<std::size_t>(capacity));
    const long long every = 10; // statistics every 10 steps
    for (int i = 0; i < count; ++i) {
        retained.add(snapshotAt(i * every));
        QVERIFY(retained.size() <= retained.capacity());
    }
    const auto kept = retained.snapshots();
    QCOMPARE(kept.size(), retained.size());
    if (count < capacity)
        QCOMPARE(kept.size(), std::size_t(count)); // nothing dropped before the bound
    // Thinning halves at most: never fewer than half the capacity once full.
    QVERIFY2(kept.size() >= std::min<std::size_t>(count, capacity / 2), qPrintable(QString::number(kept.size())));
    QCOMPARE(kept.front()->step, 0LL);
    QCOMPARE(kept.back()->step, (count - 1) * every);
    // Evenly sampled: all but the newest lie on one stride, old and new parts alike.
    const long long spacing = static_cast<long long>(retained.stride()) * every;
    for (std::size_t i = 1; i + 1 < kept.size(); ++i)
        QCOMPARE(kept[i]->step - kept[i - 1]->step, spacing);
    QVERIFY(kept.back()->step > kept[kept.size() - 2]->step);
    QVERIFY(kept.back()->step - kept[kept.size() - 2]->step <= spacing);
    retained.clear();
    QCOMPARE(retained.size(), std::size_t(0));
    retained.add(snapshotAt(0));
    QCOMPARE(retained.stride(), std::size_t(1));
}

void TestFileMenu::retentionReplacesARepeatedStep()
{
    RetainedSnapshots retained(4);
    retained.add(snapshotAt(0));
    retained.add(snapshotAt(5));
    const auto again = snapshotAt(5); // measured again at the same step (a single step finished)
    retained.add(again);
    retained.add(nullptr);
    QCOMPARE(retained.size(), std::size_t(2));
    QCOMPARE(retained.snapshots().back(), again);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, RetainedSnapshots(1));
}

void TestFileMenu::menuOrderAndShortcuts()
{
    MainWindow window;
    QMenu *file = window.fileMenu();
    QVERIFY(file);
    QStringList names;
    for (QAction *a : file->actions())
        names << (a->isSeparator() ? QStringLiteral("|") : a->menu() ? a->menu()->objectName() : a->objectName());
    const QStringList expected = {QStringLiteral("actionOpenConfig"),  QStringLiteral("menuRecentFiles"),
                                  QStringLiteral("|"),                 QStringLiteral("actionSaveConfig"),
                                  QStringLiteral("actionSaveModel"),   QStringLiteral("actionExportStatistics"),
                                  QStringLiteral("|"),                 QStringLiteral("menuExportView"),
                                  QStringLiteral("actionExportDashboard"), QStringLiteral("menuExportOptions"),
                                  QStringLiteral("|"),                 QStringLiteral("actionQuit")};
    QCOMPARE(names, expected);
    QCOMPARE(action(&window, "actionOpenConfig")->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(action(&window, "actionSaveConfig")->shortcut(), QKeySequence(QKeySequence::Save));
    QVERIFY(!window.files()->recentFilesMenu()->isEnabled()); // nothing recent yet
    // The shortcuts reach the dialogs (cancelled here: the chooser returns nothing).
    Dialogs dialogs;
    dialogs.attach(window.files());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(dialogs.kinds, (QList<FileMenu::Kind>{FileMenu::Kind::OpenConfig, FileMenu::Kind::SaveConfig}));
    QVERIFY(dialogs.warnings.isEmpty());
}

void TestFileMenu::openConfigReachesPanelAndTraining()
{
    QTemporaryDir dir;
    core::RunConfig config = smallConfig();
    config.network.widths = {12};
    config.network.activation = core::ActivationKind::Relu;
    config.optimizer.lr = 0.042;
    config.steps = 1234;
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    core::saveConfigFile(config, local(path));

    MainWindow window;
    Dialogs dialogs;
    dialogs.attach(window.files());
    dialogs.path = path;
    QTRY_VERIFY(window.controller()->latestFrame()); // the default run is up
    action(&window, "actionOpenConfig")->trigger();
    QCOMPARE(dialogs.kinds, QList<FileMenu::Kind>{FileMenu::Kind::OpenConfig});
    QVERIFY(dialogs.warnings.isEmpty());
    QCOMPARE(jsonText(window.controlPanel()->config()), jsonText(config)); // the panel shows it
    auto *controller = window.controller();
    QCOMPARE(controller->config().optimizer.lr, 0.042);
    // The worker trains it: width, activation and learning rate of the file.
    QTRY_VERIFY_WITH_TIMEOUT(controller->latestFrame()->config.network.widths == config.network.widths
                                 && controller->latestFrame()->config.optimizer.lr == 0.042,
                             10000);
    QCOMPARE(controller->latestFrame()->config.network.activation, core::ActivationKind::Relu);
    QCOMPARE(controller->latestFrame()->snapshot->layers.front().width, 12);
    QCOMPARE(window.files()->recentFiles(), QStringList{QFileInfo(path).absoluteFilePath()});
    // The next dialog starts in the file's folder.
    action(&window, "actionOpenConfig")->trigger();
    QCOMPARE(dialogs.suggestions.last(), QFileInfo(path).absolutePath());
}

void TestFileMenu::malformedConfigWarns_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("cause");
    QTest::newRow("broken JSON") << QByteArray("{ \"depth\": 3,\n  \"width\": ") << QStringLiteral(":2:");
    QTest::newRow("unknown key") << QByteArray("{ \"dept\": 3 }") << QStringLiteral("dept");
    QTest::newRow("out of range") << QByteArray("{ \"depth\": 0 }") << QStringLiteral("depth");
    QTest::newRow("missing file") << QByteArray() << QStringLiteral("No such file");
}

void TestFileMenu::malformedConfigWarns()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, cause);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    if (!content.isEmpty())
        writeText(path, content);
    MainWindow window;
    Dialogs dialogs;
    dialogs.attach(window.files());
    dialogs.path = path;
    const std::string before = jsonText(window.controlPanel()->config());
    action(&window, "actionOpenConfig")->trigger();
    QCOMPARE(dialogs.warnings.size(), 1);
    QVERIFY2(dialogs.warnings.first().contains(path), qPrintable(dialogs.warnings.first()));
    QVERIFY2(dialogs.warnings.first().contains(cause), qPrintable(dialogs.warnings.first()));
    QCOMPARE(jsonText(window.controlPanel()->config()), before); // nothing applied
    QVERIFY(window.files()->recentFiles().isEmpty());
}

void TestFileMenu::saveConfigParsesBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    core::RunConfig config = smallConfig();
    config.network.activation = core::ActivationKind::Sigmoid;
    config.optimizer.lr = 0.25;
    config.batchSize = 17;
    {
        MainWindow window;
        window.applyConfig(config);
        Dialogs dialogs;
        dialogs.attach(window.files());
        dialogs.path = path;
        action(&window, "actionSaveConfig")->trigger();
        QCOMPARE(dialogs.kinds, QList<FileMenu::Kind>{FileMenu::Kind::SaveConfig});
        QVERIFY(dialogs.warnings.isEmpty());
        QVERIFY(QFile::exists(path));
        const core::RunConfig back = core::loadConfigFile(local(path));
        QCOMPARE(jsonText(back), jsonText(window.controlPanel()->config()));
        QCOMPARE(back.optimizer.lr, 0.25);
        QCOMPARE(back.batchSize, 17);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("saved.json")}); // no temporary
        // Saved again: the dialog suggests the same name in the same folder, and it is replaced.
        action(&window, "actionSaveConfig")->trigger();
        QCOMPARE(dialogs.suggestions.last(), path);
    }
    // The folder is remembered across sessions (QSettings).
    MainWindow later;
    Dialogs dialogs;
    dialogs.attach(later.files());
    action(&later, "actionSaveConfig")->trigger(); // cancelled: empty path
    QCOMPARE(QFileInfo(dialogs.suggestions.last()).absolutePath(), QFileInfo(path).absolutePath());
    QVERIFY(dialogs.warnings.isEmpty());
}

void TestFileMenu::saveModelHoldsTheCurrentParameters()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("model.json"));
    MainWindow window;
    Dialogs dialogs;
    dialogs.attach(window.files());
    dialogs.path = path;
    const core::RunConfig config = smallConfig();
    QVERIFY(applyAndWait(window, config));
    QVERIFY(stepAndWait(window, 7));
    QSignalSpy written(window.controller(), &ui::TrainingController::fileWritten);
    action(&window, "actionSaveModel")->trigger();
    QCOMPARE(dialogs.kinds, QList<FileMenu::Kind>{FileMenu::Kind::SaveModel});
    QTRY_COMPARE(written.count(), 1);
    QCOMPARE(written.first().first().toString(), path);
    QVERIFY(dialogs.warnings.isEmpty());

    const core::ModelFile model = core::loadModel(local(path));
    QCOMPARE(model.config.network.widths, config.network.widths);
    // The same run trained here, deterministically, for the same 7 steps.
    core::RunConfig reference = config;
    reference.steps = core::kMaxSteps;
    reference.syncSeed(); // the data set's seed too, as the worker does
    core::Trainer trainer(reference, std::make_shared<core::Dataset>(core::makeDataset(reference.data)));
    trainer.run(7);
    const auto expected = trainer.network().parameters();
    // Shapes: one Dense per hidden layer and the output, each weight out × in.
    std::vector<const core::json::Value *> dense;
    for (const auto &layer : model.layers.asArray())
        if (layer.find("type")->asString() == "dense")
            dense.push_back(&layer);
    QCOMPARE(dense.size(), std::size_t(config.network.depth + 1));
    QCOMPARE(expected.size(), 2 * dense.size()); // weight and bias each
    for (std::size_t i = 0; i < dense.size(); ++i) {
        const auto &weight = dense[i]->find("weight")->asArray();
        const core::Matrix<float> &w = *expected[2 * i].value;
        QCOMPARE(static_cast<Eigen::Index>(weight.size()), w.rows());
        QCOMPARE(static_cast<Eigen::Index>(weight.front().asArray().size()), w.cols());
        QCOMPARE(static_cast<Eigen::Index>(dense[i]->find("bias")->asArray().size()), expected[2 * i + 1].value->size());
        // The current parameters (after 7 steps), not the initial ones.
        for (Eigen::Index r = 0; r < w.rows(); ++r)
            for (Eigen::Index c = 0; c < w.cols(); ++c)
                QCOMPARE(static_cast<float>(weight[static_cast<std::size_t>(r)].asArray()[static_cast<std::size_t>(c)].asNumber()),
                         w(r, c));
    }
    // And it loads into a network of that config.
    core::Trainer fresh(reference, std::make_shared<core::Dataset>(core::makeDataset(reference.data)));
    fresh.setParameters([&](core::Network<float> &network) { core::applyModel(model, network); });
    QVERIFY(*fresh.network().parameters().front().value == *expected.front().value);
}

void TestFileMenu::exportStatisticsRoundTrips()
{
    QTemporaryDir dir;
    const QString jsonl = dir.filePath(QStringLiteral("stats.jsonl"));
    const QString csv = dir.filePath(QStringLiteral("stats.csv"));
    MainWindow window;
    Dialogs dialogs;
    dialogs.attach(window.files());
    dialogs.path = dir.path();
    QVERIFY(applyAndWait(window, smallConfig())); // statistics at every step
    QVERIFY(stepAndWait(window, 20));
    auto *controller = window.controller();
    QSignalSpy written(controller, &ui::TrainingController::fileWritten);
    action(&window, "actionExportStatistics")->trigger();
    QCOMPARE(dialogs.kinds, QList<FileMenu::Kind>{FileMenu::Kind::ExportStatistics});
    QCOMPARE(dialogs.questions, 0); // nothing to replace yet
    QTRY_COMPARE(written.count(), 2);
    QCOMPARE(written.at(0).first().toString(), jsonl);
    QCOMPARE(written.at(1).first().toString(), csv);

    const auto snapshots = core::readStatsJsonl(local(jsonl));
    QCOMPARE(snapshots.size(), std::size_t(21)); // steps 0..20
    for (std::size_t i = 0; i < snapshots.size(); ++i)
        QCOMPARE(snapshots[i].step, static_cast<long long>(i));
    QCOMPARE(core::json::serialize(core::snapshotToJson(snapshots.back())),
             core::json::serialize(core::snapshotToJson(*controller->latestFrame()->snapshot)));
    const auto rows = core::readStatsCsv(local(csv));
    const std::size_t layers = snapshots.front().layers.size();
    QCOMPARE(rows.size(), snapshots.size() * layers); // one row per snapshot and hidden layer
    std::set<long long> csvSteps;
    for (const auto &row : rows) {
        QCOMPARE(row.front().first, std::string("step"));
        csvSteps.insert(static_cast<long long>(row.front().second));
    }
    std::set<long long> jsonlSteps;
    for (const auto &s : snapshots)
        jsonlSteps.insert(s.step);
    QCOMPARE(csvSteps, jsonlSteps);

    // The files exist now: declining keeps them, accepting replaces them.
    QVERIFY(stepAndWait(window, 5));
    dialogs.replace = false;
    action(&window, "actionExportStatistics")->trigger();
    QCOMPARE(dialogs.questions, 1);
    QTest::qWait(200);
    QCOMPARE(written.count(), 2);
    QCOMPARE(lineCount(jsonl), 21);
    dialogs.replace = true;
    action(&window, "actionExportStatistics")->trigger();
    QCOMPARE(dialogs.questions, 2);
    QTRY_COMPARE(written.count(), 4);
    QCOMPARE(lineCount(jsonl), 26);

    // A reset starts a new run: its export holds step 0 only.
    controller->reset();
    QTRY_COMPARE(controller->latestFrame()->snapshot->step, 0LL);
    controller->exportStatistics(dir.path());
    QTRY_COMPARE(written.count(), 6);
    QCOMPARE(core::readStatsJsonl(local(jsonl)).size(), std::size_t(1));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporaries left
    QVERIFY(dialogs.warnings.isEmpty());
}

void TestFileMenu::unwritablePathsLeaveNoFile_data()
{
    // Tests may run as root, which writes into read-only folders: these fail for anyone.
    QTest::addColumn<QString>("relative");          // the config and model file
    QTest::addColumn<QString>("statisticsFolder");  // the folder for stats.jsonl and stats.csv
    QTest::newRow("missing folder") << QStringLiteral("missing/out.json") << QStringLiteral("missing");
    QTest::newRow("path is a folder") << QStringLiteral("existing") << QStringLiteral("plain.txt");
    QTest::newRow("parent is a file") << QStringLiteral("plain.txt/out.json") << QStringLiteral("plain.txt/stats");
}

void TestFileMenu::unwritablePathsLeaveNoFile()
{
    QFETCH(QString, relative);
    QFETCH(QString, statisticsFolder);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("existing")));
    writeText(dir.filePath(QStringLiteral("plain.txt")), "text");
    const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    const QString path = dir.filePath(relative);
    const QString native = QDir::toNativeSeparators(path);

    MainWindow window;
    Dialogs dialogs;
    dialogs.attach(window.files());
    dialogs.path = path;
    QVERIFY(applyAndWait(window, smallConfig()));
    QVERIFY(stepAndWait(window, 3));
    auto *controller = window.controller();
    QSignalSpy written(controller, &ui::TrainingController::fileWritten);
    QSignalSpy failed(controller, &ui::TrainingController::fileFailed);

    // Config: written on the UI thread.
    action(&window, "actionSaveConfig")->trigger();
    QCOMPARE(dialogs.warnings.size(), 1);
    QVERIFY2(dialogs.warnings.last().contains(native), qPrintable(dialogs.warnings.last()));
    QVERIFY(window.files()->recentFiles().isEmpty());

    // Model: written by the worker; the failure comes back as a warning.
    action(&window, "actionSaveModel")->trigger();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.last().first().toString().contains(native), qPrintable(failed.last().first().toString()));
    QCOMPARE(dialogs.warnings.size(), 2);
    QVERIFY(dialogs.warnings.last().contains(native));

    // Statistics into a folder that is not one.
    dialogs.path = dir.filePath(statisticsFolder);
    action(&window, "actionExportStatistics")->trigger();
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(dialogs.warnings.size(), 3);
    QVERIFY2(dialogs.warnings.last().contains(QDir::toNativeSeparators(dialogs.path)), qPrintable(dialogs.warnings.last()));

    QCOMPARE(written.count(), 0);
    // Nothing appeared: no file, no temporary, the folder and the plain file untouched.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), before);
    QVERIFY(QDir(dir.filePath(QStringLiteral("existing"))).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    QFile plain(dir.filePath(QStringLiteral("plain.txt")));
    QVERIFY(plain.open(QIODevice::ReadOnly));
    QCOMPARE(plain.readAll(), QByteArray("text"));
    // And the app goes on training.
    QVERIFY(stepAndWait(window, 2));
}

void TestFileMenu::recentFilesUpdateAndPersist()
{
    QTemporaryDir dir;
    core::RunConfig first = smallConfig();
    first.optimizer.lr = 0.011;
    core::RunConfig second = smallConfig();
    second.optimizer.lr = 0.022;
    const QString a = QFileInfo(dir.filePath(QStringLiteral("a.json"))).absoluteFilePath();
    const QString b = QFileInfo(dir.filePath(QStringLiteral("b & c.json"))).absoluteFilePath();
    core::saveConfigFile(first, local(a));
    {
        MainWindow window;
        Dialogs dialogs;
        dialogs.attach(window.files());
        dialogs.path = a;
        action(&window, "actionOpenConfig")->trigger();
        window.applyConfig(second);
        dialogs.path = b;
        action(&window, "actionSaveConfig")->trigger(); // saved configs count as recent too
        QCOMPARE(window.files()->recentFiles(), (QStringList{b, a}));
        QVERIFY(window.files()->recentFilesMenu()->isEnabled());
        QAction *top = action(&window, "actionRecentFile1");
        QVERIFY(top->isVisible());
        QCOMPARE(top->text(), QStringLiteral("&1 b && c.json"));
        QVERIFY(action(&window, "actionRecentFile2")->isVisible());
        QVERIFY(!action(&window, "actionRecentFile3")->isVisible());
        // Choosing one opens it.
        action(&window, "actionRecentFile2")->trigger();
        QCOMPARE(window.controlPanel()->config().optimizer.lr, 0.011);
        QCOMPARE(window.files()->recentFiles(), (QStringList{a, b})); // moved to the top
        QVERIFY(dialogs.warnings.isEmpty());
    }
    QCOMPARE(QSettings().value(QStringLiteral("files/recent")).toStringList(), (QStringList{a, b}));
    // A new session lists them; a file gone since is removed with a message when chosen.
    MainWindow window;
    Dialogs dialogs;
    dialogs.attach(window.files());
    QCOMPARE(window.files()->recentFiles(), (QStringList{a, b}));
    QVERIFY(QFile::remove(a));
    const std::string before = jsonText(window.controlPanel()->config());
    action(&window, "actionRecentFile1")->trigger();
    QCOMPARE(dialogs.warnings.size(), 1);
    QVERIFY(dialogs.warnings.first().contains(QDir::toNativeSeparators(a)));
    QCOMPARE(window.files()->recentFiles(), QStringList{b});
    QCOMPARE(QSettings().value(QStringLiteral("files/recent")).toStringList(), QStringList{b});
    QCOMPARE(jsonText(window.controlPanel()->config()), before);
    QVERIFY(!action(&window, "actionRecentFile2")->isVisible());
    // At most eight, newest first.
    for (int i = 0; i < 10; ++i) {
        dialogs.path = dir.filePath(QStringLiteral("c%1.json").arg(i));
        action(&window, "actionSaveConfig")->trigger();
    }
    QCOMPARE(window.files()->recentFiles().size(), FileMenu::kMaxRecentFiles);
    QCOMPARE(window.files()->recentFiles().first(), QFileInfo(dir.filePath(QStringLiteral("c9.json"))).absoluteFilePath());
    QCOMPARE(window.files()->recentFiles().last(), QFileInfo(dir.filePath(QStringLiteral("c2.json"))).absoluteFilePath());
    action(&window, "actionClearRecentFiles")->trigger();
    QVERIFY(window.files()->recentFiles().isEmpty());
    QVERIFY(!window.files()->recentFilesMenu()->isEnabled());
}

QTEST_MAIN(TestFileMenu)
#include "tst_filemenu.moc"
