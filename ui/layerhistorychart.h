#pragma once

#include "ui/dashboardview.h"
#include "ui/linedecimation.h"
#include "ui/logscale.h"

#include <QChart>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>

QT_BEGIN_NAMESPACE
class QLineSeries;
class QLogValueAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace layerlens::core {
class History;
}

namespace layerlens::ui {

class PlotLines;

/// A per-layer history series ("layer<n>.<key>", e.g. "layer3.grad_norm") against the step,
/// one line per hidden layer in the colour of series j, on a logarithmic value axis, with an
/// optional dashed horizontal reference line. Used by the gradient and the weight views.
class LayerHistoryChart : public QChart {
    Q_OBJECT
public:
    /// What a value of exactly 0 means: nothing to draw (an update ratio at step 0), or a
    /// quantity too small for float (drawn on the bottom edge, which the axis title explains).
    enum class Zeros { Skip, Underflow };

    /// `titles`: the title, then shorter forms of it for a narrow chart (the first that fits is shown).
    LayerHistoryChart(const QStringList &titles, const QString &valueTitle, Zeros zeros,
                      QGraphicsItem *parent = nullptr);

    /// A dashed horizontal line at `value` named `name` in the legend, always inside the axis
    /// range; `shortName` names it in the title of a chart too small for a legend and too narrow
    /// for `name`.
    void setReferenceLine(double value, const QString &name, const QString &shortName = {});
    /// Draws "layer<n>.<key>" of `history` (may be null: no points) for each n of `layers`, in
    /// that order. NaN/±Inf and negative values are skipped. Series are added or removed only
    /// when the number of layers changes. Each line gets only the points its plot's pixel columns
    /// can show (decimateLine()), unless setEveryPoint() is on; the chart keeps `history` to draw
    /// again when the plot changes width.
    void setHistory(std::shared_ptr<const core::History> history, const QList<int> &layers, const std::string &key);
    /// Every kept history point on the lines (for exports, which may be scaled up or be vectors),
    /// or (the default) only what the plot's pixel columns can show. Redraws when it changes.
    void setEveryPoint(bool on);

    /// Number of layer lines (the reference line not counted).
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    /// The points of line j as plotted (x = step, y clamped to the axis; decimated on a plot
    /// narrower than half the points).
    QList<QPointF> linePoints(int line) const;
    QLogValueAxis *valueAxis() const { return m_valueAxis; }
    QValueAxis *stepAxis() const { return m_stepAxis; }
    /// The reference line, or null.
    QLineSeries *referenceLine() const { return m_reference; }

private:
    void draw();
    /// Fills the lines from m_buffers for the plot's width (the axes stay as they are).
    void fillLines();
    /// The step axis over [first, last] with as many labelled steps as its plot shows whole.
    void setStepRange(double first, double last);
    void updateLegendAndTitle();

    void setLineCount(int count);

    QStringList m_titles;
    QString m_valueTitle;
    QString m_referenceShortName;
    DashboardView::TextFit m_titleFit, m_noteFit, m_valueTitleFit;
    LogScale m_scale; // the value axis's, for fitting its title again after a relayout
    Zeros m_zeros;
    QValueAxis *m_stepAxis = nullptr;
    QLogValueAxis *m_valueAxis = nullptr;
    QList<QLineSeries *> m_lines;    // empty: each gives a line its pen and its legend entry
    PlotLines *m_plotLines = nullptr; // draws the lines (Qt Charts would stroke them twice a frame)
    QList<QList<QPointF>> m_buffers; // reused, one per line: every point of the history
    DecimatedLines m_decimated;
    std::shared_ptr<const core::History> m_history;
    QList<int> m_layers;
    std::string m_key;
    bool m_everyPoint = false;
    QLineSeries *m_reference = nullptr;
    double m_referenceValue = 0.0;
    QList<QPointF> m_referenceBuffer;
    QString m_scaleNote;      // the value axis's note, or "no data yet"
    QString m_scaleShortNote; // the same in a few words, for a narrow chart
};

} // namespace layerlens::ui
