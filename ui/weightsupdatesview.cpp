#include "ui/weightsupdatesview.h"

#include "ui/layerbarchart.h"
#include "ui/layerhistorychart.h"

#include <QChartView>
#include <QVBoxLayout>

namespace layerlens::ui {

namespace {
// Two charts share the height of one cell of the dashboard grid, which must fit a 1366×768 screen.
constexpr int kStackedChartMinimumHeight = 150;
} // namespace

WeightsUpdatesView::WeightsUpdatesView(QWidget *parent) : DashboardView(tr("Weights and updates"), parent)
{
    m_weightChart =
        new LayerBarChart(LayerBarChart::Scale::Linear, tr("Weight std per layer"), tr("std of W"));
    m_ratioChart = new LayerHistoryChart(tr("Update/weight ratio over training"), tr("‖ΔW‖/‖W‖"),
                                         LayerHistoryChart::Zeros::Skip);
    m_ratioChart->setReferenceLine(kReferenceRatio, tr("1e-3 (rule of thumb)"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QChart *chart : charts()) {
        QChartView *view = makeChartView(chart, this);
        view->setMinimumHeight(kStackedChartMinimumHeight); // two in one dashboard cell
        layout->addWidget(view, 1);
    }
}

QList<QChart *> WeightsUpdatesView::charts() const
{
    return {m_weightChart, m_ratioChart};
}

int WeightsUpdatesView::seriesCount() const
{
    return m_weightChart->barCount() + m_ratioChart->lineCount();
}

int WeightsUpdatesView::pointCount(int series) const
{
    if (series < m_weightChart->barCount())
        return static_cast<int>(m_weightChart->barPoints(series).size());
    return static_cast<int>(m_ratioChart->linePoints(series - m_weightChart->barCount()).size());
}

void WeightsUpdatesView::showFrame(const Frame &frame)
{
    QList<int> layers;
    QList<double> stds;
    for (const core::LayerStats &layer : frame.snapshot->layers) {
        layers << layer.index;
        stds << layer.weight.std;
    }
    m_weightChart->setValues(layers, stds);
    if (frame.history != m_drawnHistory || !frame.history || layers != m_drawnLayers) {
        m_ratioChart->setHistory(frame.history.get(), layers, "update_ratio");
        m_drawnHistory = frame.history;
        m_drawnLayers = layers;
    }
}

} // namespace layerlens::ui
