#pragma once

#include "ui/dashboardview.h"

#include <QList>
#include <QPointF>
#include <QStringList>

#include <array>
#include <memory>

QT_BEGIN_NAMESPACE
class QComboBox;
QT_END_NAMESPACE

namespace layerlens::ui {

/// Base of the overlaid views of compare mode: one chart with the same quantity of run A (solid
/// line) and run B (dashed line, another colour), named in the legend ("A: BN off", "B: BN on"),
/// and a switch above the chart (objectName "comparisonQuantity") choosing the quantity.
/// A subclass draws its quantity from the two frames in redraw().
class ComparisonView : public DashboardView {
    Q_OBJECT
public:
    /// Index of run A and run B in the series and frames.
    static constexpr int kSideA = 0, kSideB = 1;

    /// One run alone: drawn as A, with B empty.
    void showFrame(const Frame &frame) override;
    /// Redraws from the newest frames of A and B (either may be null: that side is empty).
    void showFrames(const std::shared_ptr<const Frame> &a, const std::shared_ptr<const Frame> &b);
    /// The legend names of A and B.
    void setSideNames(const QString &a, const QString &b);
    QList<QChart *> charts() const override { return {m_chart}; }

    /// The quantity shown, as an index into quantities().
    int quantity() const;
    /// Switches the quantity (as the user's switch does) and redraws.
    void setQuantity(int index);
    QStringList quantities() const;

    /// Data series in the chart: A and B (2).
    int seriesCount() const;
    /// The points of side `side` (kSideA, kSideB) as plotted.
    QList<QPointF> points(int side) const;
    QLineSeries *series(int side) const { return m_series[static_cast<std::size_t>(side)]; }
    /// The colour of side `side` in the shared palette, also used for its title in the page.
    static QColor sideColor(int side);

protected:
    /// `quantities` name the choices of the switch; `initial` is shown first.
    ComparisonView(const QString &title, const QStringList &quantities, int initial, QWidget *parent);

    QChart *chart() const { return m_chart; }
    /// The frame of `side`, or null.
    const Frame *frame(int side) const { return m_frames[static_cast<std::size_t>(side)].get(); }
    /// Attaches the A and B series to `x` and `y` (creating them on the first call), detached
    /// from any other axis; a series moved to other axes loses its points.
    void attachSeries(QAbstractAxis *x, QAbstractAxis *y);
    /// Sets the width of both lines, keeping A solid and B dashed.
    void setLineWidth(qreal width);
    /// Draws the quantity from frame(kSideA) and frame(kSideB).
    virtual void redraw() = 0;

private:
    QComboBox *m_quantityBox = nullptr;
    QChart *m_chart = nullptr;
    std::array<QLineSeries *, 2> m_series{};
    std::array<std::shared_ptr<const Frame>, 2> m_frames;
};

} // namespace layerlens::ui
