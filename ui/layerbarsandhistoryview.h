#pragma once

#include "ui/dashboardview.h"

#include <memory>
#include <string>

QT_BEGIN_NAMESPACE
class QBoxLayout;
QT_END_NAMESPACE

namespace layerlens::ui {

class LayerBarChart;
class LayerHistoryChart;

/// A dashboard cell with two charts (side by side in a wide cell, else stacked) about one per-layer quantity: its value now, one bar
/// per hidden layer, and its history series "layer<n>.<key>", one line per layer in the colours
/// of the bars. The gradient-flow and weights views are this with different quantities.
class LayerBarsAndHistoryView : public DashboardView {
    Q_OBJECT
public:
    void showFrame(const Frame &frame) override;
    QList<QChart *> charts() const override;

    /// Data series in both charts: the bars (one per layer) then the history lines (one per layer).
    int seriesCount() const;
    /// Points of data series `series` in that order: 2 per drawn bar (its top edge, 0 when the
    /// value is not finite), one per kept history value for a line.
    int pointCount(int series) const;

protected:
    /// Takes ownership of both charts; `value` reads the bar value of a layer, `historyKey` names
    /// the history series ("grad_norm", "update_ratio", ...).
    LayerBarsAndHistoryView(const QString &title, LayerBarChart *bars, LayerHistoryChart *history,
                            std::string historyKey, double (*value)(const core::LayerStats &), QWidget *parent);

    void resizeEvent(QResizeEvent *event) override;
    void everyPointChanged() override;
    LayerBarChart *barChart() const { return m_bars; }
    LayerHistoryChart *lineChart() const { return m_history; }

private:
    QBoxLayout *m_layout = nullptr;
    LayerBarChart *m_bars;
    LayerHistoryChart *m_history;
    std::string m_historyKey;
    double (*m_value)(const core::LayerStats &);
    std::shared_ptr<const core::History> m_drawnHistory; // redraw the lines only when it changes
    QList<int> m_drawnLayers;
};

} // namespace layerlens::ui
