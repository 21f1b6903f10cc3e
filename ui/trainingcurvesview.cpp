#include "ui/trainingcurvesview.h"

#include <QChart>
#include <QChartView>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace layerlens::ui {

namespace {

constexpr const char *kHistoryName[] = {"train_loss", "test_loss", "train_acc", "test_acc"};
constexpr double kScale[] = {1.0, 1.0, 100.0, 100.0}; // accuracy is a fraction in the history

QValueAxis *makeAxis(const QString &title, const QString &labelFormat)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(labelFormat);
    return axis;
}

} // namespace

TrainingCurvesView::TrainingCurvesView(QWidget *parent) : DashboardView(tr("Training curves"), parent)
{
    m_lossChart = new QChart;
    m_accuracyChart = new QChart;
    // The theme goes first: applied later it would overwrite the pens set below.
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeChartView(m_lossChart, this));
    layout->addWidget(makeChartView(m_accuracyChart, this));
    m_lossChart->setTitle(tr("Loss"));
    m_accuracyChart->setTitle(tr("Accuracy"));

    m_lossStepAxis = makeAxis(tr("step"), QStringLiteral("%.0f"));
    m_lossAxis = makeAxis(tr("loss"), QStringLiteral("%.3g"));
    m_accuracyStepAxis = makeAxis(tr("step"), QStringLiteral("%.0f"));
    m_accuracyAxis = makeAxis(tr("accuracy (%)"), QStringLiteral("%.0f"));
    for (QValueAxis *axis : {m_lossStepAxis, m_accuracyStepAxis})
        axis->setRange(0.0, 100.0);
    m_lossAxis->setRange(0.0, 1.0);
    m_accuracyAxis->setRange(0.0, 100.0);
    m_accuracyAxis->setTickCount(6);
    m_lossChart->addAxis(m_lossStepAxis, Qt::AlignBottom);
    m_lossChart->addAxis(m_lossAxis, Qt::AlignLeft);
    m_accuracyChart->addAxis(m_accuracyStepAxis, Qt::AlignBottom);
    m_accuracyChart->addAxis(m_accuracyAxis, Qt::AlignLeft);

    // Training first, so that the test curve is drawn over the noisy training curve.
    constexpr int kTrainColor = 0, kTestColor = 3;
    for (const Curve curve : {Curve::TrainLoss, Curve::TestLoss, Curve::TrainAccuracy, Curve::TestAccuracy}) {
        const bool loss = curve == Curve::TrainLoss || curve == Curve::TestLoss;
        const bool train = curve == Curve::TrainLoss || curve == Curve::TrainAccuracy;
        QLineSeries *series = addLineSeries(loss ? m_lossChart : m_accuracyChart,
                                            loss ? m_lossStepAxis : m_accuracyStepAxis, loss ? m_lossAxis : m_accuracyAxis,
                                            train ? kTrainColor : kTestColor,
                                            train ? tr("training (each mini-batch)") : tr("test"));
        if (train) {
            // Thin and light: every mini-batch's value, noise included. Light, not see-through:
            // an opaque line draws the same through the points its plot can show (decimateLine()),
            // a translucent one would darken wherever its noise crosses itself.
            const QColor color = seriesColor(kTrainColor);
            const auto light = [](int channel) { return 255 - (255 - channel) * 120 / 255; };
            series->setPen(QPen(QColor(light(color.red()), light(color.green()), light(color.blue())), 1.0));
        } else {
            series->setPen(QPen(seriesColor(kTestColor), 3.0));
            series->setMarkerSize(7.0);
        }
        m_series[static_cast<std::size_t>(curve)] = series;
    }
    // Tick spacing and markers depend on the chart's size, not only on the data; lines decimated
    // for another plot width are drawn again.
    for (QChart *chart : {m_lossChart, m_accuracyChart})
        connect(
            chart, &QChart::plotAreaChanged, this,
            [this] {
                fitAxes();
                showMarkers();
                if (!m_lossLines.filledFor(m_lossChart, m_lossStepAxis, everyPoint()) ||
                    !m_accuracyLines.filledFor(m_accuracyChart, m_accuracyStepAxis, everyPoint()))
                    fillLines();
            },
            Qt::QueuedConnection);
}

void TrainingCurvesView::showFrame(const Frame &frame)
{
    if (frame.history && frame.history == m_shown)
        return; // a frame of a paused run repeats the same history
    m_shown = frame.history;
    drawCurves();
}

void TrainingCurvesView::everyPointChanged()
{
    fillLines();
}

void TrainingCurvesView::drawCurves()
{
    DataRange steps, loss;
    for (int i = 0; i < kCurves; ++i) {
        const auto index = static_cast<std::size_t>(i);
        DataRange range;
        historyPoints(m_shown.get(), kHistoryName[i], kScale[i], m_buffers[index], range);
        if (range.empty)
            continue;
        steps.include({range.xMin, 0.0});
        steps.include({range.xMax, 0.0});
        if (i == int(Curve::TrainLoss) || i == int(Curve::TestLoss)) {
            loss.include({0.0, range.yMin});
            loss.include({0.0, range.yMax});
        }
    }
    // Keep the last ranges when there is nothing to show: the axes do not jump to a default.
    if (!steps.empty)
        m_steps = steps;
    if (!loss.empty)
        m_loss = loss;
    // Qt Charts strokes a line's every point again when its points or its axes change: emptied
    // first, the lines cost nothing while the axes move and are stroked once, with their points.
    for (QLineSeries *series : m_series)
        if (series->count() > 0)
            series->clear();
    fitAxes();
    showMarkers(); // before the points go in: markers on many points would be stroked twice
    fillLines();
}

void TrainingCurvesView::fillLines()
{
    m_lossLines.begin(m_lossChart, m_lossStepAxis, everyPoint());
    m_accuracyLines.begin(m_accuracyChart, m_accuracyStepAxis, everyPoint());
    for (int i = 0; i < kCurves; ++i) {
        const bool isLoss = i == int(Curve::TrainLoss) || i == int(Curve::TestLoss);
        QLineSeries *series = m_series[static_cast<std::size_t>(i)];
        (isLoss ? m_lossLines : m_accuracyLines).replace(series, m_buffers[static_cast<std::size_t>(i)], series->pen());
    }
}

void TrainingCurvesView::fitAxes()
{
    // Both charts share the step range so that a step sits at the same place in each.
    if (!m_steps.empty) {
        fitAxis(m_lossStepAxis, m_steps.xMin, m_steps.xMax, m_lossChart->plotArea().width());
        fitAxis(m_accuracyStepAxis, m_steps.xMin, m_steps.xMax, m_accuracyChart->plotArea().width());
    }
    // Losses are ≥ 0 for both loss functions: start the axis at 0 so that heights compare.
    if (!m_loss.empty)
        fitAxis(m_lossAxis, std::min(0.0, m_loss.yMin), m_loss.yMax, m_lossChart->plotArea().height());
    // 0–100 % in steps of 20, 25, 50 or 100: as many as the plot's height keeps apart (a label
    // and half a line between labels), so that Qt does not elide them on a short chart.
    const qreal spacing = 1.5 * QFontMetricsF(m_accuracyAxis->labelsFont()).height();
    const qreal height = m_accuracyChart->plotArea().height();
    int ticks = 6;
    for (const int candidate : {6, 5, 3, 2}) {
        ticks = candidate;
        if (height <= 1.0 || (candidate - 1) * spacing <= height)
            break;
    }
    if (m_accuracyAxis->tickCount() != ticks)
        m_accuracyAxis->setTickCount(ticks);
    fitVerticalAxisTitle(m_accuracyAxis, m_accuracyChart, {tr("accuracy (%)"), tr("accuracy"), tr("%")},
                         m_accuracyTitleFit);
    fitBottomAxisTitle(m_lossStepAxis, m_lossChart);
    fitBottomAxisTitle(m_accuracyStepAxis, m_accuracyChart);
    // The training curve's legend entry says what its noise is while the legend row holds it;
    // on a narrow chart (presentation mode's type) Qt would elide it to "training (each mini...".
    for (const Curve curve : {Curve::TrainLoss, Curve::TrainAccuracy}) {
        QLineSeries *train = m_series[static_cast<std::size_t>(curve)];
        const Curve test = curve == Curve::TrainLoss ? Curve::TestLoss : Curve::TestAccuracy;
        QChart *chart = curve == Curve::TrainLoss ? m_lossChart : m_accuracyChart;
        const QString full = tr("training (each mini-batch)");
        const QFontMetricsF metrics(chart->legend()->font());
        // Each entry: its marker (about a line high), spacing, its text; the legend's margins.
        constexpr qreal kEntrySpacing = 16.0, kLegendMargins = 40.0;
        const qreal needed = metrics.horizontalAdvance(full) +
                             metrics.horizontalAdvance(m_series[static_cast<std::size_t>(test)]->name()) +
                             2.0 * (metrics.height() + kEntrySpacing);
        const bool fits = chart->size().width() <= 1.0 || needed <= chart->size().width() - kLegendMargins;
        const QString name = fits ? full : tr("training");
        if (train->name() != name)
            train->setName(name);
    }
}

void TrainingCurvesView::showMarkers()
{
    // A marker per test evaluation while they stand apart; a long run's merge into the line.
    for (const Curve curve : {Curve::TestLoss, Curve::TestAccuracy}) {
        const auto evaluations = m_buffers[static_cast<std::size_t>(curve)].size();
        m_series[static_cast<std::size_t>(curve)]->setPointsVisible(evaluations * 12 <= m_lossChart->plotArea().width());
    }
}

int TrainingCurvesView::seriesCount() const
{
    return static_cast<int>(m_lossChart->series().size() + m_accuracyChart->series().size());
}

int TrainingCurvesView::pointCount(Curve curve) const
{
    return static_cast<int>(m_series[static_cast<std::size_t>(curve)]->count());
}

QList<QPointF> TrainingCurvesView::points(Curve curve) const
{
    return m_series[static_cast<std::size_t>(curve)]->points();
}

} // namespace layerlens::ui
