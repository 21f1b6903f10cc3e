#include "ui/layerbarchart.h"

#include "ui/dashboardview.h"
#include "ui/logscale.h"
#include "ui/plotlines.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QCursor>
#include <QLegend>
#include <QLogValueAxis>
#include <QScopedValueRollback>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <utility>

namespace layerlens::ui {

namespace {
constexpr qreal kBarHalfWidth = 0.36; // of a slot of width 1
constexpr int kMaxNamedInTitle = 5;   // skipped layers listed in the title
} // namespace

LayerBarChart::LayerBarChart(Scale scale, const QStringList &titles, const QString &valueTitle, QGraphicsItem *parent)
    : QChart(parent), m_scale(scale), m_titles(titles), m_valueTitle(valueTitle)
{
    setTitle(m_titles.value(0));
    legend()->hide(); // the layer axis names the bars
    m_layerAxis = new QCategoryAxis;
    m_layerAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_layerAxis->setGridLineVisible(false);
    m_layerAxis->setTitleText(tr("layer (in → out)"));
    m_layerAxis->setRange(0.5, 1.5);
    m_layerAxis->setStartValue(0.5);
    addAxis(m_layerAxis, Qt::AlignBottom);
    if (scale == Scale::Logarithmic) {
        m_logAxis = new QLogValueAxis;
        addAxis(m_logAxis, Qt::AlignLeft);
        DashboardView::fitLogAxis(m_logAxis, LogScale(), valueTitle);
    } else {
        m_linearAxis = new QValueAxis;
        m_linearAxis->setTitleText(valueTitle);
        m_linearAxis->setRange(0.0, 1.0);
        addAxis(m_linearAxis, Qt::AlignLeft);
    }
    m_plotLines = new PlotLines(this, m_layerAxis, valueAxis());
    m_plotLines->setFillsHoverable(true);
    connect(m_plotLines, &PlotLines::fillHovered, this, [this](int bar, bool entering) { showBarTip(bar, entering); });
    // Thin the labels to the width the plot really has, once the layout knows it.
    connect(this, &QChart::plotAreaChanged, this, [this] { updateLabels(); });
    connect(this, &QGraphicsWidget::geometryChanged, this, &LayerBarChart::updateTitle);
}

QAbstractAxis *LayerBarChart::valueAxis() const
{
    return m_logAxis ? static_cast<QAbstractAxis *>(m_logAxis) : m_linearAxis;
}

QList<QPointF> LayerBarChart::barPoints(int bar) const
{
    // The outline goes up the left side, along the top and down the right side.
    const QList<QPointF> outline = m_plotLines->points(bar);
    return outline.size() == 4 ? outline.mid(1, 2) : QList<QPointF>();
}

void LayerBarChart::setBarCount(int count)
{
    if (m_bars.size() == count)
        return;
    while (m_bars.size() > count)
        DashboardView::discardSeries(this, m_bars.takeLast());
    while (m_bars.size() < count)
        m_bars.append(DashboardView::addAreaSeries(this, m_layerAxis, valueAxis(), static_cast<int>(m_bars.size()), true));
    QList<PlotLines::Fill> fills;
    for (int j = 0; j < count; ++j)
        fills.append({m_bars[j], j, PlotLines::kClosed});
    m_plotLines->setPenSources({m_bars.cbegin(), m_bars.cend()});
    m_plotLines->setFills(fills);
}

void LayerBarChart::setValues(const QList<int> &layers, const QList<double> &values)
{
    const int count = static_cast<int>(std::min(layers.size(), values.size()));
    m_layers = layers.first(count);
    m_values = values.first(count);
    setBarCount(count);

    // Which values can be drawn, and the axis that holds them.
    QList<bool> drawn(count, false);
    LogScale scale;
    if (plotArea().height() > 1.0)
        scale.setMaxLabels(LogScale::labelsForHeight(plotArea().height()));
    double lowest = 0.0, highest = 0.0; // linear axis: always include 0
    QStringList skipped;
    for (int j = 0; j < count; ++j) {
        const double v = m_values[j];
        drawn[j] = m_scale == Scale::Logarithmic ? scale.add(v) : std::isfinite(v);
        if (!drawn[j]) {
            skipped << QStringLiteral("L%1").arg(m_layers[j]);
            continue;
        }
        lowest = std::min(lowest, v);
        highest = std::max(highest, v);
    }
    double base = 0.0;
    QString note;
    if (m_logAxis) {
        note = DashboardView::logAxisNote(scale);
        m_logScale = scale;
        DashboardView::fitLogAxis(m_logAxis, scale, m_valueTitle, this, m_valueTitleFit);
        base = scale.lower();
    } else {
        // Moves only when a bar leaves the axis or the bars shrink below half of it: a new range
        // every frame relayouts the chart and makes the bars jitter.
        if (highest <= lowest)
            highest = lowest + 1.0;
        const double min = m_linearAxis->min(), max = m_linearAxis->max();
        if (lowest < min || highest > max || highest - lowest < 0.5 * (max - min))
            DashboardView::fitAxis(m_linearAxis, lowest, highest, plotArea().height());
    }

    for (int j = 0; j < count; ++j) {
        QList<QPointF> outline; // closed along the base by PlotLines
        if (drawn[j]) {
            const double top = m_logAxis ? scale.clamp(m_values[j]) : m_values[j];
            const qreal left = j + 1 - kBarHalfWidth, right = j + 1 + kBarHalfWidth;
            outline << QPointF(left, base) << QPointF(left, top) << QPointF(right, top) << QPointF(right, base);
        }
        m_plotLines->setPoints(j, std::move(outline));
    }

    m_layerAxis->setRange(0.5, std::max(1, count) + 0.5);
    m_titleSuffix.clear();
    if (count == 0)
        m_titleSuffix = tr(" · no hidden layers");
    if (!skipped.isEmpty()) {
        if (skipped.size() > kMaxNamedInTitle)
            skipped = skipped.first(kMaxNamedInTitle) << QStringLiteral("…");
        m_titleSuffix = tr(" · not finite: %1").arg(skipped.join(QStringLiteral(", ")));
    }
    m_note = note;
    updateTitle();
    updateLabels();
}

void LayerBarChart::updateTitle()
{
    // The longest form of the title that fits with what setValues() added (a problem it names
    // is never dropped), so a narrow chart shows "‖∂L/∂W‖" rather than "Gradient norm ‖∂…".
    QStringList candidates;
    for (const QString &title : m_titles)
        candidates << title + m_titleSuffix;
    const QString title = DashboardView::titleWithNote(
        m_titleFit(candidates, titleFont(), DashboardView::titleWidth(this)), m_note);
    if (this->title() != title)
        setTitle(title);
}

void LayerBarChart::updateLabels()
{
    // New labels relayout the chart, and Qt may emit plotAreaChanged from inside that, which
    // calls this again: let the outer call finish instead of recursing (possibly forever).
    if (m_updatingLabels)
        return;
    const QScopedValueRollback guard(m_updatingLabels, true);
    // Before the first layout the plot area is empty: estimate it from the chart's width.
    const qreal plotWidth = plotArea().width() > 1.0 ? plotArea().width() : size().width() * 0.85;
    DashboardView::setLayerLabels(m_layerAxis, m_layers, plotWidth);
    // Qt elides an axis title a little inside the plot's width.
    constexpr qreal kAxisTitleSlack = 16.0;
    const QString axisTitle =
        m_axisTitleFit({tr("layer (in → out)"), tr("layer")}, m_layerAxis->titleFont(), plotWidth - kAxisTitleSlack);
    if (m_layerAxis->titleText() != axisTitle)
        m_layerAxis->setTitleText(axisTitle);
    if (m_logAxis) // a new height or title font holds another value title
        DashboardView::fitLogAxisTitle(m_logAxis, m_logScale, m_valueTitle, this, m_valueTitleFit);
}

void LayerBarChart::showBarTip(int bar, bool entering) const
{
    if (!entering || bar >= m_values.size()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), barText(bar));
}

QString LayerBarChart::barText(int bar) const
{
    if (bar < 0 || bar >= m_values.size())
        return {};
    const double value = m_values[bar];
    const bool underflow = m_scale == Scale::Logarithmic && value >= 0.0 && value < LogScale::kUnderflow;
    return tr("L%1: %2 = %3")
        .arg(m_layers[bar])
        .arg(m_valueTitle, underflow ? tr("underflow") : DashboardView::formatNumber(value, 4));
}

} // namespace layerlens::ui
