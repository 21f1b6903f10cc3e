#pragma once

#include "ui/frame.h"

#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <string>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractSeries;
class QAreaSeries;
class QCategoryAxis;
class QChart;
class QChartView;
class QLineSeries;
class QLogValueAxis;
class QMenu;
class QToolButton;
class QValueAxis;
QT_END_NAMESPACE

namespace layerlens::ui {

class LogScale;

/// Base of every view of the dashboard: theming (large fonts, projector-friendly colours),
/// the charts it shows, and the one entry point by which frames arrive (at most 60 per second,
/// on the UI thread). A view never holds a pointer into the worker: everything it draws comes
/// from the Frame.
class DashboardView : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(const QString &title, QWidget *parent = nullptr);

    /// Redraws from `frame` (never null; its snapshot is never null).
    virtual void showFrame(const Frame &frame) = 0;
    /// Stable identifier for menus, settings and export file names ("activations", "gradients", ...).
    virtual QString viewId() const = 0;
    /// The user-visible title.
    QString title() const { return m_title; }
    /// The charts of this view, for export.
    virtual QList<QChart *> charts() const { return {}; }
    /// Lines through every point they have (on for an export, which may be scaled up to 4× or
    /// be vectors), or, by default, only through what the plot's pixel columns can show
    /// (decimateLine()). Views with history lines draw them again when it changes.
    void setEveryPoint(bool on);
    bool everyPoint() const { return m_everyPoint; }

    /// Offers `menu` (export commands, owned elsewhere) from the view's context menu and from a
    /// small button in its top-right corner.
    void setExportMenu(QMenu *menu);
    QMenu *exportMenu() const { return m_exportMenu; }

    /// Presentation mode: larger type, thicker lines and black text on white, readable on a
    /// projector from the back of a room. Off restores the normal look exactly.
    void setPresentation(bool on);
    bool presentation() const { return m_presentation; }
    /// Gives series and widgets created since the last call the current look (cheap: call it
    /// after every frame).
    void refreshPresentation();
    /// Type and line scale of presentation mode.
    static constexpr qreal kPresentationFontScale = 1.45;
    static constexpr qreal kPresentationLineScale = 1.8;

    /// Colour of series `index` in the shared palette (colour-blind safe, strong on a projector).
    static QColor seriesColor(int index);
    /// Applies the shared look to a chart: fonts, margins, legend, background.
    static void applyTheme(QChart *chart);
    /// A QChartView with antialiasing and the theme applied, owned by `parent`.
    static QChartView *makeChartView(QChart *chart, QWidget *parent);

    // Shared drawing helpers of the views (axes, labels, series bookkeeping).

    /// `value` with `significantDigits` significant digits for labels: "0.0123", "1.23e−5",
    /// "−0.5" (true minus sign), and "NaN", "∞", "−∞" for non-finite values.
    static QString formatNumber(double value, int significantDigits = 3);
    /// "[lo, hi]" with formatNumber().
    static QString formatRange(double lo, double hi);
    /// Sets a log axis to `scale`: range, one labelled tick per labelExponentStep() decades
    /// ("1e-05"), and `title`, with a short second line when values were drawn on the bottom edge
    /// ("bottom: underflow" for values below the float range, 0 included; "bottom: < 1e−12").
    static void fitLogAxis(QLogValueAxis *axis, const LogScale &scale, const QString &title);
    /// The title fitLogAxis() gives a log axis: `title` (may be empty), and the note on the bottom
    /// edge as a second, smaller line (HTML) when there is one.
    static QString logAxisTitle(const LogScale &scale, const QString &title);
    /// What the bottom edge of a log axis stands for, in full, or an empty string when only real
    /// values are drawn: "on the bottom edge (1e−12): values below it, and underflow (< 1.18e−38, e.g. 0)".
    static QString logAxisNote(const LogScale &scale);
    /// The same in a few words ("bottom: underflow", "bottom: < 1e−12"), for narrow places.
    static QString logAxisShortNote(const LogScale &scale);
    /// Plain `title` with plain `note` as a second, smaller line (HTML for QChart::setTitle, "<"
    /// escaped); `title` alone when the note is empty.
    static QString titleWithNote(const QString &title, const QString &note);
    /// The first of `texts` (longest first) that is at most `width` pixels wide in `font`; the
    /// last one when none is. Titles and axis titles use it to give up words before Qt elides.
    static QString firstThatFits(const QStringList &texts, const QFont &font, qreal width);
    /// firstThatFits() remembering its last answer: charts ask on every frame, and measuring
    /// text (with fallback fonts for ‖∂) costs more than comparing the question.
    class TextFit {
    public:
        QString operator()(const QStringList &texts, const QFont &font, qreal width);

    private:
        QStringList m_texts;
        QFont m_font;
        qreal m_width = -1.0;
        QString m_answer;
    };
    /// The width a chart has for its title: its own minus the margins Qt keeps around the title.
    static qreal titleWidth(const QChart *chart);
    /// Gives the vertical `axis` of `chart` the first of `titles` (longest first) that fits along
    /// the plot's height, where Qt Charts elides a rotated axis title ("pre-a..." on a short
    /// chart in presentation mode); `fit` remembers the answer. Sets the title only when it
    /// changes; before the first layout, the longest.
    static void fitVerticalAxisTitle(QAbstractAxis *axis, const QChart *chart, const QStringList &titles, TextFit &fit);
    /// fitLogAxis() for the vertical log `axis` of `chart`, whose title names the value too:
    /// `title` only while it fits along the plot's height (where Qt elides a rotated title,
    /// "‖ΔW‖/..." on a short chart in presentation mode), none otherwise; the same for the note
    /// on the bottom edge. `fit` remembers the answer. Sets the title only when it changes.
    static void fitLogAxis(QLogValueAxis *axis, const LogScale &scale, const QString &title, const QChart *chart,
                           TextFit &fit);
    /// Only the title part of that, for a chart whose plot changed size (the range stays).
    static void fitLogAxisTitle(QLogValueAxis *axis, const LogScale &scale, const QString &title, const QChart *chart,
                                TextFit &fit);
    /// Shows the title of the bottom `axis` of `chart` only while there is room for it under the
    /// labels. Qt Charts gives the horizontal axes at most 40 % of the height between the chart's
    /// title and its legend and squeezes an axis that wants more, eliding its labels, numbers
    /// included, to "..." (a short chart in presentation mode's type, as on a 1280 × 720
    /// projector). The numbers matter more than a title such as "step".
    static void fitBottomAxisTitle(QAbstractAxis *axis, const QChart *chart);
    /// Puts `labels` (HTML allowed, unique) at `positions` (increasing) on a category axis whose
    /// labels are drawn on the values; touches the axis only when the labels changed.
    static void setCategoryLabels(QCategoryAxis *axis, const QStringList &labels, const QList<qreal> &positions);
    /// Label every how many-th of `slotCount` equal slots along an axis `axisWidth` px wide so that
    /// labels `labelWidth` px wide show in full (1 when every one fits). Qt Charts gives each of
    /// n category labels axisWidth / (n + 1) less padding and elides what is wider, so fewer
    /// labels also get more room each.
    static int labelStride(int slotCount, qreal axisWidth, qreal labelWidth);
    /// Labels "L<n>" for `layers` on a layer axis with layer j (0-based) at x = j + 1, every k-th
    /// of them when all would not show in full on an axis `axisWidth` px wide (labelStride()).
    static void setLayerLabels(QCategoryAxis *axis, const QList<int> &layers, qreal axisWidth);
    /// Width in px of the widest line of `labels` (HTML with <br>) in the labels font of `axis`,
    /// scaled by `fontScale` (5/6 for text in <small>).
    static qreal labelWidth(const QAbstractAxis *axis, const QStringList &labels, qreal fontScale = 1.0);
    /// A new area series on `chart` filled with colour `colorIndex` (a lighter fill, a solid
    /// outline), attached to both axes. Its upper and, with `withLowerSeries`, lower line series
    /// are children of it, so deleting the area deletes them.
    static QAreaSeries *addAreaSeries(QChart *chart, QAbstractAxis *x, QAbstractAxis *y, int colorIndex,
                                      bool withLowerSeries);
    /// A new line series on `chart` in colour `colorIndex`, attached to both axes.
    static QLineSeries *addLineSeries(QChart *chart, QAbstractAxis *x, QAbstractAxis *y, int colorIndex,
                                      const QString &name);
    /// Removes `series` from `chart` and deletes it.
    static void discardSeries(QChart *chart, QAbstractSeries *series);

    /// Sets `axis` to [lo, hi] rounded out to nice numbers (as QValueAxis::applyNiceNumbers());
    /// a single value gets a small range around it. With the axis's `length` in pixels (0:
    /// unknown), its ticks are kept about 80 px (vertical axes: 45 px) apart so that their labels
    /// do not collide, and a horizontal axis gets fewer of them while its widest label, in its
    /// own font, would not fit between them (labelsFit()). Sets the axis only when the result
    /// differs, so it is safe to call on every frame and resize.
    static void fitAxis(QValueAxis *axis, double lo, double hi, qreal length = 0.0);
    /// Whether the labels of `ticks` ticks `step` apart from `first` on the horizontal `axis`,
    /// whose plot is `length` pixels wide, are all shown whole: each label with kLabelPadding
    /// fits the plot's width over the number of ticks. (Qt Charts elides a label, to "...", that
    /// does not fit its share of the chart's width, which is a little wider than the plot, so
    /// this errs on the side of fewer labels.)
    static bool labelsFit(const QValueAxis *axis, double first, double step, int ticks, qreal length);
    /// Room a horizontal axis's label takes beyond its text: Qt Charts' label padding (4 px) on
    /// either side, its text margins (0.5 px) and a pixel of rounding (labelStride() counts it too).
    static constexpr qreal kLabelPadding = 10.0;

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    /// Called when everyPoint() changes: views with history lines draw them again.
    virtual void everyPointChanged() {}

    /// The smallest box around some points; empty until a point is included.
    struct DataRange {
        double xMin = 0.0, xMax = 0.0, yMin = 0.0, yMax = 0.0;
        bool empty = true;
        void include(const QPointF &p);
    };
    /// Fills `out` with the points (step, scale · value) of history series `name`, leaving out
    /// NaN/Inf values, and grows `range` around them. `out` is cleared first but keeps its capacity,
    /// so a view reuses one buffer per series; a missing history or series leaves it empty.
    static void historyPoints(const core::History *history, const std::string &name, double scale,
                              QList<QPointF> &out, DataRange &range);

private:
    void placeExportButton();

    QString m_title;
    QMenu *m_exportMenu = nullptr;
    bool m_presentation = false;
    bool m_everyPoint = false;
    QToolButton *m_exportButton = nullptr;
};

} // namespace layerlens::ui
