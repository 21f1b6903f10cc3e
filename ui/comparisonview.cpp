#include "ui/comparisonview.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>

namespace layerlens::ui {

namespace {
constexpr int kColorIndex[] = {0, 3}; // blue and vermillion: apart for every colour vision

// A solid, B dashed with short dashes (3 and 2 line widths), so that a legend's short piece of
// line shows them too.
QPen sidePen(int side, qreal width)
{
    QPen pen(DashboardView::seriesColor(kColorIndex[side]), width);
    if (side == ComparisonView::kSideB)
        pen.setDashPattern({3.0, 2.0});
    return pen;
}
} // namespace

ComparisonView::ComparisonView(const QString &title, const QStringList &quantities, int initial, QWidget *parent)
    : DashboardView(title, parent)
{
    m_quantityBox = new QComboBox(this);
    m_quantityBox->setObjectName(QStringLiteral("comparisonQuantity"));
    m_quantityBox->addItems(quantities);
    m_quantityBox->setCurrentIndex(initial);
    auto *label = new QLabel(tr("&Show:"), this);
    label->setBuddy(m_quantityBox);

    m_chart = new QChart;
    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 4, 6, 0);
    controls->addWidget(label);
    controls->addWidget(m_quantityBox);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    layout->addWidget(makeChartView(m_chart, this), 1); // the theme before the pens
    // The legend draws a piece of each line, so that "dashed = B" reads off the legend.
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    connect(m_quantityBox, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
}

QColor ComparisonView::sideColor(int side)
{
    return seriesColor(kColorIndex[side == kSideB ? 1 : 0]);
}

void ComparisonView::showFrame(const Frame &frame)
{
    showFrames(std::make_shared<const Frame>(frame), nullptr);
}

void ComparisonView::showFrames(const std::shared_ptr<const Frame> &a, const std::shared_ptr<const Frame> &b)
{
    m_frames = {a, b};
    redraw();
}

void ComparisonView::setSideNames(const QString &a, const QString &b)
{
    for (int side : {kSideA, kSideB}) {
        QLineSeries *line = series(side);
        const QString &name = side == kSideA ? a : b;
        if (line && line->name() != name) // a new name relayouts the legend
            line->setName(name);
    }
}

int ComparisonView::quantity() const
{
    return m_quantityBox->currentIndex();
}

void ComparisonView::setQuantity(int index)
{
    m_quantityBox->setCurrentIndex(index); // redraws
}

QStringList ComparisonView::quantities() const
{
    QStringList names;
    for (int i = 0; i < m_quantityBox->count(); ++i)
        names << m_quantityBox->itemText(i);
    return names;
}

int ComparisonView::seriesCount() const
{
    return static_cast<int>(m_chart->series().size());
}

QList<QPointF> ComparisonView::points(int side) const
{
    const QLineSeries *line = series(side);
    return line ? line->points() : QList<QPointF>();
}

void ComparisonView::attachSeries(QAbstractAxis *x, QAbstractAxis *y)
{
    for (int side : {kSideA, kSideB}) {
        QLineSeries *&line = m_series[static_cast<std::size_t>(side)];
        if (!line) {
            line = addLineSeries(m_chart, x, y, kColorIndex[side], side == kSideA ? QStringLiteral("A") : QStringLiteral("B"));
            line->setPen(sidePen(side, line->pen().widthF()));
            continue;
        }
        const QList<QAbstractAxis *> attached = line->attachedAxes();
        if (attached.contains(x) && attached.contains(y))
            continue;
        line->clear(); // the old points may not fit the new axes (0 on a log axis); redraw() refills
        for (QAbstractAxis *axis : attached)
            line->detachAxis(axis);
        line->attachAxis(x);
        line->attachAxis(y);
    }
}

void ComparisonView::setLineWidth(qreal width)
{
    for (int side : {kSideA, kSideB}) {
        QLineSeries *line = series(side);
        if (line && line->pen().widthF() != width)
            line->setPen(sidePen(side, width));
    }
}

} // namespace layerlens::ui
