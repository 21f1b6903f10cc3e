#pragma once

#include "ui/chartexport.h"

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

QT_BEGIN_NAMESPACE
class QAction;
class QActionGroup;
class QMenu;
class QWidget;
QT_END_NAMESPACE

namespace layerlens::ui {

class DashboardView;

/// The export commands of the dashboard: for every view "Save as…" (PNG, SVG or PDF) and "Copy
/// to clipboard", in its context menu and its corner button; "Export dashboard…" (all views in
/// one image, or one PDF page per view); and the options they share, remembered between launches:
/// the PNG scale (1× to 4×) and the caption that stamps the settings under a chart.
/// Failures are reported to the user (the app carries on); files are written atomically.
class ChartExportActions : public QObject {
    Q_OBJECT
public:
    /// Asks for a file name to save to (empty: cancelled). `suggestion` is a full path.
    using FileChooser = std::function<QString(const QString &title, const QString &suggestion, const QString &filter)>;
    /// Shows an error message.
    using Warner = std::function<void(const QString &message)>;

    /// `window` parents the dialogs; every view of `views` gets its menu and corner button.
    ChartExportActions(const std::vector<DashboardView *> &views, QWidget *window);

    /// Adds "Export view ▸", "Export dashboard…" and "Export options ▸" to `menu`.
    void addToMenu(QMenu *menu);
    QAction *exportDashboardAction() const { return m_dashboardAction; }

    /// The caption for the current state (empty when none); used when the caption option is on.
    void setCaptionSource(std::function<QString()> source) { m_captionSource = std::move(source); }
    /// Called before the dashboard is exported, to bring every view up to date and laid out.
    void setPrepareDashboard(std::function<void()> prepare) { m_prepareDashboard = std::move(prepare); }
    /// Replace the file dialog and the message box (tests).
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    void setWarner(Warner warner) { m_warner = std::move(warner); }

    /// PNG pixels per screen pixel, 1 to 4.
    int pngScale() const { return m_pngScale; }
    void setPngScale(int scale);
    bool captionEnabled() const;
    void setCaptionEnabled(bool enabled);

    /// Asks for a file and saves `view` to it; true when a file was written.
    bool saveView(DashboardView *view);
    /// Puts `view` on the clipboard as an image (at the PNG scale).
    void copyView(DashboardView *view);
    /// Asks for a file and saves all visible views to it; true when a file was written.
    bool saveDashboard();

signals:
    /// A file was written.
    void exported(const QString &path);

private:
    ExportOptions options() const;
    QString choose(const QString &title, const QString &fileName);
    QString lastFolder() const;
    void rememberFolder(const QString &path);

    std::vector<DashboardView *> m_views;
    QWidget *m_window;
    QAction *m_dashboardAction = nullptr;
    QAction *m_captionAction = nullptr;
    QActionGroup *m_scaleGroup = nullptr;
    int m_pngScale = 2;
    std::function<QString()> m_captionSource;
    std::function<void()> m_prepareDashboard;
    FileChooser m_chooser;
    Warner m_warner;
};

} // namespace layerlens::ui
