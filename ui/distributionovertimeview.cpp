#include "ui/distributionovertimeview.h"

#include "ui/plotlines.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <QValueAxis>

#include <string>

namespace layerlens::ui {

namespace {

using Percentile = DistributionOverTimeView::Percentile;

// PlotLines' lines, in the order they are drawn: the band's edges, then the median over them.
constexpr int kUpperEdge = 0, kLowerEdge = 1, kMedianLine = 2;

int lineOf(Percentile percentile)
{
    switch (percentile) {
    case Percentile::P85:
        return kUpperEdge;
    case Percentile::P15:
        return kLowerEdge;
    case Percentile::P50:
        break;
    }
    return kMedianLine;
}

std::size_t at(Percentile percentile)
{
    return static_cast<std::size_t>(percentile);
}

} // namespace

DistributionOverTimeView::DistributionOverTimeView(QWidget *parent)
    : DashboardView(tr("Distribution over time"), parent)
{
    m_layerChoice = new QComboBox(this);
    m_layerChoice->setObjectName(QStringLiteral("layerChoice"));
    m_layerChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *choiceLabel = new QLabel(tr("&Layer:"), this);
    choiceLabel->setBuddy(m_layerChoice);

    m_chart = new QChart;
    // The theme goes first: applied later it would overwrite the pens set below.
    QChartView *chartView = makeChartView(m_chart, this);
    m_stepAxis = new QValueAxis;
    m_stepAxis->setTitleText(tr("step"));
    m_stepAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_stepAxis->setRange(0.0, 100.0);
    m_valueAxis = new QValueAxis;
    m_valueAxis->setTitleText(tr("pre-activation z"));
    m_valueAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_valueAxis->setRange(-1.0, 1.0);
    m_chart->addAxis(m_stepAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    // The band's edges are the p15 and p85 lines, drawn with the area's outline around its fill.
    // PlotLines draws them and the median (Qt Charts would stroke each of these noisy lines twice
    // a frame); the series, empty, give the pens, the fill and the legend.
    constexpr int kColor = 0;
    m_band = addAreaSeries(m_chart, m_stepAxis, m_valueAxis, kColor, true);
    m_band->setName(tr("15th–85th percentile"));
    QColor fill = seriesColor(kColor);
    fill.setAlpha(60); // light, so that the median reads clearly inside it
    m_band->setBrush(fill);
    m_median = addLineSeries(m_chart, m_stepAxis, m_valueAxis, kColor, tr("median"));
    m_median->setPen(QPen(seriesColor(kColor).darker(140), 3.0));
    m_plotLines = new PlotLines(m_chart, m_stepAxis, m_valueAxis);
    m_plotLines->setPenSources({m_band, m_band, m_median}); // kUpperEdge, kLowerEdge, kMedianLine
    m_plotLines->setFill(m_band, kUpperEdge, kLowerEdge);

    auto *choiceRow = new QHBoxLayout;
    choiceRow->setContentsMargins(6, 4, 6, 0);
    choiceRow->addWidget(choiceLabel);
    choiceRow->addWidget(m_layerChoice);
    choiceRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(choiceRow);
    layout->addWidget(chartView, 1);

    // Tick spacing depends on the chart's size, not only on the data; lines decimated for another
    // plot width are drawn again.
    connect(
        m_chart, &QChart::plotAreaChanged, this,
        [this] {
            fitAxes();
            if (!m_lines.filledFor(m_chart, m_stepAxis, everyPoint()))
                fillLines();
        },
        Qt::QueuedConnection);
    connect(m_layerChoice, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_offering)
            return;
        m_followLast = index == m_layerChoice->count() - 1;
        draw();
    });
}

void DistributionOverTimeView::showFrame(const Frame &frame)
{
    // The snapshot knows the layers it measured; before the first measurement the config does.
    const int depth = frame.snapshot->layers.empty() ? frame.config.network.depth
                                                     : static_cast<int>(frame.snapshot->layers.size());
    offerLayers(depth);
    m_history = frame.history;
    draw();
}

void DistributionOverTimeView::offerLayers(int depth)
{
    if (depth == m_layerChoice->count())
        return;
    const int previous = chosenLayer();
    m_offering = true;
    m_layerChoice->clear();
    for (int layer = 1; layer <= depth; ++layer)
        m_layerChoice->addItem(tr("Layer %1").arg(layer), layer);
    // Keep the choice while it exists, unless it was the last layer: then follow the last one.
    const bool keep = !m_followLast && previous >= 1 && previous <= depth;
    m_layerChoice->setCurrentIndex(keep ? previous - 1 : depth - 1);
    m_followLast = !keep;
    m_offering = false;
}

void DistributionOverTimeView::draw()
{
    const int layer = chosenLayer();
    if (m_history == m_drawnHistory && layer == m_drawnLayer)
        return;
    m_drawnHistory = m_history;
    m_drawnLayer = layer;

    const std::string prefix = "layer" + std::to_string(layer) + ".";
    static constexpr const char *kSuffix[] = {"pre_p15", "pre_p50", "pre_p85"};
    DataRange range;
    for (std::size_t i = 0; i < m_buffers.size(); ++i) {
        // Layer 0 (no layers) names no series: the buffers come back empty.
        historyPoints(layer > 0 ? m_history.get() : nullptr, prefix + kSuffix[i], 1.0, m_buffers[i], range);
    }
    m_chart->setTitle(layer > 0 ? tr("Layer %1: pre-activation percentiles").arg(layer)
                                : tr("Pre-activation percentiles"));
    // Keep the last ranges when there is nothing to show: the axes do not jump to a default.
    if (!range.empty)
        m_range = range;
    fitAxes();
    fillLines();
}

void DistributionOverTimeView::fillLines()
{
    m_lines.begin(m_chart, m_stepAxis, everyPoint());
    QList<QPointF> upper, lower, median;
    m_lines.decimateBand(m_buffers[at(Percentile::P85)], m_buffers[at(Percentile::P15)], upper, lower);
    m_lines.decimate(m_buffers[at(Percentile::P50)], m_median->pen(), median);
    m_plotLines->setPoints(kUpperEdge, std::move(upper));
    m_plotLines->setPoints(kLowerEdge, std::move(lower));
    m_plotLines->setPoints(kMedianLine, std::move(median));
}

void DistributionOverTimeView::fitAxes()
{
    fitVerticalAxisTitle(m_valueAxis, m_chart, {tr("pre-activation z"), tr("z")}, m_valueTitleFit);
    fitBottomAxisTitle(m_stepAxis, m_chart);
    if (m_range.empty)
        return;
    fitAxis(m_stepAxis, m_range.xMin, m_range.xMax, m_chart->plotArea().width());
    fitAxis(m_valueAxis, m_range.yMin, m_range.yMax, m_chart->plotArea().height());
}

int DistributionOverTimeView::seriesCount() const
{
    return static_cast<int>(m_chart->series().size());
}

int DistributionOverTimeView::pointCount(Percentile percentile) const
{
    return static_cast<int>(m_plotLines->points(lineOf(percentile)).size());
}

QList<QPointF> DistributionOverTimeView::points(Percentile percentile) const
{
    return m_plotLines->points(lineOf(percentile));
}

int DistributionOverTimeView::layerCount() const
{
    return m_layerChoice->count();
}

int DistributionOverTimeView::chosenLayer() const
{
    return m_layerChoice->currentIndex() < 0 ? 0 : m_layerChoice->currentData().toInt();
}

} // namespace layerlens::ui
