#include "ui/activationhistogramview.h"

#include "ui/plotlines.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QScopedValueRollback>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <utility>

namespace layerlens::ui {

namespace {
constexpr int kMaxLayersWithRangesInTitle = 10;

bool drawable(const core::Histogram &h)
{
    return !h.counts.empty() && h.total() > 0 && std::isfinite(h.lo) && std::isfinite(h.hi) && h.hi > h.lo;
}
} // namespace

ActivationHistogramView::ActivationHistogramView(QWidget *parent)
    : DashboardView(tr("Activation distributions"), parent)
{
    m_sourceBox = new QComboBox(this);
    m_sourceBox->setObjectName(QStringLiteral("activationSource"));
    m_sourceBox->addItem(tr("activation a = f(z)"), QVariant::fromValue(static_cast<int>(Source::Activation)));
    m_sourceBox->addItem(tr("pre-activation z"), QVariant::fromValue(static_cast<int>(Source::PreActivation)));
    auto *sourceLabel = new QLabel(tr("&Show:"), this);
    sourceLabel->setBuddy(m_sourceBox);

    m_chart = new QChart;
    m_chart->legend()->hide(); // the layer axis names the histograms
    m_layerAxis = new QCategoryAxis;
    m_layerAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_layerAxis->setGridLineVisible(false);
    m_layerAxis->setStartValue(-1.0);
    m_layerAxis->setTitleText(tr("hidden layer (input → output)"));
    m_chart->addAxis(m_layerAxis, Qt::AlignBottom);
    m_fractionAxis = new QValueAxis;
    m_fractionAxis->setTitleText(tr("fraction"));
    m_fractionAxis->setRange(0.0, 1.0);
    m_chart->addAxis(m_fractionAxis, Qt::AlignLeft);
    // The histograms' step outlines change on every frame: PlotLines draws them, filled, with
    // the pens and brushes of the (empty) area series, in one stroke each and no geometry work.
    m_plotLines = new PlotLines(m_chart, m_layerAxis, m_fractionAxis);
    m_plotLines->setFillsHoverable(true);
    connect(m_plotLines, &PlotLines::fillHovered, this,
            [this](int slot, bool entering) { showLayerTip(slot, entering); });
    // Fit labels and title to the width the plot really has, once the layout knows it.
    connect(m_chart, &QChart::plotAreaChanged, this, [this] {
        // A new title or new labels relayout the chart, and Qt may emit plotAreaChanged from
        // inside that: let the outer call finish instead of recursing (possibly forever).
        if (m_fitting)
            return;
        const QScopedValueRollback guard(m_fitting, true);
        updateTitle();
        updateLabels();
    });

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 4, 6, 0);
    controls->addWidget(sourceLabel);
    controls->addWidget(m_sourceBox);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(makeChartView(m_chart, this), 1);

    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    m_labelTimer.setSingleShot(true);
    connect(&m_labelTimer, &QTimer::timeout, this, [this] {
        m_labelClock.start();
        updateLabels();
    });
    redraw();
}

ActivationHistogramView::Source ActivationHistogramView::source() const
{
    return static_cast<Source>(m_sourceBox->currentData().toInt());
}

void ActivationHistogramView::setSource(Source source)
{
    m_sourceBox->setCurrentIndex(m_sourceBox->findData(static_cast<int>(source))); // redraws
}

int ActivationHistogramView::pointCount(int series) const
{
    return static_cast<int>(histogramPoints(series).size());
}

QList<QPointF> ActivationHistogramView::histogramPoints(int series) const
{
    if (series < 0 || series >= m_histograms.size())
        return {};
    return m_plotLines->points(series);
}

const core::Summary &ActivationHistogramView::summaryOf(const core::LayerStats &layer) const
{
    return source() == Source::Activation ? layer.act : layer.pre;
}

void ActivationHistogramView::showFrame(const Frame &frame)
{
    m_snapshot = frame.snapshot;
    redraw(true);
}

void ActivationHistogramView::setHistogramCount(int count)
{
    if (m_histograms.size() == count)
        return;
    while (m_histograms.size() > count)
        discardSeries(m_chart, m_histograms.takeLast());
    while (m_histograms.size() < count)
        m_histograms.append(addAreaSeries(m_chart, m_layerAxis, m_fractionAxis,
                                          static_cast<int>(m_histograms.size()), false));
    QList<PlotLines::Fill> fills;
    for (int j = 0; j < count; ++j)
        fills.append({m_histograms[j], j, PlotLines::kClosed});
    m_plotLines->setPenSources({m_histograms.cbegin(), m_histograms.cend()});
    m_plotLines->setFills(fills);
}

void ActivationHistogramView::redraw(bool throttleLabels)
{
    static const std::vector<core::LayerStats> noLayers;
    const std::vector<core::LayerStats> &layers = m_snapshot ? m_snapshot->layers : noLayers;
    const int count = static_cast<int>(layers.size());
    setHistogramCount(count);

    double highest = 0.0;
    for (int j = 0; j < count; ++j) {
        const core::Histogram &h = summaryOf(layers[j]).hist;
        QList<QPointF> outline;
        if (drawable(h)) {
            // A step outline: up at each bin's left edge, across, and down to 0 after the last.
            const auto bins = static_cast<int>(h.counts.size());
            const double total = static_cast<double>(h.total());
            const qreal binWidth = kSlotWidth / bins;
            // Each edge computed once, so that the outline's vertical steps are exactly vertical.
            const auto edge = [&](int b) { return b == bins ? j + kSlotWidth : j + b * binWidth; };
            outline.reserve(2 * bins + 2);
            outline << QPointF(edge(0), 0.0);
            for (int b = 0; b < bins; ++b) {
                const double fraction = h.counts[b] / total;
                highest = std::max(highest, fraction);
                outline << QPointF(edge(b), fraction) << QPointF(edge(b + 1), fraction);
            }
            outline << QPointF(edge(bins), 0.0);
        }
        m_plotLines->setPoints(j, std::move(outline));
    }

    m_layerAxis->setRange(-(1.0 - kSlotWidth) / 2, std::max(1, count) - (1.0 - kSlotWidth) / 2);
    // The fraction axis moves only when the tallest bin leaves it or shrinks below half of it: a
    // new range every frame would relayout the chart and its labels every frame (the costliest
    // part of a frame) and make the histograms jitter.
    const double top = m_fractionAxis->max();
    if (!(highest > 0.0))
        m_fractionAxis->setRange(0.0, 1.0);
    else if (highest > top || highest < 0.5 * top)
        fitAxis(m_fractionAxis, 0.0, highest, m_chart->plotArea().height());
    updateTitle();
    // While frames stream in, the μ/σ numbers under the slots change at most kLabelMilliseconds
    // apart (numbers changing 60 times a second cannot be read, and their rich-text layout is
    // expensive); the last frame's numbers always follow within that time.
    std::vector<int> layerIndices;
    for (const core::LayerStats &layer : layers)
        layerIndices.push_back(layer.index);
    const bool sameLayers = layerIndices == m_labelledLayers;
    if (throttleLabels && sameLayers && m_labelClock.isValid() && m_labelClock.elapsed() < kLabelMilliseconds) {
        if (!m_labelTimer.isActive())
            m_labelTimer.start(static_cast<int>(kLabelMilliseconds - m_labelClock.elapsed()));
        return;
    }
    m_labelledLayers = std::move(layerIndices);
    m_labelTimer.stop();
    m_labelClock.start();
    updateLabels();
}

void ActivationHistogramView::updateTitle()
{
    QString title = source() == Source::Activation ? tr("Activation a = f(z) per layer")
                                                   : tr("Pre-activation z per layer");
    const std::vector<core::LayerStats> *layers = m_snapshot ? &m_snapshot->layers : nullptr;
    if (!layers || layers->empty()) {
        title += tr(" · no hidden layers");
        if (m_chart->title() != title)
            m_chart->setTitle(title);
        return;
    }
    // Consecutive layers with the same histogram range, as "L1–L3 ±1" (symmetric ranges, the
    // usual case, as ±R to keep the line short).
    const auto rangeOf = [&](int k) {
        const core::Histogram &h = summaryOf((*layers)[k]).hist;
        if (!drawable(h))
            return tr("none");
        return h.lo == -h.hi ? QStringLiteral("±") + formatNumber(h.hi) : formatRange(h.lo, h.hi);
    };
    QStringList groups;
    const int count = static_cast<int>(layers->size());
    for (int j = 0; j < count;) {
        const QString range = rangeOf(j);
        int end = j + 1;
        while (end < count && rangeOf(end) == range)
            ++end;
        const int first = (*layers)[j].index, last = (*layers)[end - 1].index;
        groups << (first == last ? QStringLiteral("L%1").arg(first) : QStringLiteral("L%1–L%2").arg(first).arg(last)) +
                      QLatin1Char(' ') + range;
        j = end;
    }
    if (groups.size() == 1) {
        const core::Histogram &h = summaryOf(layers->front()).hist;
        title += tr(" · range %1").arg(drawable(h) ? formatRange(h.lo, h.hi) : tr("none"));
    } else if (count <= kMaxLayersWithRangesInTitle) {
        // A second title line in smaller type, wrapped to the chart's width.
        QFont font = m_chart->titleFont();
        font.setPointSizeF(font.pointSizeF() * 5.0 / 6.0);
        const QFontMetricsF metrics(font);
        const qreal width = (m_chart->size().width() > 100.0 ? m_chart->size().width() : 760.0) - 40.0;
        QStringList lines{tr("ranges:") + QLatin1Char(' ') + groups.first()};
        for (qsizetype g = 1; g < groups.size(); ++g) {
            const QString longer = lines.last() + QStringLiteral(", ") + groups[g];
            if (metrics.horizontalAdvance(longer) <= width) {
                lines.last() = longer;
            } else {
                lines.last() += QLatin1Char(',');
                lines << groups[g];
            }
        }
        title = QStringLiteral("<center>") + title + QStringLiteral("<br><small>") + lines.join(QStringLiteral("<br>")) +
                QStringLiteral("</small></center>");
    } else {
        title += tr(" · ranges differ per slot (hover a histogram)");
    }
    if (m_chart->title() != title) // a new title relayouts the chart, which calls this again
        m_chart->setTitle(title);
}

void ActivationHistogramView::updateLabels()
{
    const int count = m_snapshot ? static_cast<int>(m_snapshot->layers.size()) : 0;
    QStringList names, oneLine, twoLines, oneSmallLine, twoSmallLines;
    QList<qreal> positions;
    for (int j = 0; j < count; ++j) {
        const core::LayerStats &layer = m_snapshot->layers[j];
        const core::Summary &s = summaryOf(layer);
        const QString name = QStringLiteral("L%1").arg(layer.index);
        const QString mean = tr("μ %1").arg(formatNumber(s.mean)), std = tr("σ %1").arg(formatNumber(s.std));
        const auto centred = [](const QString &html) { return QStringLiteral("<center>") + html + QStringLiteral("</center>"); };
        names << name;
        oneLine << centred(name + QStringLiteral("<br>") + mean + QLatin1Char(' ') + std);
        twoLines << centred(name + QStringLiteral("<br>") + mean + QStringLiteral("<br>") + std);
        oneSmallLine << centred(name + QStringLiteral("<br><small>") + mean + QLatin1Char(' ') + std +
                                QStringLiteral("</small>"));
        twoSmallLines << centred(name + QStringLiteral("<br><small>") + mean + QStringLiteral("<br>") + std +
                                 QStringLiteral("</small>"));
        positions << j + kSlotWidth / 2;
    }
    // Most detail that fits: "μ … σ …" on one line, on two, on one in smaller type, or the names
    // alone (thinned). Qt elides a label that is too wide for its slot or too high for the axis
    // (Qt Charts gives the bottom axis at most 40% of the chart's height, title included).
    const qreal plotWidth =
        m_chart->plotArea().width() > 1.0 ? m_chart->plotArea().width() : m_chart->size().width() * 0.85;
    const qreal chartHeight = m_chart->size().height() > 1.0 ? m_chart->size().height() : 300.0;
    const QFontMetricsF labelMetrics(m_layerAxis->labelsFont()), titleMetrics(m_layerAxis->titleFont());
    // Paddings of the title and the labels, and the rich-text margins of a multi-line label.
    const qreal labelSpace = 0.4 * chartHeight - titleMetrics.height() - 28.0;
    const auto fits = [&](const QStringList &labels, int lines, qreal scale) {
        return lines * labelMetrics.lineSpacing() * (scale < 1.0 ? 1.2 : 1.4) <= labelSpace &&
               labelStride(count, plotWidth, labelWidth(m_layerAxis, labels, scale)) == 1;
    };
    if (fits(oneLine, 2, 1.0)) {
        setCategoryLabels(m_layerAxis, oneLine, positions);
    } else if (fits(twoLines, 3, 1.0)) {
        setCategoryLabels(m_layerAxis, twoLines, positions);
    } else if (fits(oneSmallLine, 2, 5.0 / 6.0)) {
        setCategoryLabels(m_layerAxis, oneSmallLine, positions);
    } else if (fits(twoSmallLines, 3, 5.0 / 6.0)) {
        setCategoryLabels(m_layerAxis, twoSmallLines, positions);
    } else {
        const int stride = labelStride(count, plotWidth, labelWidth(m_layerAxis, names));
        QStringList thinned;
        QList<qreal> thinnedPositions;
        for (int j = 0; j < count; j += stride) {
            thinned << names[j];
            thinnedPositions << positions[j];
        }
        setCategoryLabels(m_layerAxis, thinned, thinnedPositions);
    }
}

void ActivationHistogramView::showLayerTip(int slot, bool entering) const
{
    if (!entering || !m_snapshot || slot >= static_cast<int>(m_snapshot->layers.size())) {
        QToolTip::hideText();
        return;
    }
    const core::LayerStats &layer = m_snapshot->layers[slot];
    const core::Summary &s = summaryOf(layer);
    const core::Histogram &h = s.hist;
    QString text = tr("L%1, %2").arg(layer.index).arg(source() == Source::Activation ? tr("a = f(z)") : tr("z"));
    text += QStringLiteral("<br>") + tr("range %1, %2 bins").arg(formatRange(h.lo, h.hi)).arg(h.counts.size());
    text += QStringLiteral("<br>") + tr("μ %1, σ %2").arg(formatNumber(s.mean), formatNumber(s.std));
    if (h.underflow + h.overflow > 0)
        text += QStringLiteral("<br>") + tr("%1 of %2 values outside the range").arg(h.underflow + h.overflow).arg(h.total());
    if (h.nonFinite > 0)
        text += QStringLiteral("<br>") + tr("%1 values NaN/Inf").arg(h.nonFinite);
    QToolTip::showText(QCursor::pos(), text);
}

} // namespace layerlens::ui
