#include "ui/gradientflowview.h"

#include "ui/layerbarchart.h"
#include "ui/layerhistorychart.h"

namespace layerlens::ui {

GradientFlowView::GradientFlowView(QWidget *parent)
    : LayerBarsAndHistoryView(tr("Gradient flow"),
                              new LayerBarChart(LayerBarChart::Scale::Logarithmic,
                                                {tr("Gradient norm ‖∂L/∂W‖"), tr("‖∂L/∂W‖ per layer"), tr("‖∂L/∂W‖")},
                                                tr("‖∂L/∂W‖")),
                              new LayerHistoryChart({tr("Gradient norm over time"), tr("‖∂L/∂W‖ over time"),
                                                     tr("‖∂L/∂W‖")},
                                                    tr("‖∂L/∂W‖"),
                                                    LayerHistoryChart::Zeros::Underflow),
                              "grad_norm", [](const core::LayerStats &layer) { return layer.grad.weightNorm; }, parent)
{
}

} // namespace layerlens::ui
