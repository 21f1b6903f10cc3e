#include "ui/layerbarsandhistoryview.h"

#include "ui/layerbarchart.h"
#include "ui/layerhistorychart.h"

#include <QChartView>
#include <QVBoxLayout>

namespace layerlens::ui {

namespace {
// Two charts share the height of one cell of the dashboard grid, which must fit a 1366×768 screen.
constexpr int kStackedChartMinimumHeight = 150;
} // namespace

LayerBarsAndHistoryView::LayerBarsAndHistoryView(const QString &title, LayerBarChart *bars, LayerHistoryChart *history,
                                                 std::string historyKey, double (*value)(const core::LayerStats &),
                                                 QWidget *parent)
    : DashboardView(title, parent), m_bars(bars), m_history(history), m_historyKey(std::move(historyKey)),
      m_value(value)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QChart *chart : charts()) {
        QChartView *view = makeChartView(chart, this); // the view owns its chart
        view->setMinimumHeight(kStackedChartMinimumHeight);
        layout->addWidget(view, 1);
    }
}

QList<QChart *> LayerBarsAndHistoryView::charts() const
{
    return {m_bars, m_history};
}

int LayerBarsAndHistoryView::seriesCount() const
{
    return m_bars->barCount() + m_history->lineCount();
}

int LayerBarsAndHistoryView::pointCount(int series) const
{
    if (series < m_bars->barCount())
        return static_cast<int>(m_bars->barPoints(series).size());
    return static_cast<int>(m_history->linePoints(series - m_bars->barCount()).size());
}

void LayerBarsAndHistoryView::showFrame(const Frame &frame)
{
    QList<int> layers;
    QList<double> values;
    for (const core::LayerStats &layer : frame.snapshot->layers) {
        layers << layer.index;
        values << m_value(layer);
    }
    m_bars->setValues(layers, values);
    if (frame.history != m_drawnHistory || !frame.history || layers != m_drawnLayers) {
        m_history->setHistory(frame.history.get(), layers, m_historyKey);
        m_drawnHistory = frame.history;
        m_drawnLayers = layers;
    }
}

} // namespace layerlens::ui
