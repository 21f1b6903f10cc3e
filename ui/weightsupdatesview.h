#pragma once

#include "ui/dashboardview.h"

#include <memory>

namespace layerlens::ui {

class LayerBarChart;
class LayerHistoryChart;

/// The weights and how fast they move: (a) the std of each hidden layer's weights as bars;
/// (b) the update/weight ratio ‖ΔW‖/‖W‖ over the run from "layer<n>.update_ratio", one line per
/// layer on a log axis, against a dashed reference at 1e−3 (the rule of thumb: far below it
/// the layer barely learns, far above it the learning rate is too high). Ratios of 0 (step 0,
/// no update yet) are not drawn.
class WeightsUpdatesView : public DashboardView {
    Q_OBJECT
public:
    /// Where the reference line sits.
    static constexpr double kReferenceRatio = 1e-3;

    explicit WeightsUpdatesView(QWidget *parent = nullptr);

    void showFrame(const Frame &frame) override;
    QString viewId() const override { return QStringLiteral("weights"); }
    QList<QChart *> charts() const override;

    /// Data series in both charts, the reference line not counted: the weight-std bars (one
    /// per layer) then the update-ratio lines (one per layer).
    int seriesCount() const;
    /// Points of data series `series` in that order: 2 per drawn bar (its top edge, 0 when the
    /// std is not finite), one per drawn ratio for a line.
    int pointCount(int series) const;
    /// (a) the weight-std bars and (b) the update-ratio lines.
    LayerBarChart *weightChart() const { return m_weightChart; }
    LayerHistoryChart *ratioChart() const { return m_ratioChart; }

private:
    LayerBarChart *m_weightChart = nullptr;
    LayerHistoryChart *m_ratioChart = nullptr;
    std::shared_ptr<const core::History> m_drawnHistory; // redraw the lines only when it changes
    QList<int> m_drawnLayers;
};

} // namespace layerlens::ui
