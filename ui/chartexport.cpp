#include "ui/chartexport.h"

#include "ui/dashboardview.h"

#include <QApplication>
#include <QChart>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>
#include <vector>

namespace layerlens::ui {

namespace {

// What of a view is exported: its chart views where they are, or the whole widget.
struct Piece {
    QWidget *widget = nullptr;
    QRect rect; // in the view's coordinates
    bool isChart = false;
};

struct ViewLayout {
    std::vector<Piece> pieces;
    QRect bounds;
};

constexpr int kCaptionPadding = 8;
constexpr int kDashboardGap = 12;
constexpr qreal kMinScale = 1.0, kMaxScale = 4.0;

// On screen, history lines carry only what their pixel columns show; an export, scaled up to 4×
// or drawn as vectors, gets every point while it is being written. Each view goes back to what it
// had, also when the export fails.
class EveryPoint {
public:
    explicit EveryPoint(const std::vector<DashboardView *> &views)
    {
        m_views.reserve(views.size());
        try {
            for (DashboardView *view : views) {
                m_views.push_back({view, view->everyPoint()});
                view->setEveryPoint(true);
            }
        } catch (...) {
            restore();
            throw;
        }
    }
    ~EveryPoint() { restore(); }
    EveryPoint(const EveryPoint &) = delete;
    EveryPoint &operator=(const EveryPoint &) = delete;

private:
    void restore() noexcept
    {
        for (const auto &[view, before] : m_views) {
            try {
                view->setEveryPoint(before);
            } catch (...) {
                // Out of memory while drawing the lines again: they stay drawn through every
                // point, which is correct, only slower to draw. Never a reason to end the program.
            }
        }
    }

    std::vector<std::pair<DashboardView *, bool>> m_views;
};

ViewLayout layoutOf(DashboardView *view)
{
    ViewLayout layout;
    for (QChart *chart : view->charts()) {
        QGraphicsScene *scene = chart->scene();
        if (!scene)
            continue;
        for (QGraphicsView *chartView : scene->views()) {
            if (!chartView->isVisibleTo(view) || chartView->size().isEmpty())
                continue;
            const QRect rect(chartView->mapTo(view, QPoint(0, 0)), chartView->size());
            layout.pieces.push_back({chartView, rect, true});
            layout.bounds |= rect;
        }
    }
    if (layout.pieces.empty()) {
        layout.pieces.push_back({view, view->rect(), false});
        layout.bounds = view->rect();
    }
    return layout;
}

QFont captionFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 1.05);
    return font;
}

int captionHeight(const QString &caption)
{
    if (caption.isEmpty())
        return 0;
    return static_cast<int>(std::ceil(QFontMetricsF(captionFont()).lineSpacing())) + 2 * kCaptionPadding;
}

QSize exportSize(const ViewLayout &layout, const QString &caption)
{
    return layout.bounds.size() + QSize(0, captionHeight(caption));
}

void paintCaption(QPainter &painter, const QRect &area, const QString &caption)
{
    if (caption.isEmpty())
        return;
    painter.save();
    painter.setFont(captionFont());
    painter.setPen(QColor(0x33, 0x33, 0x33));
    const QRect text = area.adjusted(kCaptionPadding, 0, -kCaptionPadding, 0);
    const QString elided = QFontMetricsF(painter.font()).elidedText(caption, Qt::ElideRight, text.width());
    painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, elided);
    painter.restore();
}

// Paints `layout` with its top-left at `origin`, and the caption under it.
void paintView(QPainter &painter, const ViewLayout &layout, const QPoint &origin, const QString &caption)
{
    const QSize size = exportSize(layout, caption);
    painter.fillRect(QRect(origin, size), Qt::white);
    for (const Piece &piece : layout.pieces) {
        const QRect target = piece.rect.translated(origin - layout.bounds.topLeft());
        if (piece.isChart) {
            // Draws the scene through the painter: vector paths and text in SVG and PDF.
            static_cast<QGraphicsView *>(piece.widget)->render(&painter, QRectF(target), QRect(), Qt::IgnoreAspectRatio);
        } else {
            // The view's own export button is a control, not content.
            QWidget *button = piece.widget->findChild<QWidget *>(QStringLiteral("exportButton"), Qt::FindDirectChildrenOnly);
            const bool buttonShown = button && !button->isHidden();
            if (buttonShown)
                button->hide();
            piece.widget->render(&painter, target.topLeft(), QRegion(), QWidget::DrawChildren);
            if (buttonShown)
                button->show();
        }
    }
    paintCaption(painter, QRect(origin + QPoint(0, layout.bounds.height()), QSize(size.width(), captionHeight(caption))),
                 caption);
}

void setUpPainter(QPainter &painter)
{
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
}

QString cause(const QSaveFile &file)
{
    const QString message = file.errorString();
    return message.isEmpty() ? QStringLiteral("unknown error") : message;
}

// Opens `path` for an atomic write, runs `write` on it and commits; throws ExportError with the
// path and the cause on any failure, leaving no partial file.
void writeAtomically(const QString &path, const std::function<bool(QSaveFile &)> &write)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        throw ExportError(QStringLiteral("Cannot write '%1': the folder '%2' does not exist")
                              .arg(path, info.absolutePath())
                              .toStdString());
    if (info.isDir())
        throw ExportError(QStringLiteral("Cannot write '%1': it is a folder").arg(path).toStdString());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw ExportError(QStringLiteral("Cannot write '%1': %2").arg(path, cause(file)).toStdString());
    if (!write(file)) {
        file.cancelWriting();
        throw ExportError(QStringLiteral("Cannot write '%1': %2").arg(path, cause(file)).toStdString());
    }
    if (!file.commit())
        throw ExportError(QStringLiteral("Cannot write '%1': %2").arg(path, cause(file)).toStdString());
}

// One page (or image) of an export: something of a known logical size painted at an origin.
struct Sheet {
    QSize size;
    std::function<void(QPainter &, const QPoint &)> paint;
};

int screenDpi(const QWidget *widget)
{
    return widget ? widget->logicalDpiY() : 96;
}

// `sheet` on white at `scale` device pixels per logical pixel.
QImage rasterize(const Sheet &sheet, qreal scale)
{
    QImage image(QSize(static_cast<int>(std::ceil(sheet.size.width() * scale)),
                       static_cast<int>(std::ceil(sheet.size.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    setUpPainter(painter);
    sheet.paint(painter, QPoint());
    return image;
}

bool writeImage(QSaveFile &file, const std::vector<Sheet> &sheets, ExportFormat format, qreal scale, int dpi,
                const QString &title)
{
    if (sheets.empty())
        return false;
    if (format == ExportFormat::Png) {
        const Sheet &sheet = sheets.front();
        return rasterize(sheet, scale).save(&file, "PNG");
    }
    if (format == ExportFormat::Svg) {
        const Sheet &sheet = sheets.front();
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(sheet.size);
        generator.setViewBox(QRect(QPoint(), sheet.size));
        generator.setResolution(dpi); // text keeps the size it has on screen
        generator.setTitle(title);
        generator.setDescription(QStringLiteral("LayerLens"));
        QPainter painter;
        if (!painter.begin(&generator))
            return false;
        setUpPainter(painter);
        sheet.paint(painter, QPoint());
        return painter.end();
    }
    // PDF: a page per sheet, each exactly its size (one logical pixel = one screen pixel at `dpi`).
    QPdfWriter writer(&file);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("LayerLens"));
    writer.setResolution(dpi);
    auto pageSize = [dpi](const QSize &size) {
        return QPageSize(QSizeF(size.width() * 72.0 / dpi, size.height() * 72.0 / dpi), QPageSize::Point, QString(),
                         QPageSize::ExactMatch);
    };
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageSize(pageSize(sheets.front().size));
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    setUpPainter(painter);
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        if (i > 0) {
            writer.setPageSize(pageSize(sheets[i].size)); // applies from the next page on
            if (!writer.newPage())
                return false;
        }
        sheets[i].paint(painter, QPoint());
    }
    return painter.end();
}

qreal clampScale(double scale)
{
    return std::isfinite(scale) ? std::clamp(static_cast<qreal>(scale), kMinScale, kMaxScale) : kMinScale;
}

Sheet viewSheet(DashboardView *view, const QString &caption)
{
    ViewLayout layout = layoutOf(view);
    const QSize size = exportSize(layout, caption);
    return {size, [layout, caption](QPainter &painter, const QPoint &origin) { paintView(painter, layout, origin, caption); }};
}

} // namespace

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("png"))
        return ExportFormat::Png;
    if (lower == QLatin1String("svg"))
        return ExportFormat::Svg;
    if (lower == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatOfPath(const QString &path)
{
    return exportFormatFromName(QFileInfo(path).suffix());
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

QString exportCaption(const core::RunConfig &config, long long step)
{
    const core::NetworkConfig &net = config.network;
    QString widths;
    for (std::size_t i = 0; i < net.widths.size(); ++i)
        widths += (i ? QStringLiteral("/") : QString()) + QString::number(net.widths[i]);
    const auto text = [&](std::string_view key) {
        return QString::fromStdString(core::configValueText(config, key));
    };
    QStringList parts;
    parts << text("activation") << text("init") + (net.init.kind == core::InitKind::Normal
                                                      ? QStringLiteral(" σ=") + text("init_std")
                                                      : QString());
    parts << (net.batchNorm ? QApplication::translate("ChartExport", "BatchNorm on")
                            : QApplication::translate("ChartExport", "BatchNorm off"));
    parts << QApplication::translate("ChartExport", "depth %1 × width %2").arg(net.depth).arg(widths);
    parts << QApplication::translate("ChartExport", "step %1").arg(step);
    parts << QApplication::translate("ChartExport", "seed %1").arg(text("seed"));
    return parts.join(QStringLiteral(" · "));
}

QImage renderView(DashboardView *view, const ExportOptions &options)
{
    const EveryPoint everyPoint({view});
    return rasterize(viewSheet(view, options.caption), clampScale(options.scale));
}

void exportView(DashboardView *view, const QString &path, ExportFormat format, const ExportOptions &options)
{
    const EveryPoint everyPoint({view});
    const std::vector<Sheet> sheets{viewSheet(view, options.caption)};
    writeAtomically(path, [&](QSaveFile &file) {
        return writeImage(file, sheets, format, clampScale(options.scale), screenDpi(view), view->title());
    });
}

void exportDashboard(const std::vector<DashboardView *> &views, const QString &path, ExportFormat format,
                     const ExportOptions &options)
{
    if (views.empty())
        throw ExportError(QStringLiteral("Cannot write '%1': there is no view to export").arg(path).toStdString());
    const EveryPoint everyPoint(views);
    std::vector<Sheet> sheets;
    const QString title = QApplication::translate("ChartExport", "LayerLens dashboard");
    if (format == ExportFormat::Pdf) {
        for (DashboardView *view : views)
            sheets.push_back(viewSheet(view, options.caption));
    } else {
        // Two columns; each row as high as its taller view, each column as wide as its widest.
        std::vector<ViewLayout> layouts;
        for (DashboardView *view : views)
            layouts.push_back(layoutOf(view));
        int columnWidth[2] = {0, 0};
        std::vector<int> rowHeight((layouts.size() + 1) / 2, 0);
        for (std::size_t i = 0; i < layouts.size(); ++i) {
            columnWidth[i % 2] = std::max(columnWidth[i % 2], layouts[i].bounds.width());
            rowHeight[i / 2] = std::max(rowHeight[i / 2], layouts[i].bounds.height());
        }
        const int width = columnWidth[0] + (layouts.size() > 1 ? kDashboardGap + columnWidth[1] : 0);
        int height = 0;
        for (const int h : rowHeight)
            height += h + kDashboardGap;
        height -= kDashboardGap;
        const QString caption = options.caption;
        const QSize size(width, height + captionHeight(caption));
        sheets.push_back({size, [=](QPainter &painter, const QPoint &origin) {
                              painter.fillRect(QRect(origin, size), Qt::white);
                              int y = 0;
                              for (std::size_t i = 0; i < layouts.size(); ++i) {
                                  const int x = i % 2 == 0 ? 0 : columnWidth[0] + kDashboardGap;
                                  paintView(painter, layouts[i], origin + QPoint(x, y), QString());
                                  if (i % 2 == 1 || i + 1 == layouts.size())
                                      y += rowHeight[i / 2] + kDashboardGap;
                              }
                              paintCaption(painter, QRect(origin + QPoint(0, height), QSize(width, captionHeight(caption))),
                                           caption);
                          }});
    }
    writeAtomically(path, [&](QSaveFile &file) {
        return writeImage(file, sheets, format, clampScale(options.scale), screenDpi(views.front()), title);
    });
}

} // namespace layerlens::ui
