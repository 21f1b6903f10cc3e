#pragma once

#include "ui/comparepair.h"
#include "ui/frame.h"
#include "ui/presets.h"

#include <QFont>
#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
QT_END_NAMESPACE

namespace layerlens::ui {

class ChartExportActions;
class ComparePage;
class CompareSession;
class ControlPanel;
class DashboardView;
class FileMenu;
class LessonPanel;
class TrainingController;

/// The application window. It assembles the control panel, the views and the toolbar and wires
/// their signals to the controller; it holds no training logic and draws no chart itself.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The controller (for tests).
    TrainingController *controller() const { return m_controller; }
    /// The control panel (for tests).
    ControlPanel *controlPanel() const { return m_panel; }
    /// The dashboard views: the "Layers" page, the "Training" page, then the diagnostics.
    const std::vector<DashboardView *> &views() const { return m_views; }
    /// The File menu: the file commands, then a separator and Quit (other entries go before it).
    QMenu *fileMenu() const { return m_fileMenu; }
    /// The View menu: a toggle per view, then the pages (other entries go after them).
    QMenu *viewMenu() const { return m_viewMenu; }
    /// The commands of the File menu: configs, model, statistics, recent files.
    FileMenu *files() const { return m_files; }
    /// The export commands (for tests).
    ChartExportActions *exports() const { return m_exports; }
    ChartExportActions *compareExports() const { return m_compareExports; }
    /// Applies `config` as if the user had chosen it (panel and training).
    void applyConfig(const core::RunConfig &config);
    /// Presentation mode (F11): full screen, large type and lines, high contrast, settings hidden.
    void setPresentation(bool on);
    bool presenting() const { return m_presenting; }
    /// Training stops by itself after `steps` steps (by default it runs until paused).
    void setStopAt(long long steps) { m_stopAt = steps; }
    /// The step set by setStopAt() (0: until paused).
    long long stopAt() const { return m_stopAt; }
    /// Saves the window's geometry, docks, page, the panel's config and the open lesson in
    /// QSettings (also done on close); a new MainWindow starts from them.
    void saveSettings() const;

    /// Compare mode: shows `a` in the panel and trains it as run A beside run B = `a` changed by
    /// `overridesB` (keys and values as `--set` takes them); `title` names the difference in the
    /// page's "B differs by" (empty: the overrides). Both start paused at step 0.
    void startComparison(const core::RunConfig &a, const ConfigOverrides &overridesB, const QString &title = {});
    /// Whether the central area shows the comparison instead of the pages (action "Compare", C).
    bool isComparing() const;
    CompareSession *compareSession() const { return m_compare; }
    ComparePage *comparePage() const { return m_comparePage; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createViews();
    void prepareDashboardExport();
    void showFrame(const std::shared_ptr<const Frame> &frame);
    void updateStatus(const Frame &frame);
    void choosePreset(const QString &name);
    void showAbout();
    void restoreSettings();
    core::RunConfig forInteractiveUse(core::RunConfig config) const;
    void setComparing(bool on);
    void createLessonDock();
    void goToLesson(int index);
    /// Shows lesson `index`'s text in the lesson dock (its config untouched).
    void showLesson(int index);
    /// The config and the lesson into QSettings, flushed to disk.
    void saveRunState() const;
    void scheduleRunStateSave();
    void compareLesson();

    TrainingController *m_controller = nullptr;
    ControlPanel *m_panel = nullptr;
    std::vector<DashboardView *> m_views;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    FileMenu *m_files = nullptr;
    ChartExportActions *m_exports = nullptr;
    ChartExportActions *m_compareExports = nullptr; // the compare page's views
    QDockWidget *m_settingsDock = nullptr;
    QDockWidget *m_lessonDock = nullptr;
    LessonPanel *m_lessonPanel = nullptr;
    QAction *m_nextLessonAction = nullptr;
    QAction *m_previousLessonAction = nullptr;
    std::vector<Lesson> m_lessons;
    int m_lessonIndex = -1; // none chosen yet
    QTimer m_runStateTimer;  // saves the config and lesson a second after a change
    QAction *m_presentAction = nullptr;
    bool m_presenting = false;
    bool m_settingsWereVisible = true;
    bool m_wasMaximized = false;
    QFont m_normalFont;
    QAction *m_runAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_resetAction = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_pages = nullptr;
    QSplitter *m_splitter = nullptr;
    std::shared_ptr<const Frame> m_lastFrame; // redrawn when a page is shown
    long long m_stopAt = 0; // 0: until paused
    // Compare mode: the session's two runs follow the panel as A; its page replaces the pages.
    CompareSession *m_compare = nullptr;
    ComparePage *m_comparePage = nullptr;
    QStackedWidget *m_central = nullptr;
    QAction *m_compareAction = nullptr;
};

} // namespace layerlens::ui
