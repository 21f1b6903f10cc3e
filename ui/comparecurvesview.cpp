#include "ui/comparecurvesview.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace layerlens::ui {

namespace {
constexpr const char *kHistoryName[] = {"train_loss", "test_loss", "train_acc", "test_acc"};

bool isLoss(CompareCurvesView::Curve curve)
{
    return curve == CompareCurvesView::Curve::TrainLoss || curve == CompareCurvesView::Curve::TestLoss;
}

bool isTest(CompareCurvesView::Curve curve)
{
    return curve == CompareCurvesView::Curve::TestLoss || curve == CompareCurvesView::Curve::TestAccuracy;
}
} // namespace

CompareCurvesView::CompareCurvesView(Curve initial, QWidget *parent)
    : ComparisonView(tr("Training curves, A and B"),
                     {tr("training loss (each mini-batch)"), tr("test loss"), tr("training accuracy (each mini-batch)"),
                      tr("test accuracy")},
                     static_cast<int>(initial), parent)
{
    m_stepAxis = new QValueAxis;
    m_stepAxis->setTitleText(tr("step"));
    m_stepAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_stepAxis->setRange(0.0, 100.0);
    m_valueAxis = new QValueAxis;
    chart()->addAxis(m_stepAxis, Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, Qt::AlignLeft);
    attachSeries(m_stepAxis, m_valueAxis);
    // Tick spacing and markers depend on the chart's size, not only on the data.
    // Lines decimated for another plot width are drawn again.
    connect(
        chart(), &QChart::plotAreaChanged, this,
        [this] {
            fitAxes();
            if (!m_lines.filledFor(chart(), m_stepAxis, everyPoint()))
                fillLines();
        },
        Qt::QueuedConnection);
    redraw();
}

std::string CompareCurvesView::historyName(Curve curve)
{
    return kHistoryName[static_cast<int>(curve)];
}

void CompareCurvesView::redraw()
{
    const Curve shown = curve();
    const double scale = isLoss(shown) ? 1.0 : 100.0; // accuracy is a fraction in the history
    DataRange range;
    for (int side : {kSideA, kSideB}) {
        const Frame *f = frame(side);
        QList<QPointF> &buffer = m_buffers[static_cast<std::size_t>(side)];
        historyPoints(f ? f->history.get() : nullptr, historyName(shown), scale, buffer, range);
        // Emptied first, the lines cost nothing while pens and axes change (Qt Charts strokes
        // every point of a line again on each change); they are stroked once, with their points.
        if (series(side)->count() > 0)
            series(side)->clear();
    }
    m_valueAxis->setTitleText(isLoss(shown) ? tr("loss") : tr("accuracy (%)"));
    m_valueAxis->setLabelFormat(isLoss(shown) ? QStringLiteral("%.3g") : QStringLiteral("%.0f"));
    // Each mini-batch's value is noisy: thinner lines keep A and B apart where they cross.
    setLineWidth(isTest(shown) ? 2.5 : 1.5);
    if (!range.empty)
        m_range = range; // keep the last ranges when there is nothing to show
    fitAxes();
    fillLines();
}

void CompareCurvesView::fillLines()
{
    m_lines.begin(chart(), m_stepAxis, everyPoint());
    for (int side : {kSideA, kSideB})
        m_lines.replace(series(side), m_buffers[static_cast<std::size_t>(side)], series(side)->pen());
}

void CompareCurvesView::fitAxes()
{
    const Curve shown = curve();
    if (!m_range.empty)
        fitAxis(m_stepAxis, m_range.xMin, m_range.xMax, chart()->plotArea().width());
    // Losses are ≥ 0: from 0 so that heights compare. Accuracy: the whole 0–100 %.
    if (isLoss(shown)) {
        if (!m_range.empty)
            fitAxis(m_valueAxis, std::min(0.0, m_range.yMin), m_range.yMax, chart()->plotArea().height());
    } else {
        m_valueAxis->setRange(0.0, 100.0);
        m_valueAxis->setTickCount(chart()->plotArea().height() > 150.0 ? 6 : 3);
    }
    for (int side : {kSideA, kSideB}) {
        QLineSeries *line = series(side);
        const auto evaluations = m_buffers[static_cast<std::size_t>(side)].size();
        line->setPointsVisible(isTest(shown) && evaluations * 12 <= chart()->plotArea().width());
    }
}

} // namespace layerlens::ui
