#include "ui/gradientflowview.h"

#include "ui/layerbarchart.h"
#include "ui/layerhistorychart.h"

#include <QChartView>
#include <QVBoxLayout>

namespace layerlens::ui {

namespace {
// Two charts share the height of one cell of the dashboard grid, which must fit a 1366×768 screen.
constexpr int kStackedChartMinimumHeight = 150;
} // namespace

GradientFlowView::GradientFlowView(QWidget *parent) : DashboardView(tr("Gradient flow"), parent)
{
    const QString norm = tr("‖∂L/∂W‖");
    m_normChart = new LayerBarChart(LayerBarChart::Scale::Logarithmic, tr("Weight-gradient norm per layer"), norm);
    m_historyChart = new LayerHistoryChart(tr("Weight-gradient norm over training"), norm,
                                           LayerHistoryChart::Zeros::Underflow);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QChart *chart : charts()) {
        QChartView *view = makeChartView(chart, this);
        view->setMinimumHeight(kStackedChartMinimumHeight); // two in one dashboard cell
        layout->addWidget(view, 1);
    }
}

QList<QChart *> GradientFlowView::charts() const
{
    return {m_normChart, m_historyChart};
}

int GradientFlowView::seriesCount() const
{
    return m_normChart->barCount() + m_historyChart->lineCount();
}

int GradientFlowView::pointCount(int series) const
{
    if (series < m_normChart->barCount())
        return static_cast<int>(m_normChart->barPoints(series).size());
    return static_cast<int>(m_historyChart->linePoints(series - m_normChart->barCount()).size());
}

void GradientFlowView::showFrame(const Frame &frame)
{
    QList<int> layers;
    QList<double> norms;
    for (const core::LayerStats &layer : frame.snapshot->layers) {
        layers << layer.index;
        norms << layer.grad.weightNorm;
    }
    m_normChart->setValues(layers, norms);
    if (frame.history != m_drawnHistory || !frame.history || layers != m_drawnLayers) {
        m_historyChart->setHistory(frame.history.get(), layers, "grad_norm");
        m_drawnHistory = frame.history;
        m_drawnLayers = layers;
    }
}

} // namespace layerlens::ui
