#pragma once

#include "ui/comparisonview.h"

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QLogValueAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace layerlens::core {
struct LayerStats;
}

namespace layerlens::ui {

/// One per-layer quantity of the newest snapshots of runs A and B across the depth, input side
/// on the left: a point per hidden layer, joined (A solid, B dashed). The gradient norm
/// ‖∂L/∂W‖ shows a vanishing gradient as a line falling toward the input, next to a flat one;
/// the std of the activations shows their collapse or saturation. Norms, std and update ratios
/// are drawn on a log axis, fractions of units in percent on a linear one.
class CompareLayerProfileView : public ComparisonView {
    Q_OBJECT
public:
    /// The choices of the switch, in its order.
    enum class Quantity { GradientNorm, ActivationStd, UpdateRatio, DeadUnits, SaturatedUnits };

    explicit CompareLayerProfileView(Quantity initial, QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("compare-layers"); }
    Quantity profile() const { return static_cast<Quantity>(quantity()); }
    /// The value of `quantity` for `layer`, as drawn (fractions in percent).
    static double valueOf(Quantity quantity, const core::LayerStats &layer);
    /// Whether `quantity` is drawn on the log axis.
    static bool isLogarithmic(Quantity quantity);
    QCategoryAxis *layerAxis() const { return m_layerAxis; }

protected:
    void redraw() override;

private:
    void updateLabels();

    QCategoryAxis *m_layerAxis = nullptr;
    QLogValueAxis *m_logAxis = nullptr;
    QValueAxis *m_linearAxis = nullptr;
    std::array<QList<QPointF>, 2> m_buffers; // reused from frame to frame
    QList<int> m_layers;                      // of the deeper side
    bool m_updatingLabels = false;
};

} // namespace layerlens::ui
