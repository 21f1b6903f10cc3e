#pragma once

#include "ui/layerbarsandhistoryview.h"

namespace layerlens::ui {

/// How the weight gradient ‖∂L/∂W‖ flows through the depth: (a) one bar per hidden layer on a
/// log axis, so norms falling by orders of magnitude toward the input (vanishing) or growing
/// (exploding) show at a glance; (b) the same norms over the run from the history series
/// "layer<n>.grad_norm", one line per layer, in the colours of the bars.
class GradientFlowView : public LayerBarsAndHistoryView {
    Q_OBJECT
public:
    explicit GradientFlowView(QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("gradients"); }
    /// (a) the bars and (b) the history lines.
    LayerBarChart *normChart() const { return barChart(); }
    LayerHistoryChart *historyChart() const { return lineChart(); }
};

} // namespace layerlens::ui
