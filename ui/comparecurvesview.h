#pragma once

#include "ui/comparisonview.h"
#include "ui/linedecimation.h"

QT_BEGIN_NAMESPACE
class QValueAxis;
QT_END_NAMESPACE

namespace layerlens::ui {

/// One training curve of runs A and B against the step, overlaid (A solid, B dashed): the
/// training loss or accuracy of each mini-batch (history "train_loss", "train_acc"), or the test
/// loss or accuracy of each evaluation ("test_loss", "test_acc", with a marker per evaluation
/// while they stand apart). Accuracy is shown in percent, loss from 0.
class CompareCurvesView : public ComparisonView {
    Q_OBJECT
public:
    /// The choices of the switch, in its order.
    enum class Curve { TrainLoss, TestLoss, TrainAccuracy, TestAccuracy };

    explicit CompareCurvesView(Curve initial, QWidget *parent = nullptr);

    QString viewId() const override { return QStringLiteral("compare-curves"); }
    Curve curve() const { return static_cast<Curve>(quantity()); }
    /// The history series drawn for `curve` ("train_loss", ...).
    static std::string historyName(Curve curve);

protected:
    void redraw() override;
    void everyPointChanged() override { fillLines(); }

private:
    /// Fills the lines from m_buffers for the plot's width (the axes stay as they are).
    void fillLines();
    void fitAxes();

    QValueAxis *m_stepAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    std::array<QList<QPointF>, 2> m_buffers; // reused from frame to frame: every point of the history
    DecimatedLines m_lines;
    DataRange m_range;                       // of the points drawn last
};

} // namespace layerlens::ui
