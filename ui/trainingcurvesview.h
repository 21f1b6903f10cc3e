#pragma once

#include "ui/dashboardview.h"
#include "ui/linedecimation.h"

#include <QList>
#include <QPointF>

#include <array>
#include <memory>

QT_BEGIN_NAMESPACE
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace layerlens::ui {

/// Loss and accuracy against the step, training and test side by side. The training curves are
/// those of each mini-batch, drawn thin and as they are: their noise is a lesson in itself (the
/// smaller the batch, the noisier). The test curves, evaluated every `eval_every` steps, are drawn
/// thick with a marker per evaluation. Reads the history series "train_loss", "test_loss",
/// "train_acc" and "test_acc"; accuracy is shown in percent.
class TrainingCurvesView : public DashboardView {
    Q_OBJECT
public:
    enum class Curve { TrainLoss, TestLoss, TrainAccuracy, TestAccuracy };

    explicit TrainingCurvesView(QWidget *parent = nullptr);

    void showFrame(const Frame &frame) override;
    QString viewId() const override { return QStringLiteral("curves"); }
    QList<QChart *> charts() const override { return {m_lossChart, m_accuracyChart}; }

    /// Series in both charts together (4).
    int seriesCount() const;
    /// Points plotted for `curve` (its history points minus NaN/Inf values; on a plot narrower
    /// than half of them, only what its pixel columns show: decimateLine()).
    int pointCount(Curve curve) const;
    /// The plotted points of `curve`: (step, loss) or (step, accuracy in %).
    QList<QPointF> points(Curve curve) const;

protected:
    void everyPointChanged() override;

private:
    static constexpr int kCurves = 4;

    void drawCurves();
    /// Fills the lines from m_buffers for the plots' widths (the axes stay as they are).
    void fillLines();
    void fitAxes();
    void showMarkers();

    QChart *m_lossChart = nullptr;
    QChart *m_accuracyChart = nullptr;
    QValueAxis *m_lossStepAxis = nullptr;
    QValueAxis *m_lossAxis = nullptr;
    QValueAxis *m_accuracyStepAxis = nullptr;
    QValueAxis *m_accuracyAxis = nullptr;
    TextFit m_accuracyTitleFit; // the accuracy axis's title, shortened on a short plot
    std::array<QLineSeries *, kCurves> m_series{};   // indexed by Curve
    std::array<QList<QPointF>, kCurves> m_buffers;   // reused from frame to frame
    std::shared_ptr<const core::History> m_shown;    // the history drawn last
    DecimatedLines m_lossLines, m_accuracyLines;
    DataRange m_steps, m_loss;                       // of the last history with points
};

} // namespace layerlens::ui
