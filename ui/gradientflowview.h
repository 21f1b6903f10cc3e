#pragma once

#include "ui/dashboardview.h"

#include <memory>

namespace layerlens::ui {

class LayerBarChart;
class LayerHistoryChart;

/// How the weight gradient ‖∂L/∂W‖ flows through the depth: (a) one bar per hidden layer on a
/// log axis, so norms falling by orders of magnitude toward the input (vanishing) or growing
/// (exploding) show at a glance; (b) the same norms over the run from the history series
/// "layer<n>.grad_norm", one line per layer, in the colours of the bars.
class GradientFlowView : public DashboardView {
    Q_OBJECT
public:
    explicit GradientFlowView(QWidget *parent = nullptr);

    void showFrame(const Frame &frame) override;
    QString viewId() const override { return QStringLiteral("gradients"); }
    QList<QChart *> charts() const override;

    /// Data series in both charts: the bars (one per layer) then the history lines (one per layer).
    int seriesCount() const;
    /// Points of data series `series` in that order: 2 per drawn bar (its top edge, 0 when the
    /// norm is not finite), one per kept history value for a line.
    int pointCount(int series) const;
    /// (a) the bars and (b) the history lines.
    LayerBarChart *normChart() const { return m_normChart; }
    LayerHistoryChart *historyChart() const { return m_historyChart; }

private:
    LayerBarChart *m_normChart = nullptr;
    LayerHistoryChart *m_historyChart = nullptr;
    std::shared_ptr<const core::History> m_drawnHistory; // redraw the lines only when it changes
    QList<int> m_drawnLayers;
};

} // namespace layerlens::ui
