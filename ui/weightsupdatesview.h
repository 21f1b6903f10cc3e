#pragma once

#include "ui/layerbarsandhistoryview.h"

namespace layerlens::ui {

/// The weights and how fast they move: (a) the std of each hidden layer's weights as bars;
/// (b) the update/weight ratio ‖ΔW‖/‖W‖ over the run from "layer<n>.update_ratio", one line per
/// layer on a log axis, against a dashed reference at 1e−3 (the rule of thumb: far below it
/// the layer barely learns, far above it the learning rate is too high). Ratios of 0 (step 0,
/// no update yet) are not drawn.
class WeightsUpdatesView : public LayerBarsAndHistoryView {
    Q_OBJECT
public:
    /// Where the reference line sits.
    static constexpr double kReferenceRatio = 1e-3;

    explicit WeightsUpdatesView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("weights"); }
    /// (a) the weight-std bars and (b) the update-ratio lines (the reference line is not a data series).
    LayerBarChart *weightChart() const { return barChart(); }
    LayerHistoryChart *ratioChart() const { return lineChart(); }
};

} // namespace layerlens::ui
