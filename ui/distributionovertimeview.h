#pragma once

#include "ui/dashboardview.h"
#include "ui/linedecimation.h"

#include <QList>
#include <QPointF>

#include <array>
#include <memory>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QComboBox;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace layerlens::ui {

class PlotLines;

/// The 15th, 50th and 85th percentiles of one hidden layer's pre-activation z against the step,
/// the view of Figure 1 of the BatchNorm paper (Ioffe & Szegedy 2015): the median as a solid
/// line inside a shaded 15–85% band. Without BatchNorm the band drifts and widens while the
/// network trains (internal covariate shift); with it the band stays put. A combo box above the
/// chart chooses the layer. Reads the history series "layer<i>.pre_p15", "…pre_p50", "…pre_p85".
class DistributionOverTimeView : public DashboardView {
    Q_OBJECT
public:
    enum class Percentile { P15, P50, P85 };

    explicit DistributionOverTimeView(QWidget *parent = nullptr);

    void showFrame(const Frame &frame) override;
    QString viewId() const override { return QStringLiteral("distribution"); }
    QList<QChart *> charts() const override { return {m_chart}; }

    /// Series in the chart: the 15–85% band (an area whose edges are the p15 and p85 lines) and
    /// the median line, so 2.
    int seriesCount() const;
    /// Points plotted for `percentile` (its history points minus NaN/Inf values; on a plot
    /// narrower than half of them, only what its pixel columns show: decimateLine()). The band
    /// and the median are drawn by PlotLines: the chart's series hold no points and give the
    /// pens, the fill and the legend.
    int pointCount(Percentile percentile) const;
    /// The plotted (step, z) points of `percentile`.
    QList<QPointF> points(Percentile percentile) const;
    /// Layers offered by the layer choice.
    int layerCount() const;
    /// The chosen layer, 1-based; 0 before the first frame.
    int chosenLayer() const;

protected:
    void everyPointChanged() override { fillLines(); }

private:
    void offerLayers(int depth);
    void draw();
    /// Fills the lines from m_buffers for the plot's width (the axes stay as they are).
    void fillLines();
    void fitAxes();

    QComboBox *m_layerChoice = nullptr;
    QChart *m_chart = nullptr;
    QAreaSeries *m_band = nullptr;
    QValueAxis *m_stepAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    TextFit m_valueTitleFit; // the value axis's title, shortened on a short plot
    QLineSeries *m_median = nullptr;
    PlotLines *m_plotLines = nullptr;        // draws the band and the median
    std::array<QList<QPointF>, 3> m_buffers; // indexed by Percentile, reused from frame to frame
    DecimatedLines m_lines;
    std::shared_ptr<const core::History> m_history;
    std::shared_ptr<const core::History> m_drawnHistory;
    int m_drawnLayer = 0;
    DataRange m_range;          // of the last points drawn
    bool m_followLast = true;   // the choice is the last layer and follows it when the depth changes
    bool m_offering = false;    // the combo box is being refilled: its signals are not user choices
};

} // namespace layerlens::ui
