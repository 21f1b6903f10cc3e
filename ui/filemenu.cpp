#include "ui/filemenu.h"

#include "core/json.h"
#include "ui/atomicsavefile.h"
#include "ui/controlpanel.h"
#include "ui/trainingcontroller.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

namespace layerlens::ui {

namespace {

const QString kRecentKey = QStringLiteral("files/recent");
const QString kLastFolderKey = QStringLiteral("files/lastFolder");

/// Each group of dialogs starts where it was last used; opening and saving configs share one.
QString folderKey(FileMenu::Kind kind)
{
    switch (kind) {
    case FileMenu::Kind::OpenConfig:
    case FileMenu::Kind::SaveConfig:
        return QStringLiteral("files/configFolder");
    case FileMenu::Kind::SaveModel:
        return QStringLiteral("files/modelFolder");
    case FileMenu::Kind::ExportStatistics:
        return QStringLiteral("files/statisticsFolder");
    }
    return kLastFolderKey;
}

QString native(const QString &path) { return QDir::toNativeSeparators(path); }

} // namespace

FileMenu::FileMenu(ControlPanel *panel, TrainingController *controller, QWidget *window)
    : QObject(window), m_panel(panel), m_controller(controller), m_window(window)
{
    m_chooser = [this](Kind kind, const QString &suggestion) {
        const QString configs = tr("Configs (*.json);;All files (*)");
        switch (kind) {
        case Kind::OpenConfig:
            return QFileDialog::getOpenFileName(m_window, tr("Open config"), suggestion, configs);
        case Kind::SaveConfig:
            return QFileDialog::getSaveFileName(m_window, tr("Save config"), suggestion, configs);
        case Kind::SaveModel:
            return QFileDialog::getSaveFileName(m_window, tr("Save model"), suggestion,
                                                tr("Models (*.json);;All files (*)"));
        case Kind::ExportStatistics:
            return QFileDialog::getExistingDirectory(m_window, tr("Export statistics into folder"), suggestion);
        }
        return QString();
    };
    m_question = [this](const QString &title, const QString &text) {
        return QMessageBox::question(m_window, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               == QMessageBox::Yes;
    };
    m_warning = [this](const QString &title, const QString &text) { QMessageBox::warning(m_window, title, text); };

    m_openConfig = new QAction(tr("&Open config…"), this);
    m_openConfig->setObjectName(QStringLiteral("actionOpenConfig"));
    m_openConfig->setShortcut(QKeySequence::Open);
    m_openConfig->setStatusTip(tr("Read a run's settings from a JSON config file"));
    connect(m_openConfig, &QAction::triggered, this, &FileMenu::chooseConfigToOpen);

    m_saveConfig = new QAction(tr("&Save config…"), this);
    m_saveConfig->setObjectName(QStringLiteral("actionSaveConfig"));
    m_saveConfig->setShortcut(QKeySequence::Save);
    m_saveConfig->setStatusTip(tr("Write the current settings to a JSON config file"));
    connect(m_saveConfig, &QAction::triggered, this, &FileMenu::chooseConfigToSave);

    m_saveModel = new QAction(tr("Save &model…"), this);
    m_saveModel->setObjectName(QStringLiteral("actionSaveModel"));
    m_saveModel->setStatusTip(tr("Write the network's current parameters and its config to a file"));
    connect(m_saveModel, &QAction::triggered, this, &FileMenu::chooseModelFile);

    m_exportStatistics = new QAction(tr("Export s&tatistics…"), this);
    m_exportStatistics->setObjectName(QStringLiteral("actionExportStatistics"));
    m_exportStatistics->setStatusTip(tr("Write the run's statistics as stats.jsonl and stats.csv into a folder"));
    connect(m_exportStatistics, &QAction::triggered, this, &FileMenu::chooseStatisticsFolder);

    connect(m_controller, &TrainingController::fileWritten, this,
            [this](const QString &path) { emit statusMessage(tr("Saved %1").arg(native(path))); });
    connect(m_controller, &TrainingController::fileFailed, this, [this](const QString &message) {
        m_warning(tr("File not saved"), tr("The file could not be saved.\n\n%1").arg(message));
    });

    for (int i = 0; i < kMaxRecentFiles; ++i) {
        auto *action = new QAction(this);
        action->setObjectName(QStringLiteral("actionRecentFile%1").arg(i + 1));
        connect(action, &QAction::triggered, this, [this, action] { openRecent(action->data().toString()); });
        m_recentActions.append(action);
    }
    m_clearRecent = new QAction(tr("&Clear list"), this);
    m_clearRecent->setObjectName(QStringLiteral("actionClearRecentFiles"));
    connect(m_clearRecent, &QAction::triggered, this, [this] {
        m_recent.clear();
        saveRecent();
        updateRecentMenu();
    });

    m_recent = QSettings().value(kRecentKey).toStringList();
    if (m_recent.size() > kMaxRecentFiles)
        m_recent.resize(kMaxRecentFiles);
    updateRecentMenu();
}

void FileMenu::addTo(QMenu *menu)
{
    menu->addAction(m_openConfig);
    m_recentMenu = menu->addMenu(tr("Open &recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecentFiles"));
    m_recentMenu->addActions(m_recentActions);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(m_clearRecent);
    updateRecentMenu();
    menu->addSeparator();
    menu->addAction(m_saveConfig);
    menu->addAction(m_saveModel);
    menu->addAction(m_exportStatistics);
}

QString FileMenu::choose(Kind kind)
{
    const QString path = m_chooser(kind, suggestion(kind));
    if (!path.isEmpty())
        rememberFolder(kind, path);
    return path;
}

QString FileMenu::suggestion(Kind kind) const
{
    QSettings settings;
    QString folder = settings.value(folderKey(kind)).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = settings.value(kLastFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QDir dir(folder);
    switch (kind) {
    case Kind::SaveConfig:
        return dir.filePath(m_configPath.isEmpty() ? QStringLiteral("config.json") : QFileInfo(m_configPath).fileName());
    case Kind::SaveModel:
        return dir.filePath(QStringLiteral("model.json"));
    case Kind::OpenConfig:
    case Kind::ExportStatistics:
        break;
    }
    return folder;
}

void FileMenu::rememberFolder(Kind kind, const QString &path)
{
    const QFileInfo info(path);
    const QString folder = kind == Kind::ExportStatistics ? info.absoluteFilePath() : info.absolutePath();
    QSettings settings;
    settings.setValue(folderKey(kind), folder);
    settings.setValue(kLastFolderKey, folder);
}

void FileMenu::chooseConfigToOpen()
{
    const QString path = choose(Kind::OpenConfig);
    if (!path.isEmpty())
        openConfig(path);
}

void FileMenu::chooseConfigToSave()
{
    // QFileDialog asks before it returns an existing file.
    const QString path = choose(Kind::SaveConfig);
    if (!path.isEmpty())
        saveConfig(path);
}

void FileMenu::chooseModelFile()
{
    const QString path = choose(Kind::SaveModel);
    if (!path.isEmpty())
        saveModel(path);
}

void FileMenu::chooseStatisticsFolder()
{
    const QString folder = choose(Kind::ExportStatistics);
    if (folder.isEmpty())
        return;
    // A folder dialog does not ask about the files inside, so ask here.
    const QDir dir(folder);
    if (QFileInfo::exists(dir.filePath(QStringLiteral("stats.jsonl")))
        || QFileInfo::exists(dir.filePath(QStringLiteral("stats.csv")))) {
        if (!m_question(tr("Export statistics"),
                        tr("%1 already holds stats.jsonl or stats.csv.\nReplace them?").arg(native(folder))))
            return;
    }
    exportStatistics(folder);
}

bool FileMenu::openConfig(const QString &path)
{
    core::RunConfig config;
    try {
        config = core::loadConfigFile(QFile::encodeName(path).toStdString());
    } catch (const std::exception &e) {
        // The message names the file, and the line and column of a JSON error.
        m_warning(tr("Open config"), tr("The config could not be opened.\n\n%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    m_configPath = path;
    addRecent(path);
    emit configOpened(config);
    emit statusMessage(tr("Opened %1").arg(native(path)));
    return true;
}

bool FileMenu::saveConfig(const QString &path)
{
    AtomicSaveFile file(path);
    file.write(core::json::serialize(core::toJson(m_panel->config()), core::json::Style::Pretty) + "\n");
    if (!file.commit()) {
        m_warning(tr("Save config"), tr("The config could not be saved.\n\n%1").arg(file.error()));
        return false;
    }
    m_configPath = path;
    addRecent(path);
    emit statusMessage(tr("Saved %1").arg(native(path)));
    return true;
}

void FileMenu::saveModel(const QString &path)
{
    m_controller->saveModel(path);
}

void FileMenu::exportStatistics(const QString &folder)
{
    m_controller->exportStatistics(folder);
}

void FileMenu::openRecent(QString path)
{
    if (!QFileInfo(path).isFile()) {
        removeRecent(path);
        m_warning(tr("Open recent"),
                  tr("%1 no longer exists; it was removed from the recent files.").arg(native(path)));
        return;
    }
    openConfig(path);
}

void FileMenu::addRecent(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_recent.removeAll(absolute);
    m_recent.prepend(absolute);
    if (m_recent.size() > kMaxRecentFiles)
        m_recent.resize(kMaxRecentFiles);
    saveRecent();
    updateRecentMenu();
}

void FileMenu::removeRecent(const QString &path)
{
    m_recent.removeAll(path);
    saveRecent();
    updateRecentMenu();
}

void FileMenu::saveRecent() const
{
    QSettings().setValue(kRecentKey, m_recent);
}

void FileMenu::updateRecentMenu()
{
    // The actions are made once and relabelled (as in Qt's recent-files example): the list
    // changes while one of them is being triggered, which must not delete it.
    for (int i = 0; i < m_recentActions.size(); ++i) {
        QAction *action = m_recentActions[i];
        if (i >= m_recent.size()) {
            action->setVisible(false);
            continue;
        }
        const QString &path = m_recent[i];
        QString name = QFileInfo(path).fileName();
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        action->setText(tr("&%1 %2").arg(QString::number(i + 1), name));
        action->setData(path);
        action->setStatusTip(native(path));
        action->setToolTip(native(path));
        action->setVisible(true);
    }
    if (m_recentMenu)
        m_recentMenu->setEnabled(!m_recent.isEmpty());
}

} // namespace layerlens::ui
