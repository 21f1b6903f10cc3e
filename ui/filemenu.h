#pragma once

#include "core/config.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QMenu;
class QWidget;
QT_END_NAMESPACE

namespace layerlens::ui {

class ControlPanel;
class TrainingController;

/// The file commands of the File menu: open and save a config, save the model, export the
/// statistics, and the recent configs (up to 8, opened or saved, kept in QSettings). Each dialog
/// starts in the folder it last used (also kept in QSettings).
///
/// Configs are small and read or written here, on the UI thread; the model and the statistics
/// live in the worker, which writes them (TrainingController::saveModel / exportStatistics).
/// Every file appears complete or not at all; failures show a warning naming the path and the
/// cause. The dialogs, the overwrite question and the warning go through replaceable functions,
/// so tests drive the commands without a modal dialog.
class FileMenu : public QObject {
    Q_OBJECT
public:
    /// What a file dialog asks for.
    enum class Kind { OpenConfig, SaveConfig, SaveModel, ExportStatistics };
    /// Returns the chosen path (a folder for ExportStatistics), or an empty string when cancelled.
    /// `suggestion` is the remembered folder, with a file name for the save kinds.
    using FileChooser = std::function<QString(Kind kind, const QString &suggestion)>;
    /// Asks a yes/no question; true means yes.
    using Question = std::function<bool(const QString &title, const QString &text)>;
    /// Shows a warning.
    using Warning = std::function<void(const QString &title, const QString &text)>;

    /// The recent-files list holds at most this many.
    static constexpr int kMaxRecentFiles = 8;

    /// Creates the actions; `window` parents the dialogs and this object.
    FileMenu(ControlPanel *panel, TrainingController *controller, QWidget *window);

    /// Adds Open config, Recent files, Save config, Save model and Export statistics to `menu`.
    void addTo(QMenu *menu);

    /// The recent configs, newest first (absolute paths).
    const QStringList &recentFiles() const { return m_recent; }
    /// The Recent files submenu (null before addTo()).
    QMenu *recentFilesMenu() const { return m_recentMenu; }

    /// Replaces the file dialogs (QFileDialog by default).
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    /// Replaces the question before replacing stats.jsonl/stats.csv (a QMessageBox by default).
    void setOverwriteQuestion(Question question) { m_question = std::move(question); }
    /// Replaces the warning box (QMessageBox::warning by default).
    void setWarning(Warning warning) { m_warning = std::move(warning); }

    /// Reads the config at `path` and emits configOpened(); warns and returns false when it
    /// cannot be read or is malformed.
    bool openConfig(const QString &path);
    /// Writes the panel's config to `path`; warns and returns false when that fails.
    bool saveConfig(const QString &path);
    /// Asks the worker to save the model to `path`; the outcome is shown when it arrives.
    void saveModel(const QString &path);
    /// Asks the worker to write stats.jsonl and stats.csv into `folder`.
    void exportStatistics(const QString &folder);

signals:
    /// A config file was read; the window applies it like a preset.
    void configOpened(const layerlens::core::RunConfig &config);
    /// A short outcome for the status bar ("Saved …").
    void statusMessage(const QString &text);

private:
    void chooseConfigToOpen();
    void chooseConfigToSave();
    void chooseModelFile();
    void chooseStatisticsFolder();
    QString choose(Kind kind);
    QString suggestion(Kind kind) const;
    void rememberFolder(Kind kind, const QString &path);
    void openRecent(QString path); // a copy: the list it came from changes
    void addRecent(const QString &path);
    void removeRecent(const QString &path);
    void saveRecent() const;
    void updateRecentMenu();

    ControlPanel *m_panel;
    TrainingController *m_controller;
    QWidget *m_window;
    FileChooser m_chooser;
    Question m_question;
    Warning m_warning;
    QAction *m_openConfig = nullptr;
    QAction *m_saveConfig = nullptr;
    QAction *m_saveModel = nullptr;
    QAction *m_exportStatistics = nullptr;
    QMenu *m_recentMenu = nullptr;
    QList<QAction *> m_recentActions; // kMaxRecentFiles, the unused ones hidden
    QAction *m_clearRecent = nullptr;
    QStringList m_recent;
    QString m_configPath; // the config last opened or saved: Save config suggests its name
};

} // namespace layerlens::ui
