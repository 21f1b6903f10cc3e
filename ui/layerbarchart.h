#pragma once

#include "ui/dashboardview.h"
#include "ui/logscale.h"

#include <QChart>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAreaSeries;
class QCategoryAxis;
class QLogValueAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace layerlens::ui {

class PlotLines;

/// One bar per hidden layer, input side on the left, bar j in the colour of series j
/// (DashboardView::seriesColor), on a linear or logarithmic value axis. A bar is a rectangle
/// from a base line (on a log axis its bottom edge) to the value, drawn by PlotLines, filled and
/// outlined with the brush and pen of an empty QAreaSeries of the chart (Qt Charts would rebuild
/// each bar's geometry and stroke its outline through its general stroker on every frame). Used
/// by the gradient and the weight views.
class LayerBarChart : public QChart {
    Q_OBJECT
public:
    enum class Scale { Linear, Logarithmic };

    /// `titles`: the title, then shorter forms of it for a narrow chart (the first that fits is shown).
    LayerBarChart(Scale scale, const QStringList &titles, const QString &valueTitle, QGraphicsItem *parent = nullptr);

    /// Draws bar j as layer `layers[j]` (1-based number) with height `values[j]`. NaN/±Inf (and on
    /// a log axis negative values) get no bar and are named in the title; on a log axis values
    /// below its bottom stand on the bottom edge, which the axis title then explains.
    /// Series are added or removed only when the number of layers changes.
    void setValues(const QList<int> &layers, const QList<double> &values);

    /// Number of bar series (one per layer, a skipped value included).
    int barCount() const { return static_cast<int>(m_bars.size()); }
    /// The top edge of bar j as plotted: two points (left and right), none when skipped.
    QList<QPointF> barPoints(int bar) const;
    /// What hovering bar `bar` says: "L3: ‖∂L/∂W‖ = 0.0123", or "= underflow" on a logarithmic
    /// chart for a value below the float range (0 included), which was never a measured number.
    QString barText(int bar) const;
    /// The value axis: a QLogValueAxis or a QValueAxis.
    QAbstractAxis *valueAxis() const;
    /// The layer axis, labels "L<n>" on the bar centres (thinned when they would overlap).
    QCategoryAxis *layerAxis() const { return m_layerAxis; }

private:
    void setBarCount(int count);
    void updateLabels();
    void updateTitle();
    void showBarTip(int bar, bool entering) const;

    Scale m_scale;
    QStringList m_titles;
    QString m_valueTitle;
    QString m_titleSuffix, m_note; // what setValues() adds to the title, and the axis note
    DashboardView::TextFit m_titleFit, m_axisTitleFit, m_valueTitleFit;
    LogScale m_logScale; // the log axis's, for fitting its title again after a relayout
    QCategoryAxis *m_layerAxis = nullptr;
    QValueAxis *m_linearAxis = nullptr;
    QLogValueAxis *m_logAxis = nullptr;
    QList<QAreaSeries *> m_bars;      // empty: each gives its bar's pen, brush and colour
    PlotLines *m_plotLines = nullptr; // draws the bars (line j, filled, is bar j)
    QList<int> m_layers;
    QList<double> m_values;
    bool m_updatingLabels = false;
};

} // namespace layerlens::ui
