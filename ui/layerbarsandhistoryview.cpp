#include "ui/layerbarsandhistoryview.h"

#include "ui/layerbarchart.h"
#include "ui/layerhistorychart.h"

#include <QChartView>
#include <QBoxLayout>
#include <QResizeEvent>

namespace layerlens::ui {

namespace {
// The two charts sit side by side in a cell wider than this many times its height, else stacked.
constexpr double kSideBySideAspect = 1.4;
} // namespace

LayerBarsAndHistoryView::LayerBarsAndHistoryView(const QString &title, LayerBarChart *bars, LayerHistoryChart *history,
                                                 std::string historyKey, double (*value)(const core::LayerStats &),
                                                 QWidget *parent)
    : DashboardView(title, parent), m_bars(bars), m_history(history), m_historyKey(std::move(historyKey)),
      m_value(value)
{
    m_layout = new QBoxLayout(QBoxLayout::LeftToRight, this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    for (QChart *chart : charts())
        m_layout->addWidget(makeChartView(chart, this), 1); // the view owns its chart
}

void LayerBarsAndHistoryView::resizeEvent(QResizeEvent *event)
{
    const QSize size = event->size();
    const auto direction = size.width() > kSideBySideAspect * size.height() ? QBoxLayout::LeftToRight
                                                                            : QBoxLayout::TopToBottom;
    if (m_layout->direction() != direction)
        m_layout->setDirection(direction);
    DashboardView::resizeEvent(event);
}

QList<QChart *> LayerBarsAndHistoryView::charts() const
{
    return {m_bars, m_history};
}

void LayerBarsAndHistoryView::everyPointChanged()
{
    m_history->setEveryPoint(everyPoint());
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
        m_history->setHistory(frame.history, layers, m_historyKey);
        m_drawnHistory = frame.history;
        m_drawnLayers = layers;
    }
}

} // namespace layerlens::ui
