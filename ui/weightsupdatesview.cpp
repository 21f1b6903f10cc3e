#include "ui/weightsupdatesview.h"

#include "ui/layerbarchart.h"
#include "ui/layerhistorychart.h"

namespace layerlens::ui {

namespace {

LayerHistoryChart *ratioChartWithReference()
{
    const QString ratio = WeightsUpdatesView::tr("‖ΔW‖/‖W‖");
    auto *chart = new LayerHistoryChart({WeightsUpdatesView::tr("Update/weight ratio"), ratio}, ratio,
                                        LayerHistoryChart::Zeros::Skip);
    chart->setReferenceLine(WeightsUpdatesView::kReferenceRatio, WeightsUpdatesView::tr("1e−3 rule of thumb"),
                            QStringLiteral("1e−3"));
    return chart;
}

} // namespace

WeightsUpdatesView::WeightsUpdatesView(QWidget *parent)
    : LayerBarsAndHistoryView(tr("Weights and updates"),
                              new LayerBarChart(LayerBarChart::Scale::Linear,
                                                {tr("Weight std per layer"), tr("std(W) per layer"), tr("std(W)")},
                                                tr("std of W")),
                              ratioChartWithReference(), "update_ratio",
                              [](const core::LayerStats &layer) { return layer.weight.std; }, parent)
{
}

} // namespace layerlens::ui
