#include "ui/layerhistorychart.h"

#include "core/history.h"
#include "ui/dashboardview.h"
#include "ui/linedecimation.h"
#include "ui/logscale.h"
#include "ui/plotlines.h"

#include <QFontMetricsF>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace layerlens::ui {

namespace {
constexpr int kMaxLegendLayers = 10; // more layer entries would bury the plot
constexpr int kLegendEntryWidth = 50; // px of a legend entry "■ L10"
constexpr int kMinLegendHeight = 260; // px of chart below which the legend is left out
constexpr int kStepTicks = 5;        // about this many labelled steps

// The roundest whole number at or above x > 0 among 1, 1.5, 2, 2.5, 3, 4, 5, 6 and 8 × 10^k
// (1.5 and 2.5 only from 10 on), so that a narrow plot whose labels need most of its width still
// gets two ("0, 150000" where 200000 would be beyond the last step).
double niceStep(double x)
{
    const double decade = std::pow(10.0, std::floor(std::log10(x)));
    for (const double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0}) {
        const double step = m * decade;
        if (step >= x && step == std::floor(step))
            return step;
    }
    return 10.0 * decade;
}
} // namespace

LayerHistoryChart::LayerHistoryChart(const QStringList &titles, const QString &valueTitle, Zeros zeros,
                                     QGraphicsItem *parent)
    : QChart(parent), m_titles(titles), m_valueTitle(valueTitle), m_zeros(zeros)
{
    setTitle(m_titles.value(0));
    m_stepAxis = new QValueAxis;
    m_stepAxis->setTitleText(tr("step"));
    m_stepAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_stepAxis->setTickType(QValueAxis::TicksDynamic);
    m_stepAxis->setTickAnchor(0.0);
    m_stepAxis->setRange(0.0, 1.0);
    m_stepAxis->setTickInterval(1.0);
    addAxis(m_stepAxis, Qt::AlignBottom);
    m_valueAxis = new QLogValueAxis;
    addAxis(m_valueAxis, Qt::AlignLeft);
    DashboardView::fitLogAxis(m_valueAxis, LogScale(), valueTitle);
    m_plotLines = new PlotLines(this, m_stepAxis, m_valueAxis);
    // The legend depends on the chart's size: fit it again when that changes, even while paused.
    connect(this, &QGraphicsWidget::geometryChanged, this, &LayerHistoryChart::updateLegendAndTitle);
    // Lines decimated for another plot width would lose detail on a wider plot and carry points a
    // narrower one cannot show: fill them again (after the relayout has finished). The step ticks
    // are fitted again too; setStepRange() changes them at most once for a new width or font,
    // so the relayout that follows settles. So do the two titles fitted here: the value title
    // depends on the plot's height and changes only its width, and whether "step" is shown
    // depends on heights that do not change with it (DashboardView::fitBottomAxisTitle).
    connect(
        this, &QChart::plotAreaChanged, this,
        [this] {
            // A new width or label font (presentation mode) holds another number of step labels,
            // a new height or title font another value title.
            setStepRange(m_stepAxis->min(), m_stepAxis->max());
            DashboardView::fitLogAxisTitle(m_valueAxis, m_scale, m_valueTitle, this, m_valueTitleFit);
            DashboardView::fitBottomAxisTitle(m_stepAxis, this); // the step numbers before "step"
            if (!m_decimated.filledFor(this, m_stepAxis, m_everyPoint))
                fillLines();
        },
        Qt::QueuedConnection);
}

void LayerHistoryChart::setReferenceLine(double value, const QString &name, const QString &shortName)
{
    m_referenceShortName = shortName;
    if (!m_reference) {
        m_reference = new QLineSeries;
        addSeries(m_reference);
        m_reference->attachAxis(m_stepAxis);
        m_reference->attachAxis(m_valueAxis);
        QPen pen(QColor(0x22, 0x22, 0x22));
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(2.0);
        m_reference->setPen(pen);
    }
    m_reference->setName(name);
    m_referenceValue = value;
}

QList<QPointF> LayerHistoryChart::linePoints(int line) const
{
    if (line < 0 || line >= m_lines.size())
        return {};
    return m_plotLines->points(line);
}

void LayerHistoryChart::setLineCount(int count)
{
    if (m_lines.size() == count)
        return;
    while (m_lines.size() > count) {
        DashboardView::discardSeries(this, m_lines.takeLast());
        m_buffers.removeLast();
    }
    while (m_lines.size() < count) {
        const int line = static_cast<int>(m_lines.size());
        m_lines.append(DashboardView::addLineSeries(this, m_stepAxis, m_valueAxis, line, QString()));
        m_buffers.append(QList<QPointF>());
    }
    m_plotLines->setPenSources(QList<QAbstractSeries *>(m_lines.begin(), m_lines.end()));
    // Series are drawn in the order they were added: keep the reference on top of the layers.
    if (m_reference) {
        removeSeries(m_reference);
        addSeries(m_reference);
        m_reference->attachAxis(m_stepAxis);
        m_reference->attachAxis(m_valueAxis);
    }
}

void LayerHistoryChart::setHistory(std::shared_ptr<const core::History> history, const QList<int> &layers,
                                   const std::string &key)
{
    m_history = std::move(history);
    m_layers = layers;
    m_key = key;
    draw();
}

void LayerHistoryChart::setEveryPoint(bool on)
{
    if (m_everyPoint == on)
        return;
    m_everyPoint = on;
    fillLines();
}

void LayerHistoryChart::draw()
{
    const int count = static_cast<int>(m_layers.size());
    setLineCount(count);

    LogScale scale;
    if (plotArea().height() > 1.0)
        scale.setMaxLabels(LogScale::labelsForHeight(plotArea().height()));
    if (m_reference)
        scale.add(m_referenceValue);
    double firstStep = std::numeric_limits<double>::infinity();
    double lastStep = -std::numeric_limits<double>::infinity();
    bool anyPoint = false;
    for (int j = 0; j < count; ++j) {
        QList<QPointF> &buffer = m_buffers[j];
        buffer.clear();
        const core::Series *series =
            m_history ? m_history->find("layer" + std::to_string(m_layers[j]) + "." + m_key) : nullptr;
        if (series) {
            buffer.reserve(static_cast<qsizetype>(series->points().size()));
            for (const core::Series::Point &p : series->points()) {
                if (p.value == 0.0 && m_zeros == Zeros::Skip)
                    continue;
                if (!scale.add(p.value))
                    continue; // NaN, ±Inf, negative
                buffer.append(QPointF(static_cast<qreal>(p.step), p.value));
                firstStep = std::min(firstStep, static_cast<double>(p.step));
                lastStep = std::max(lastStep, static_cast<double>(p.step));
            }
        }
        anyPoint = anyPoint || !buffer.isEmpty();
    }
    if (!anyPoint) {
        firstStep = 0.0;
        lastStep = 1.0;
    } else if (lastStep <= firstStep) {
        lastStep = firstStep + 1.0;
    }

    // Qt Charts strokes every point of a line again when its points or an axis range change.
    // Emptied first, the reference line costs nothing while both axes move. (The layers' lines
    // are PlotLines, which strokes them only when it paints.)
    if (m_reference)
        m_reference->clear();
    m_scale = scale;
    DashboardView::fitLogAxis(m_valueAxis, scale, m_valueTitle, this, m_valueTitleFit);
    setStepRange(firstStep, lastStep);

    const double bottom = scale.lower(); // values below it are drawn on the bottom edge
    for (QList<QPointF> &buffer : m_buffers)
        for (QPointF &point : buffer)
            point.setY(std::max(point.y(), bottom));
    fillLines();

    if (m_reference) {
        m_referenceBuffer.clear();
        // Across the whole axis, which may start before the first step (setStepRange).
        m_referenceBuffer << QPointF(m_stepAxis->min(), m_referenceValue) << QPointF(lastStep, m_referenceValue);
        m_reference->replace(m_referenceBuffer);
    }

    m_scaleNote = anyPoint ? DashboardView::logAxisNote(scale) : tr("no data yet");
    m_scaleShortNote = anyPoint ? DashboardView::logAxisShortNote(scale) : m_scaleNote;
    updateLegendAndTitle();
}

void LayerHistoryChart::setStepRange(double first, double last)
{
    // As many labelled steps as the plot's width holds, at most kStepTicks: the widest label (the
    // most digits: the last step's), in the axis's own font (presentation mode's is larger), with
    // Qt's padding, must fit between two of them, or Qt Charts hides the labels that would
    // overlap, often all but "0". Whole steps.
    //
    // The plot's width depends on the choice: Qt keeps half of the last tick label right of the
    // plot, and a finer interval may end on a label with one digit more ("100000" after
    // "90000"). So the interval stays while its labels fit, and a finer one goes in only when
    // its labels would still fit with the plot narrower by half a label: otherwise the new plot
    // width would call for the old interval, and so on for ever.
    //
    // A history that starts a little after step 0, before a sixth of its last step (‖ΔW‖/‖W‖ has
    // no value before the first update), is shown from 0: its first labelled tick would
    // otherwise often be its only one ("80000").
    if (first > 0.0 && first < (last - first) / kStepTicks)
        first = 0.0;
    const qreal plotWidth = std::max<qreal>(1.0, plotArea().width() > 1.0 ? plotArea().width() : size().width() * 0.8);
    const qreal widest = QFontMetricsF(m_stepAxis->labelsFont()).horizontalAdvance(QString::number(last, 'f', 0));
    const double range = std::max(1.0, last - first);
    const auto least = [&](qreal room) { return std::max(range / kStepTicks, room / plotWidth * range); };
    const double current = m_stepAxis->tickInterval();
    double interval = current;
    if (!(current >= least(widest + DashboardView::kLabelPadding)))
        interval = std::max(1.0, niceStep(least(widest + DashboardView::kLabelPadding))); // coarser: fits
    else if (const double finer = std::max(1.0, niceStep(least(1.5 * widest + DashboardView::kLabelPadding)));
             finer < current)
        interval = finer;
    // Never a moment with thousands of ticks: a coarser interval goes in before the wider range,
    // a finer one after the narrower range.
    if (interval > current) {
        m_stepAxis->setTickInterval(interval);
        m_stepAxis->setRange(first, last);
    } else {
        m_stepAxis->setRange(first, last);
        m_stepAxis->setTickInterval(interval);
    }
}

void LayerHistoryChart::fillLines()
{
    m_decimated.begin(this, m_stepAxis, m_everyPoint);
    for (qsizetype j = 0; j < m_lines.size(); ++j) {
        QLineSeries *line = m_lines[j];
        line->setName(QStringLiteral("L%1").arg(m_layers[j]));
        QList<QPointF> shown;
        m_decimated.decimate(m_buffers[j], line->pen(), shown);
        m_plotLines->setPoints(static_cast<int>(j), std::move(shown));
    }
}

void LayerHistoryChart::updateLegendAndTitle()
{
    // Legend: the layers while their names fit on one row (else the colours of the bar chart
    // beside it name them), and the reference line. A legend row costs a short chart most of its
    // plot: below kMinLegendHeight the reference is named in the title's second line instead.
    const int count = static_cast<int>(m_lines.size());
    const bool roomForLegend = size().height() >= kMinLegendHeight;
    const bool layersFit = roomForLegend && count <= kMaxLegendLayers &&
                           count * kLegendEntryWidth <= size().width() - (m_reference ? 160 : 0);
    bool anyMarker = false;
    for (QLegendMarker *marker : legend()->markers()) {
        const bool visible = (marker->series() == m_reference && roomForLegend) || layersFit;
        marker->setVisible(visible);
        anyMarker = anyMarker || visible;
    }
    if (legend()->isVisible() != anyMarker)
        legend()->setVisible(anyMarker);
    // The title and its note in the longest forms that fit the chart's width.
    const qreal width = DashboardView::titleWidth(this);
    QStringList noteForms; // longest first
    for (const QString &scaleNote : {m_scaleNote, m_scaleShortNote})
        for (const QString &reference : {m_reference ? m_reference->name() : QString(), m_referenceShortName}) {
            QStringList notes{scaleNote};
            if (m_reference && !roomForLegend && !reference.isEmpty())
                notes << tr("dashed: %1").arg(reference);
            notes.removeAll(QString());
            noteForms << notes.join(QStringLiteral(" · "));
        }
    QFont noteFont = titleFont();
    noteFont.setPointSizeF(noteFont.pointSizeF() / 1.2); // <small>, as Qt's rich text draws it
    const QString title =
        DashboardView::titleWithNote(m_titleFit(m_titles, titleFont(), width), m_noteFit(noteForms, noteFont, width));
    if (this->title() != title)
        setTitle(title);
}

} // namespace layerlens::ui
