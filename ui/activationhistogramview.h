#pragma once

#include "ui/dashboardview.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QComboBox;
class QValueAxis;
QT_END_NAMESPACE

namespace layerlens::core {
struct LayerStats;
struct Summary;
} // namespace layerlens::core

namespace layerlens::ui {

class PlotLines;

/// The distribution of every hidden layer's activations side by side in one chart, input on
/// the left: layer j (0-based) occupies x ∈ [j, j + kSlotWidth], its histogram's [lo, hi] mapped
/// onto that slot, y = the fraction of the layer's values in each bin (count / total). Under each
/// slot the layer's name and, when they fit, its mean μ and std σ. A switch above the chart
/// (objectName "activationSource") shows the pre-activations z instead of a = f(z).
///
/// With tanh's fixed range [−1, 1], a layer whose activations collapse toward 0 (the small-init
/// picture of CS231n) shows as a spike at its slot centre.
class ActivationHistogramView : public DashboardView {
    Q_OBJECT
public:
    enum class Source { Activation, PreActivation };
    /// Width of one layer's slot on the x axis; the rest of the unit is the gap to the next.
    static constexpr qreal kSlotWidth = 0.85;

    explicit ActivationHistogramView(QWidget *parent = nullptr);

    void showFrame(const Frame &frame) override;
    QString viewId() const override { return QStringLiteral("activations"); }
    QList<QChart *> charts() const override { return {m_chart}; }

    Source source() const;
    /// Switches between a and z (as the user's switch does) and redraws the last frame.
    void setSource(Source source);

    /// Histograms in the chart: one per hidden layer (an empty QAreaSeries gives each its
    /// colours; PlotLines draws it).
    int seriesCount() const { return static_cast<int>(m_histograms.size()); }
    /// Points of histogram `series`: a step outline of 2·bins + 2 points (closed to 0 at both
    /// ends), 0 when the layer has nothing to draw (no bins, no values, a non-finite range).
    int pointCount(int series) const;
    /// The outline of histogram `series` as plotted.
    QList<QPointF> histogramPoints(int series) const;
    QCategoryAxis *layerAxis() const { return m_layerAxis; }
    QValueAxis *fractionAxis() const { return m_fractionAxis; }

private:
    /// Redraws from m_snapshot; with throttleLabels, the slot labels may wait (see redraw()).
    void redraw(bool throttleLabels = false);
    void setHistogramCount(int count);
    void updateTitle();
    void updateLabels();
    void showLayerTip(int slot, bool entering) const;
    const core::Summary &summaryOf(const core::LayerStats &layer) const;

    QComboBox *m_sourceBox = nullptr;
    QChart *m_chart = nullptr;
    QCategoryAxis *m_layerAxis = nullptr;
    QValueAxis *m_fractionAxis = nullptr;
    QList<QAreaSeries *> m_histograms; // empty: each gives its histogram's pen, brush and colour
    PlotLines *m_plotLines = nullptr;  // draws the histograms (line j, filled, is histogram j)
    std::shared_ptr<const core::Snapshot> m_snapshot;
    bool m_fitting = false; // inside the plot-area handler
    static constexpr qint64 kLabelMilliseconds = 250;
    QElapsedTimer m_labelClock;          // since the labels were last rebuilt
    QTimer m_labelTimer;                 // brings the labels up to date after a throttled frame
    std::vector<int> m_labelledLayers;   // layer indices the labels were built for
};

} // namespace layerlens::ui
