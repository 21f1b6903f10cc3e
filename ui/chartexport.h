#pragma once

#include "core/config.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <optional>
#include <stdexcept>
#include <vector>

namespace layerlens::ui {

class DashboardView;

/// File formats a view exports to.
enum class ExportFormat { Png, Svg, Pdf };

/// "png", "svg", "pdf" (any case) → the format; nullopt for anything else.
std::optional<ExportFormat> exportFormatFromName(const QString &name);
/// The format of a file name from its suffix, or nullopt.
std::optional<ExportFormat> exportFormatOfPath(const QString &path);
/// "png", "svg" or "pdf".
QString exportFormatName(ExportFormat format);

/// An export that could not be written; what() names the path and the cause.
class ExportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// How an image is written.
struct ExportOptions {
    /// PNG pixels per logical pixel, 1 to 4 (SVG and PDF are vector graphics and ignore it).
    double scale = 1.0;
    /// A line stamped under the chart(s) when not empty (exportCaption()).
    QString caption;
};

/// The settings that produced a chart, for a caption under it on a slide:
/// "tanh · Xavier/Glorot normal · BatchNorm off · depth 10 × width 500 · step 1200 · seed 1".
QString exportCaption(const core::RunConfig &config, long long step);

/// Renders `view` as it is laid out now — its visible charts, or the whole widget when it shows
/// no chart (diagnostics, image grid) — with the caption under it, at `scale` device pixels per
/// logical pixel. The image is (logical size × scale) pixels on a white background.
QImage renderView(DashboardView *view, const ExportOptions &options);

/// Writes `view` to `path` in `format`, atomically (QSaveFile): on any failure no file, or the
/// previous file unchanged, is left, and ExportError says why.
void exportView(DashboardView *view, const QString &path, ExportFormat format, const ExportOptions &options);

/// Writes all `views` to one file: PNG and SVG as one image with the views in two columns, PDF
/// as one page per view. Atomic, as exportView().
void exportDashboard(const std::vector<DashboardView *> &views, const QString &path, ExportFormat format,
                     const ExportOptions &options);

} // namespace layerlens::ui
