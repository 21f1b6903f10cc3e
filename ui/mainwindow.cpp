#include "ui/mainwindow.h"

#include "core/json.h"
#include "ui/activationhistogramview.h"
#include "ui/chartexport.h"
#include "ui/chartexportactions.h"
#include "ui/comparepage.h"
#include "ui/comparesession.h"
#include "ui/controlpanel.h"
#include "ui/decisionboundaryview.h"
#include "ui/diagnosticsview.h"
#include "ui/distributionovertimeview.h"
#include "ui/filemenu.h"
#include "ui/gradientflowview.h"
#include "ui/language.h"
#include "ui/lessonpanel.h"
#include "ui/presets.h"
#include "ui/trainingcontroller.h"
#include "ui/trainingcurvesview.h"
#include "ui/weightsupdatesview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QGridLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace layerlens::ui {

namespace {

core::RunConfig defaultConfig()
{
    core::RunConfig c;
    c.data.spec = "spiral";
    c.data.samples = 600;
    c.network.depth = 4;
    c.network.widths = {32};
    c.network.activation = core::ActivationKind::Tanh;
    c.network.init.kind = core::InitKind::XavierNormal;
    c.optimizer.kind = core::OptimizerKind::Adam;
    c.optimizer.lr = 0.01;
    c.batchSize = 32;
    c.evalEvery = 50;
    return c;
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("LayerLens"));
    m_controller = new TrainingController(this);
    m_panel = new ControlPanel(this);
    auto *dock = new QDockWidget(tr("Settings"), this);
    m_settingsDock = dock;
    dock->setObjectName(QStringLiteral("settingsDock"));
    auto *scroll = new QScrollArea(dock);
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    dock->setWidget(scroll);
    // Narrow enough to leave the charts most of a 1366-pixel projector, wide enough for the names.
    scroll->setMinimumWidth(250);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    dock->setMaximumWidth(330);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    createLessonDock();

    createViews();
    m_exports = new ChartExportActions(m_views, this);
    m_exports->setCaptionSource([this] {
        return m_lastFrame ? exportCaption(m_lastFrame->config, m_lastFrame->snapshot->step) : QString();
    });
    m_exports->setPrepareDashboard([this] { prepareDashboardExport(); });
    connect(m_exports, &ChartExportActions::exported, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Saved %1").arg(path), 8000); });
    // The compare page's views get the same Save as/Copy menu and corner button (the PNG scale
    // and caption options as saved at launch; the caption names no run, since there are two).
    const QList<DashboardView *> compareViews = m_comparePage->findChildren<DashboardView *>();
    m_compareExports = new ChartExportActions({compareViews.begin(), compareViews.end()}, this);
    connect(m_compareExports, &ChartExportActions::exported, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Saved %1").arg(path), 8000); });
    createActions();
    createMenus();
    m_status = new QLabel(this);
    statusBar()->addPermanentWidget(m_status, 1);

    connect(m_panel, &ControlPanel::configEdited, this, [this](const core::RunConfig &config) {
        m_controller->setConfig(forInteractiveUse(config));
        scheduleRunStateSave();
    });
    // The config and lesson are saved a second after each change (and on close), so that not
    // even a crash loses them.
    m_runStateTimer.setSingleShot(true);
    m_runStateTimer.setInterval(1000);
    connect(&m_runStateTimer, &QTimer::timeout, this, [this] { saveRunState(); });
    connect(m_panel, &ControlPanel::presetChosen, this, &MainWindow::choosePreset);
    connect(m_files, &FileMenu::configOpened, this, &MainWindow::applyConfig);
    connect(m_files, &FileMenu::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_controller, &TrainingController::frameReady, this, &MainWindow::showFrame);
    connect(m_controller, &TrainingController::runningChanged, this, [this](bool running) {
        m_runAction->setText(running ? tr("Pause") : tr("Run"));
        m_runAction->setChecked(running);
    });
    // An error stays in the status bar until the next message: a run that stopped must not be
    // missed because the teacher looked away for ten seconds.
    connect(m_controller, &TrainingController::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message); });

    // Fits a 1366×768 projector with room for the window frame and a taskbar.
    resize(1280, 700);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

core::RunConfig MainWindow::forInteractiveUse(core::RunConfig config) const
{
    // The GUI trains until paused (or up to --steps); a config's own `steps` is for headless runs.
    config.steps = m_stopAt > 0 ? m_stopAt : core::kMaxSteps;
    return config;
}

void MainWindow::createViews()
{
    // Two pages of four charts each read better on a 1366×768 projector than one page of eight
    // postage stamps: "Layers" holds what happens inside the network (the lesson pictures of
    // saturation, collapse, vanishing and exploding gradients), "Training" what comes out of it.
    // The diagnostics stay in sight below whichever page is shown.
    auto add = [&](DashboardView *view, QGridLayout *grid, int row, int column, int rowSpan = 1, int columnSpan = 1) {
        m_views.push_back(view);
        grid->addWidget(view, row, column, rowSpan, columnSpan);
    };
    auto page = [](QWidget *parent) {
        auto *widget = new QWidget(parent);
        auto *grid = new QGridLayout(widget);
        grid->setContentsMargins(2, 2, 2, 2);
        grid->setSpacing(6);
        return std::pair{widget, grid};
    };

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("viewPages"));
    m_pages->setDocumentMode(true);
    auto [layers, layersGrid] = page(m_pages);
    add(new ActivationHistogramView(layers), layersGrid, 0, 0, 1, 2);
    add(new GradientFlowView(layers), layersGrid, 1, 0);
    add(new WeightsUpdatesView(layers), layersGrid, 1, 1);
    layersGrid->setRowStretch(0, 5);
    layersGrid->setRowStretch(1, 4);
    m_pages->addTab(layers, tr("Layers"));

    auto [training, trainingGrid] = page(m_pages);
    add(new TrainingCurvesView(training), trainingGrid, 0, 0);
    add(new DistributionOverTimeView(training), trainingGrid, 1, 0);
    add(new DecisionBoundaryView(training), trainingGrid, 0, 1, 2, 1);
    trainingGrid->setColumnStretch(0, 3);
    trainingGrid->setColumnStretch(1, 2);
    m_pages->addTab(training, tr("Training"));

    auto *diagnostics = new DiagnosticsView(this);
    m_views.push_back(diagnostics);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("dashboardSplitter"));
    m_splitter->addWidget(m_pages);
    m_splitter->addWidget(diagnostics);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({590, 90});

    // Compare mode: two runs side by side or overlaid, in place of the pages and diagnostics.
    m_compare = new CompareSession(this);
    m_comparePage = new ComparePage(m_compare, this);
    m_central = new QStackedWidget(this);
    m_central->addWidget(m_splitter);
    m_central->addWidget(m_comparePage);
    setCentralWidget(m_central);
    connect(m_panel, &ControlPanel::configEdited, m_compare,
            [this](const core::RunConfig &config) { m_compare->setConfigA(forInteractiveUse(config)); });

    // Views on a hidden page skip frames; the page shown next starts from the newest one.
    connect(m_pages, &QTabWidget::currentChanged, this, [this] {
        if (m_lastFrame)
            showFrame(m_lastFrame);
    });
}

void MainWindow::setPresentation(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    if (on) {
        m_settingsWereVisible = m_settingsDock->isVisible();
        m_wasMaximized = isMaximized();
        m_settingsDock->hide();
        m_lessonDock->show(); // the lesson text, large, where the settings were
        m_lessonDock->raise();
        m_lessonPanel->setTextScale(1.6);
        m_lessonDock->setMaximumWidth(520);
        m_normalFont = font();
        QFont large = m_normalFont;
        large.setPointSizeF(large.pointSizeF() * DashboardView::kPresentationFontScale);
        setFont(large); // menus, toolbar, tabs, status bar and every widget without a font of its own
        showFullScreen();
    } else {
        setFont(m_normalFont);
        m_lessonPanel->setTextScale(1.0);
        m_lessonDock->setMaximumWidth(440);
        m_settingsDock->setVisible(m_settingsWereVisible);
        if (m_wasMaximized)
            showMaximized();
        else
            showNormal();
    }
    for (DashboardView *view : m_views)
        view->setPresentation(on);
    for (DashboardView *view : m_comparePage->findChildren<DashboardView *>())
        view->setPresentation(on);
    m_presentAction->setChecked(on);
}

void MainWindow::prepareDashboardExport()
{
    // Views on a page never shown have no layout yet and views on a hidden page skip frames:
    // show each page once (drawn from the newest frame), then return to the user's page.
    const int current = m_pages->currentIndex();
    for (int index = 0; index < m_pages->count(); ++index) {
        m_pages->setCurrentIndex(index);
        QCoreApplication::processEvents();
    }
    m_pages->setCurrentIndex(current);
    QCoreApplication::processEvents();
}

void MainWindow::createActions()
{
    auto *toolbar = addToolBar(tr("Training"));
    toolbar->setObjectName(QStringLiteral("trainingToolbar"));
    m_runAction = toolbar->addAction(tr("Run"), this,
                                     [this] { isComparing() ? m_compare->toggleRunning() : m_controller->toggleRunning(); });
    m_runAction->setObjectName(QStringLiteral("actionRun"));
    m_runAction->setCheckable(true);
    m_runAction->setShortcut(Qt::Key_Space);
    m_runAction->setToolTip(tr("Run or pause training (Space)"));
    m_stepAction = toolbar->addAction(tr("Step"), this, [this] { isComparing() ? m_compare->step(1) : m_controller->step(1); });
    m_stepAction->setObjectName(QStringLiteral("actionStep"));
    m_stepAction->setShortcut(Qt::Key_S);
    m_stepAction->setToolTip(tr("One training step (S)"));
    m_resetAction = toolbar->addAction(tr("Reset"), this, [this] { isComparing() ? m_compare->reset() : m_controller->reset(); });
    m_resetAction->setObjectName(QStringLiteral("actionReset"));
    m_resetAction->setShortcut(Qt::Key_R);
    m_resetAction->setToolTip(tr("Start again from step 0 (R)"));
    m_compareAction = toolbar->addAction(tr("Compare"));
    m_compareAction->setObjectName(QStringLiteral("actionCompare"));
    m_compareAction->setCheckable(true);
    m_compareAction->setShortcut(Qt::Key_C);
    m_compareAction->setToolTip(tr("Train a second run B beside the settings' run A and compare them (C)"));
    connect(m_compareAction, &QAction::toggled, this, [this](bool on) {
        // In a lesson with a pair, C opens that pair; otherwise B is A with the chosen difference.
        const bool lessonPair = on && !isComparing() && m_lessonIndex >= 0 &&
                                m_lessonIndex < static_cast<int>(m_lessons.size()) &&
                                m_lessons[static_cast<std::size_t>(m_lessonIndex)].compare.has_value();
        if (lessonPair)
            compareLesson();
        else
            setComparing(on);
    });
    connect(m_compare, &CompareSession::runningChanged, this, [this](bool running) {
        m_runAction->setText(running ? tr("Pause") : tr("Run"));
        m_runAction->setChecked(running);
    });
    toolbar->addSeparator();
    toolbar->addAction(m_exports->exportDashboardAction());

    m_presentAction = new QAction(tr("&Presentation mode"), this);
    m_presentAction->setObjectName(QStringLiteral("actionPresentation"));
    m_presentAction->setCheckable(true);
    m_presentAction->setShortcut(Qt::Key_F11);
    m_presentAction->setToolTip(tr("Full screen, large type, thick lines, high contrast (F11; Esc leaves)"));
    connect(m_presentAction, &QAction::toggled, this, &MainWindow::setPresentation);
    auto *leave = new QAction(this);
    leave->setShortcut(Qt::Key_Escape);
    connect(leave, &QAction::triggered, this, [this] { m_presentAction->setChecked(false); });
    addAction(leave);
    toolbar->addAction(m_presentAction);
    // Shortcuts work wherever the focus is, except while typing in a field.
    for (QAction *action : {m_runAction, m_stepAction, m_resetAction, m_compareAction})
        action->setShortcutContext(Qt::WindowShortcut);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_files = new FileMenu(m_panel, m_controller, this);
    m_files->addTo(m_fileMenu);
    m_fileMenu->addSeparator();
    m_exports->addToMenu(m_fileMenu);
    m_fileMenu->addSeparator();
    QAction *quit = m_fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu *training = menuBar()->addMenu(tr("&Training"));
    training->addAction(m_runAction);
    training->addAction(m_stepAction);
    training->addAction(m_resetAction);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *view = m_viewMenu;
    view->addAction(m_presentAction);
    view->addSeparator();
    for (DashboardView *v : m_views) {
        QAction *toggle = view->addAction(v->title());
        toggle->setCheckable(true);
        toggle->setChecked(true);
        toggle->setObjectName(QStringLiteral("actionShow_") + v->viewId());
        connect(toggle, &QAction::toggled, v, &QWidget::setVisible);
    }

    view->addSeparator();
    for (int index = 0; index < m_pages->count(); ++index) {
        QAction *show = view->addAction(tr("%1 page").arg(m_pages->tabText(index)), this,
                                        [this, index] { m_pages->setCurrentIndex(index); });
        show->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
        show->setObjectName(QStringLiteral("actionPage%1").arg(index + 1));
    }
    view->addSeparator();
    view->addAction(m_compareAction);

    QMenu *lessons = menuBar()->addMenu(tr("&Lessons"));
    lessons->setObjectName(QStringLiteral("menuLessons"));
    lessons->addAction(m_nextLessonAction);
    lessons->addAction(m_previousLessonAction);
    lessons->addSeparator();
    try {
        m_lessons = ui::lessons();
    } catch (const std::exception &e) {
        statusBar()->showMessage(tr("The lessons could not be read: %1").arg(QString::fromUtf8(e.what())), 10000);
    }
    for (int index = 0; index < static_cast<int>(m_lessons.size()); ++index) {
        QAction *go = lessons->addAction(QStringLiteral("%1. %2").arg(index + 1).arg(m_lessons[index].title.translated()),
                                         this, [this, index] { goToLesson(index); });
        go->setObjectName(QStringLiteral("actionLesson_") + m_lessons[index].name);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About LayerLens"), this, &MainWindow::showAbout);
}

void MainWindow::applyConfig(const core::RunConfig &config)
{
    m_panel->setConfig(config);
    m_controller->setConfig(forInteractiveUse(config));
    m_compare->setConfigA(forInteractiveUse(config));
    scheduleRunStateSave();
}

void MainWindow::scheduleRunStateSave()
{
    if (!m_runStateTimer.isActive())
        m_runStateTimer.start();
}

void MainWindow::saveRunState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("run/config"),
                      QByteArray::fromStdString(core::json::serialize(core::toJson(m_panel->config()))));
    const bool hasLesson = m_lessonIndex >= 0 && m_lessonIndex < static_cast<int>(m_lessons.size());
    settings.setValue(QStringLiteral("run/lesson"),
                      hasLesson ? m_lessons[static_cast<std::size_t>(m_lessonIndex)].name : QString());
    settings.sync(); // on disk now: a crash later loses nothing of it
}

void MainWindow::createLessonDock()
{
    m_lessonPanel = new LessonPanel(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_lessonPanel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(250);
    m_lessonDock = new QDockWidget(tr("Lesson"), this);
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_lessonDock->setWidget(scroll);
    m_lessonDock->setMaximumWidth(440);
    addDockWidget(Qt::LeftDockWidgetArea, m_lessonDock);
    tabifyDockWidget(m_settingsDock, m_lessonDock);
    m_settingsDock->raise();

    m_nextLessonAction = new QAction(tr("&Next lesson"), this);
    m_nextLessonAction->setObjectName(QStringLiteral("actionNextLesson"));
    m_nextLessonAction->setShortcut(Qt::Key_N);
    connect(m_nextLessonAction, &QAction::triggered, this, [this] { goToLesson(m_lessonIndex + 1); });
    m_previousLessonAction = new QAction(tr("&Previous lesson"), this);
    m_previousLessonAction->setObjectName(QStringLiteral("actionPreviousLesson"));
    m_previousLessonAction->setShortcut(Qt::Key_P);
    connect(m_previousLessonAction, &QAction::triggered, this,
            [this] { goToLesson(m_lessonIndex < 0 ? 0 : m_lessonIndex - 1); });
    for (QAction *action : {m_nextLessonAction, m_previousLessonAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
    connect(m_lessonPanel, &LessonPanel::nextRequested, m_nextLessonAction, &QAction::trigger);
    connect(m_lessonPanel, &LessonPanel::previousRequested, m_previousLessonAction, &QAction::trigger);
    connect(m_lessonPanel, &LessonPanel::compareRequested, this, &MainWindow::compareLesson);
}

void MainWindow::goToLesson(int index)
{
    if (m_lessons.empty())
        return;
    index = std::clamp(index, 0, static_cast<int>(m_lessons.size()) - 1);
    showLesson(index);
    const Lesson &lesson = m_lessons[static_cast<std::size_t>(index)];
    if (isComparing() && lesson.compare)
        compareLesson(); // stay in compare mode with this lesson's pair
    else if (isComparing())
        startComparison(lesson.config, m_compare->pair().overrides(lesson.config));
    else
        applyConfig(lesson.config);
    statusBar()->showMessage(tr("Lesson %1: %2").arg(index + 1).arg(lesson.title.translated()), 8000);
    scheduleRunStateSave();
}

void MainWindow::showLesson(int index)
{
    m_lessonIndex = index;
    const Lesson &lesson = m_lessons[static_cast<std::size_t>(index)];
    LessonText text;
    text.number = index + 1;
    text.count = static_cast<int>(m_lessons.size());
    text.title = lesson.title.translated();
    text.question = lesson.question.translated();
    text.explanation = lesson.explanation.translated();
    QStringList expected;
    for (const core::DiagnosticKind kind : lesson.expects)
        expected << DiagnosticsView::kindName(kind);
    text.expected = expected.isEmpty() ? tr("none: this is the healthy case") : expected.join(QStringLiteral(", "));
    text.hasComparison = lesson.compare.has_value();
    m_lessonPanel->setLesson(text);
    m_lessonDock->show();
    m_lessonDock->raise();
}

void MainWindow::compareLesson()
{
    if (m_lessonIndex < 0 || m_lessonIndex >= static_cast<int>(m_lessons.size()))
        return;
    const Lesson &lesson = m_lessons[static_cast<std::size_t>(m_lessonIndex)];
    if (!lesson.compare)
        return;
    startComparison(lesson.config, differences(lesson.config, lesson.compare->config),
                    lesson.compare->title.translated());
}

void MainWindow::choosePreset(const QString &name)
{
    const auto found = std::find_if(m_lessons.begin(), m_lessons.end(),
                                    [&](const Lesson &lesson) { return lesson.name == name; });
    if (found != m_lessons.end()) {
        goToLesson(static_cast<int>(found - m_lessons.begin())); // a preset is a lesson: show its text too
        return;
    }
    try {
        applyConfig(presetConfig(name));
        statusBar()->showMessage(presetTitle(name), 8000);
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Preset"), QString::fromUtf8(e.what()));
    }
}

void MainWindow::showFrame(const std::shared_ptr<const Frame> &frame)
{
    if (!frame || !frame->snapshot)
        return;
    m_lastFrame = frame;
    for (DashboardView *view : m_views)
        if (view->isVisible()) {
            view->showFrame(*frame);
            if (m_presenting)
                view->refreshPresentation(); // series a frame added get the large look too
        }
    updateStatus(*frame);
}

void MainWindow::updateStatus(const Frame &frame)
{
    const core::Snapshot &s = *frame.snapshot;
    QString text = tr("step %1   epoch %2   loss %3   accuracy %4%")
                       .arg(s.step)
                       .arg(s.epoch, 0, 'f', 2)
                       .arg(s.trainLoss, 0, 'g', 4)
                       .arg(100.0 * s.trainAcc, 0, 'f', 1);
    if (s.testStep >= 0)
        text += tr("   test %1%").arg(100.0 * s.testAcc, 0, 'f', 1);
    text += tr("   %1 steps/s").arg(s.stepsPerSecond, 0, 'f', 0);
    if (s.diverged)
        text += tr("   DIVERGED at step %1").arg(s.divergedAt);
    m_status->setText(text);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LayerLens"),
                       tr("<h3>LayerLens %1</h3><p>Makes the problems of training deep neural networks "
                          "visible while they happen.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_pages->setCurrentIndex(settings.value(QStringLiteral("window/page"), 0).toInt());
    core::RunConfig config = defaultConfig();
    const QByteArray saved = settings.value(QStringLiteral("run/config")).toByteArray();
    if (!saved.isEmpty()) {
        try {
            config = core::configFromJson(
                core::json::parse(std::string_view(saved.constData(), static_cast<std::size_t>(saved.size())), "settings"));
        } catch (const std::exception &e) {
            statusBar()->showMessage(tr("The saved settings could not be read (%1); using the defaults.")
                                         .arg(QString::fromUtf8(e.what())),
                                     10000);
        }
    }
    applyConfig(config);
    // The lesson that was open comes back with its text; the config is the one saved, which
    // may be the lesson's as the user changed it.
    const QString lessonName = settings.value(QStringLiteral("run/lesson")).toString();
    const auto found = std::find_if(m_lessons.begin(), m_lessons.end(),
                                    [&](const Lesson &lesson) { return lesson.name == lessonName; });
    if (!lessonName.isEmpty() && found != m_lessons.end())
        showLesson(static_cast<int>(found - m_lessons.begin()));
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/page"), m_pages->currentIndex());
    saveRunState();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_presenting)
        setPresentation(false); // the next launch opens in the normal window
    saveSettings();
    m_controller->shutdown();
    m_compare->shutdown();
    event->accept();
}

// Compare mode ------------------------------------------------------------------------------

bool MainWindow::isComparing() const
{
    return m_central->currentWidget() == m_comparePage;
}

void MainWindow::setComparing(bool on)
{
    m_compareAction->setChecked(on); // when called by startComparison()
    if (on) {
        if (!m_compare->isOpen())
            m_compare->setConfigs(forInteractiveUse(m_panel->config()), m_compare->pair());
        if (isComparing())
            return;
        m_controller->pause(); // the two runs need the cores; the single run waits where it is
        m_central->setCurrentWidget(m_comparePage);
        statusBar()->showMessage(tr("Compare: the settings edit run A; Space, S and R drive A and B together"), 8000);
    } else {
        if (!isComparing())
            return;
        m_compare->shutdown(); // both threads end here
        m_central->setCurrentWidget(m_splitter);
        if (m_lastFrame)
            showFrame(m_lastFrame);
    }
    m_status->setVisible(!on); // the page shows the status of A and B
    const bool running = on && m_compare->isRunning();
    m_runAction->setText(running ? tr("Pause") : tr("Run"));
    m_runAction->setChecked(running);
}

void MainWindow::startComparison(const core::RunConfig &a, const ConfigOverrides &overridesB, const QString &title)
{
    m_compare->shutdown(); // a new pair starts afresh: paused, at step 0
    m_compare->setPair(ComparePair::fixed(overridesB, title));
    applyConfig(a);
    setComparing(true);
}

} // namespace layerlens::ui
