#include "ui/comparelayerprofileview.h"

#include "core/snapshot.h"
#include "ui/logscale.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScopedValueRollback>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace layerlens::ui {

CompareLayerProfileView::CompareLayerProfileView(Quantity initial, QWidget *parent)
    : ComparisonView(tr("Layers, A and B"),
                     {tr("gradient norm ‖∂L/∂W‖ per layer"), tr("std of the activations per layer"),
                      tr("update ratio ‖ΔW‖/‖W‖ per layer"), tr("dead units per layer"),
                      tr("saturated units per layer")},
                     static_cast<int>(initial), parent)
{
    m_layerAxis = new QCategoryAxis;
    m_layerAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_layerAxis->setGridLineVisible(false);
    m_layerAxis->setTitleText(tr("layer (in → out)"));
    m_layerAxis->setStartValue(0.5);
    m_layerAxis->setRange(0.5, 1.5);
    chart()->addAxis(m_layerAxis, Qt::AlignBottom);
    // Both value axes stay on the chart; the one the quantity does not use is hidden.
    m_logAxis = new QLogValueAxis;
    m_linearAxis = new QValueAxis;
    m_linearAxis->setRange(0.0, 100.0);
    m_linearAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart()->addAxis(m_logAxis, Qt::AlignLeft);
    chart()->addAxis(m_linearAxis, Qt::AlignLeft);
    // Thin the layer labels to the width the plot really has, once the layout knows it.
    connect(chart(), &QChart::plotAreaChanged, this, [this] { updateLabels(); });
    redraw();
}

bool CompareLayerProfileView::isLogarithmic(Quantity quantity)
{
    return quantity != Quantity::DeadUnits && quantity != Quantity::SaturatedUnits;
}

double CompareLayerProfileView::valueOf(Quantity quantity, const core::LayerStats &layer)
{
    switch (quantity) {
    case Quantity::GradientNorm:
        return layer.grad.weightNorm;
    case Quantity::ActivationStd:
        return layer.act.std;
    case Quantity::UpdateRatio:
        return layer.grad.updateRatio;
    case Quantity::DeadUnits:
        return 100.0 * layer.dead;
    case Quantity::SaturatedUnits:
        return 100.0 * layer.saturated;
    }
    return 0.0;
}

void CompareLayerProfileView::redraw()
{
    static const QString kValueTitle[] = {tr("‖∂L/∂W‖"), tr("std σ"), tr("‖ΔW‖/‖W‖"), tr("dead (%)"), tr("saturated (%)")};
    const Quantity shown = profile();
    const bool logarithmic = isLogarithmic(shown);
    QAbstractAxis *valueAxis = logarithmic ? static_cast<QAbstractAxis *>(m_logAxis) : m_linearAxis;
    attachSeries(m_layerAxis, valueAxis);
    m_logAxis->setVisible(logarithmic);
    m_linearAxis->setVisible(!logarithmic);

    LogScale scale;
    if (chart()->plotArea().height() > 1.0)
        scale.setMaxLabels(LogScale::labelsForHeight(chart()->plotArea().height()));
    m_layers.clear();
    for (int side : {kSideA, kSideB}) {
        QList<QPointF> &buffer = m_buffers[static_cast<std::size_t>(side)];
        buffer.clear();
        const Frame *f = frame(side);
        if (!f)
            continue;
        QList<int> layers;
        for (const core::LayerStats &layer : f->snapshot->layers) {
            layers << layer.index;
            const double value = valueOf(shown, layer);
            // An update ratio is 0 before the first update: nothing measured, nothing drawn.
            if (shown == Quantity::UpdateRatio && value == 0.0)
                continue;
            if (logarithmic ? scale.add(value) : std::isfinite(value))
                buffer.append(QPointF(static_cast<qreal>(layer.index), value));
        }
        if (layers.size() > m_layers.size())
            m_layers = layers;
    }
    if (logarithmic) {
        DashboardView::fitLogAxis(m_logAxis, scale, kValueTitle[static_cast<int>(shown)]);
        for (QList<QPointF> &buffer : m_buffers)
            for (QPointF &point : buffer)
                point.setY(scale.clamp(point.y()));
    } else {
        m_linearAxis->setTitleText(kValueTitle[static_cast<int>(shown)]);
    }
    for (int side : {kSideA, kSideB}) {
        QLineSeries *line = series(side);
        line->replace(m_buffers[static_cast<std::size_t>(side)]);
        line->setPointsVisible(true); // a point per layer; a lone layer draws no line
    }
    m_layerAxis->setRange(0.5, std::max<qsizetype>(1, m_layers.size()) + 0.5);
    updateLabels();
}

void CompareLayerProfileView::updateLabels()
{
    // New labels relayout the chart, and Qt may emit plotAreaChanged from inside that, which
    // calls this again: let the outer call finish instead of recursing (possibly forever).
    if (m_updatingLabels)
        return;
    const QScopedValueRollback guard(m_updatingLabels, true);
    const qreal plotWidth = chart()->plotArea().width() > 1.0 ? chart()->plotArea().width() : width() * 0.85;
    setLayerLabels(m_layerAxis, m_layers, plotWidth);
}

} // namespace layerlens::ui
