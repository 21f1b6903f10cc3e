#include "ui/chartexportactions.h"

#include "ui/dashboardview.h"

#include <QAction>
#include <QActionGroup>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace layerlens::ui {

namespace {
const QString kScaleKey = QStringLiteral("export/pngScale");
const QString kCaptionKey = QStringLiteral("export/caption");
const QString kFolderKey = QStringLiteral("files/lastFolder");
} // namespace

ChartExportActions::ChartExportActions(const std::vector<DashboardView *> &views, QWidget *window)
    : QObject(window), m_views(views), m_window(window)
{
    m_chooser = [this](const QString &title, const QString &suggestion, const QString &filter) {
        // Qt's dialog asks before it replaces an existing file.
        return QFileDialog::getSaveFileName(m_window, title, suggestion, filter);
    };
    m_warner = [this](const QString &message) { QMessageBox::warning(m_window, tr("Export"), message); };

    QSettings settings;
    m_pngScale = std::clamp(settings.value(kScaleKey, 2).toInt(), 1, 4);

    m_captionAction = new QAction(tr("Stamp the &settings under exported charts"), this);
    m_captionAction->setObjectName(QStringLiteral("actionExportCaption"));
    m_captionAction->setCheckable(true);
    m_captionAction->setChecked(settings.value(kCaptionKey, true).toBool());
    connect(m_captionAction, &QAction::toggled, this, [](bool on) { QSettings().setValue(kCaptionKey, on); });

    m_scaleGroup = new QActionGroup(this);
    for (int scale = 1; scale <= 4; ++scale) {
        QAction *action = m_scaleGroup->addAction(tr("PNG at %1×").arg(scale));
        action->setObjectName(QStringLiteral("actionPngScale%1").arg(scale));
        action->setCheckable(true);
        action->setChecked(scale == m_pngScale);
        connect(action, &QAction::triggered, this, [this, scale] { setPngScale(scale); });
    }

    m_dashboardAction = new QAction(tr("Export &dashboard…"), this);
    m_dashboardAction->setObjectName(QStringLiteral("actionExportDashboard"));
    m_dashboardAction->setToolTip(tr("All views in one image, or one PDF page per view"));
    connect(m_dashboardAction, &QAction::triggered, this, [this] { saveDashboard(); });

    for (DashboardView *view : m_views) {
        // The view keeps a plain pointer to its menu, so the view owns it: it lives exactly as
        // long as the view, also when there is no window (LeakSanitizer found the menus of a
        // window-less ChartExportActions never deleted).
        auto *menu = new QMenu(view->title(), view);
        QAction *save = menu->addAction(tr("Save as…"), this, [this, view] { saveView(view); });
        save->setObjectName(QStringLiteral("actionSave_") + view->viewId());
        QAction *copy = menu->addAction(tr("Copy to clipboard"), this, [this, view] { copyView(view); });
        copy->setObjectName(QStringLiteral("actionCopy_") + view->viewId());
        menu->addSeparator();
        menu->addAction(m_captionAction);
        view->setExportMenu(menu);
    }
}

void ChartExportActions::addToMenu(QMenu *menu)
{
    QMenu *views = menu->addMenu(tr("Export &view"));
    views->setObjectName(QStringLiteral("menuExportView"));
    for (DashboardView *view : m_views)
        views->addMenu(view->exportMenu());
    menu->addAction(m_dashboardAction);
    QMenu *options = menu->addMenu(tr("Export o&ptions"));
    options->setObjectName(QStringLiteral("menuExportOptions"));
    options->addActions(m_scaleGroup->actions());
    options->addSeparator();
    options->addAction(m_captionAction);
}

void ChartExportActions::setPngScale(int scale)
{
    m_pngScale = std::clamp(scale, 1, 4);
    QSettings().setValue(kScaleKey, m_pngScale);
    const QList<QAction *> actions = m_scaleGroup->actions();
    actions[m_pngScale - 1]->setChecked(true);
}

bool ChartExportActions::captionEnabled() const
{
    return m_captionAction->isChecked();
}

void ChartExportActions::setCaptionEnabled(bool enabled)
{
    m_captionAction->setChecked(enabled);
}

ExportOptions ChartExportActions::options() const
{
    ExportOptions options;
    options.scale = m_pngScale;
    if (captionEnabled() && m_captionSource)
        options.caption = m_captionSource();
    return options;
}

QString ChartExportActions::lastFolder() const
{
    const QString folder = QSettings().value(kFolderKey).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return QFileInfo(pictures).isDir() ? pictures : QDir::homePath();
}

void ChartExportActions::rememberFolder(const QString &path)
{
    QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
}

QString ChartExportActions::choose(const QString &title, const QString &fileName)
{
    const QString png = tr("PNG image (*.png)"), svg = tr("SVG vector image (*.svg)"), pdf = tr("PDF document (*.pdf)");
    QString path = m_chooser(title, QDir(lastFolder()).filePath(fileName), QStringList{png, svg, pdf}.join(QStringLiteral(";;")));
    if (path.isEmpty())
        return {};
    if (!exportFormatOfPath(path))
        path += QStringLiteral(".png"); // a name without a known suffix is a PNG
    return path;
}

bool ChartExportActions::saveView(DashboardView *view)
{
    const QString path = choose(tr("Save “%1” as").arg(view->title()), view->viewId() + QStringLiteral(".png"));
    if (path.isEmpty())
        return false;
    try {
        exportView(view, path, *exportFormatOfPath(path), options());
    } catch (const ExportError &e) {
        m_warner(QString::fromUtf8(e.what()));
        return false;
    }
    rememberFolder(path);
    emit exported(path);
    return true;
}

void ChartExportActions::copyView(DashboardView *view)
{
    QGuiApplication::clipboard()->setImage(renderView(view, options()));
}

bool ChartExportActions::saveDashboard()
{
    const QString path = choose(tr("Export the dashboard as"), QStringLiteral("dashboard.pdf"));
    if (path.isEmpty())
        return false;
    if (m_prepareDashboard)
        m_prepareDashboard();
    std::vector<DashboardView *> shown;
    for (DashboardView *view : m_views)
        if (!view->isHidden())
            shown.push_back(view);
    try {
        exportDashboard(shown, path, *exportFormatOfPath(path), options());
    } catch (const ExportError &e) {
        m_warner(QString::fromUtf8(e.what()));
        return false;
    }
    rememberFolder(path);
    emit exported(path);
    return true;
}

} // namespace layerlens::ui
