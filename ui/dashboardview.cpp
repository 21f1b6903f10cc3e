#include "ui/dashboardview.h"

#include "ui/logscale.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QMenu>
#include <QResizeEvent>
#include <QScatterSeries>
#include <QStyle>
#include <QVariant>
#include <QToolButton>
#include <QFont>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QPen>
#include <QRegularExpression>
#include <QValueAxis>

#include <algorithm>
#include <functional>
#include <cmath>

namespace layerlens::ui {

DashboardView::DashboardView(const QString &title, QWidget *parent) : QWidget(parent), m_title(title)
{
    setObjectName(title);
}

void DashboardView::setExportMenu(QMenu *menu)
{
    m_exportMenu = menu;
    if (!m_exportButton) {
        m_exportButton = new QToolButton(this);
        m_exportButton->setObjectName(QStringLiteral("exportButton"));
        m_exportButton->setAutoRaise(true);
        m_exportButton->setPopupMode(QToolButton::InstantPopup);
        m_exportButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
        m_exportButton->setToolTip(tr("Save or copy this view"));
        m_exportButton->setFocusPolicy(Qt::NoFocus);
    }
    m_exportButton->setMenu(menu);
    m_exportButton->setVisible(menu != nullptr);
    placeExportButton();
}

void DashboardView::placeExportButton()
{
    if (!m_exportButton)
        return;
    m_exportButton->adjustSize();
    m_exportButton->move(width() - m_exportButton->width() - 2, 2);
    m_exportButton->raise(); // above the charts, which are laid out after it was created
}

void DashboardView::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_exportMenu) {
        QWidget::contextMenuEvent(event);
        return;
    }
    m_exportMenu->popup(event->globalPos());
    event->accept();
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeExportButton();
}

namespace {

// Each styled object remembers its normal value in a dynamic property, so that presentation
// mode scales from it and restores it exactly, however often it is toggled.
template <typename T, typename Set>
void restyle(QObject *object, const char *key, const T &current, bool on, const std::function<T(T)> &present, Set set)
{
    QVariant base = object->property(key);
    if (!base.isValid()) {
        base = QVariant::fromValue(current);
        object->setProperty(key, base);
    }
    const T wanted = on ? present(base.value<T>()) : base.value<T>();
    if (!(wanted == current))
        set(wanted);
}

QFont scaled(QFont font)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * DashboardView::kPresentationFontScale);
    else
        font.setPixelSize(qRound(font.pixelSize() * DashboardView::kPresentationFontScale));
    return font;
}

QBrush black(QBrush) { return QBrush(Qt::black); }

void restyleChart(QChart *chart, bool on)
{
    const std::function<QFont(QFont)> bigger = scaled;
    const std::function<QBrush(QBrush)> ink = black;
    restyle(chart, "ll_titleFont", chart->titleFont(), on, bigger, [&](const QFont &f) { chart->setTitleFont(f); });
    restyle(chart, "ll_titleBrush", chart->titleBrush(), on, ink, [&](const QBrush &b) { chart->setTitleBrush(b); });
    QLegend *legend = chart->legend();
    restyle(legend, "ll_font", legend->font(), on, bigger, [&](const QFont &f) { legend->setFont(f); });
    restyle(legend, "ll_labelBrush", legend->labelBrush(), on, ink, [&](const QBrush &b) { legend->setLabelBrush(b); });
    for (QAbstractAxis *axis : chart->axes()) {
        restyle(axis, "ll_labelsFont", axis->labelsFont(), on, bigger, [&](const QFont &f) { axis->setLabelsFont(f); });
        restyle(axis, "ll_titleFont", axis->titleFont(), on, bigger, [&](const QFont &f) { axis->setTitleFont(f); });
        restyle(axis, "ll_labelsBrush", axis->labelsBrush(), on, ink, [&](const QBrush &b) { axis->setLabelsBrush(b); });
        restyle(axis, "ll_titleBrush", axis->titleBrush(), on, ink, [&](const QBrush &b) { axis->setTitleBrush(b); });
        const std::function<QPen(QPen)> strongGrid = [](QPen pen) {
            pen.setColor(QColor(0x99, 0x99, 0x99));
            return pen;
        };
        restyle(axis, "ll_gridPen", axis->gridLinePen(), on, strongGrid, [&](const QPen &p) { axis->setGridLinePen(p); });
        const std::function<QPen(QPen)> strongLine = [](QPen pen) {
            pen.setColor(Qt::black);
            pen.setWidthF(std::max<qreal>(2.0, pen.widthF()));
            return pen;
        };
        restyle(axis, "ll_linePen", axis->linePen(), on, strongLine, [&](const QPen &p) { axis->setLinePen(p); });
    }
    const std::function<QPen(QPen)> thicker = [](QPen pen) {
        pen.setWidthF(pen.widthF() * DashboardView::kPresentationLineScale);
        return pen;
    };
    for (QAbstractSeries *series : chart->series()) {
        if (auto *area = qobject_cast<QAreaSeries *>(series)) {
            restyle(area, "ll_pen", area->pen(), on, thicker, [&](const QPen &p) { area->setPen(p); });
        } else if (auto *scatter = qobject_cast<QScatterSeries *>(series)) {
            const std::function<qreal(qreal)> larger = [](qreal size) { return size * 1.4; };
            restyle(scatter, "ll_markerSize", scatter->markerSize(), on, larger,
                    [&](qreal size) { scatter->setMarkerSize(size); });
        } else if (auto *line = qobject_cast<QXYSeries *>(series)) {
            restyle(line, "ll_pen", line->pen(), on, thicker, [&](const QPen &p) { line->setPen(p); });
        }
    }
}

} // namespace

void DashboardView::setPresentation(bool on)
{
    m_presentation = on;
    refreshPresentation();
}

void DashboardView::setEveryPoint(bool on)
{
    if (m_everyPoint == on)
        return;
    m_everyPoint = on;
    everyPointChanged();
}

void DashboardView::refreshPresentation()
{
    for (QChart *chart : charts())
        restyleChart(chart, m_presentation);
    // Widgets with a font of their own (headings, the diagnostics list) do not follow the
    // window's larger font by themselves.
    const std::function<QFont(QFont)> bigger = scaled;
    for (QWidget *child : findChildren<QWidget *>())
        if (child->testAttribute(Qt::WA_SetFont) && !qobject_cast<QChartView *>(child))
            restyle(child, "ll_font", child->font(), m_presentation, bigger, [&](const QFont &f) { child->setFont(f); });
}

QColor DashboardView::seriesColor(int index)
{
    // Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
    static const QColor palette[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                     QColor(0xD5, 0x5E, 0x00), QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9),
                                     QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00)};
    return palette[index % 8];
}

void DashboardView::applyTheme(QChart *chart)
{
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation); // frames arrive at up to 60 Hz
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

QChartView *DashboardView::makeChartView(QChart *chart, QWidget *parent)
{
    applyTheme(chart);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(160, 110); // seven views must fit a 1366×768 projector
    return view;
}

void DashboardView::DataRange::include(const QPointF &p)
{
    if (empty) {
        xMin = xMax = p.x();
        yMin = yMax = p.y();
        empty = false;
        return;
    }
    xMin = std::min(xMin, p.x());
    xMax = std::max(xMax, p.x());
    yMin = std::min(yMin, p.y());
    yMax = std::max(yMax, p.y());
}

void DashboardView::historyPoints(const core::History *history, const std::string &name, double scale,
                                  QList<QPointF> &out, DataRange &range)
{
    out.clear();
    const core::Series *series = history ? history->find(name) : nullptr;
    if (!series)
        return;
    out.reserve(static_cast<qsizetype>(series->points().size()));
    for (const core::Series::Point &point : series->points()) {
        const double value = point.value * scale;
        if (!std::isfinite(value))
            continue; // a diverged value has no place on an axis; the diagnostics view reports it
        const QPointF p(static_cast<double>(point.step), value);
        out.append(p);
        range.include(p);
    }
}

namespace {

// A value as `axis` labels it, for a floating-point label format ("%.0f", "%.3g"); others (or
// none) are measured as 6 significant digits, an estimate.
QString axisLabel(const QValueAxis *axis, double value)
{
    static const QRegularExpression floating(QStringLiteral("^[^%]*%[-+ #0]*\\d*(\\.\\d+)?[fFeEgG][^%]*$"));
    const QString format = axis->labelFormat();
    if (format.isEmpty() || !floating.match(format).hasMatch())
        return QString::number(value, 'g', 6);
    return QString::asprintf(format.toLatin1().constData(), value);
}

} // namespace

bool DashboardView::labelsFit(const QValueAxis *axis, double first, double step, int ticks, qreal length)
{
    const QFontMetricsF metrics(axis->labelsFont());
    qreal widest = 0.0;
    for (int k = 0; k < ticks; ++k)
        widest = std::max(widest, metrics.horizontalAdvance(axisLabel(axis, first + k * step)));
    return widest + kLabelPadding <= length / ticks;
}

void DashboardView::fitAxis(QValueAxis *axis, double lo, double hi, qreal length)
{
    if (!std::isfinite(lo) || !std::isfinite(hi) || !std::isfinite(hi - lo))
        return;
    if (hi <= lo) {
        const double pad = std::max(1e-6, 0.1 * std::abs(lo));
        lo -= pad;
        hi += pad;
    }
    // QValueAxis::applyNiceNumbers()'s rounding (loose labelling: range and step 1, 2 or 5 × 10ᵏ),
    // done here so that the axis is set once, to its final values. Setting a raw range first
    // relayouts the chart twice per frame and, from a plotAreaChanged handler, never settles.
    auto nice = [](double x, bool ceiling) {
        const double z = std::pow(10.0, std::floor(std::log10(x)));
        const double q = x / z;
        if (ceiling)
            return (q <= 1.0 ? 1.0 : q <= 2.0 ? 2.0 : q <= 5.0 ? 5.0 : 10.0) * z;
        return (q < 1.5 ? 1.0 : q < 3.0 ? 2.0 : q < 7.0 ? 5.0 : 10.0) * z;
    };
    // Labels side by side need more room than labels one above the other.
    const bool vertical = axis->orientation() == Qt::Vertical;
    int target = length > 0.0 ? std::clamp(static_cast<int>(length / (vertical ? 45.0 : 80.0)) + 1, 2, 11)
                              : axis->tickCount();
    double step = 0.0, niceLo = 0.0, niceHi = 0.0;
    for (;;) {
        step = nice(nice(hi - lo, true) / std::max(1, target - 1), false);
        niceLo = std::floor(lo / step) * step;
        niceHi = std::ceil(hi / step) * step;
        if (vertical || length <= 0.0 || target <= 2 || !std::isfinite(niceLo) || !std::isfinite(niceHi) ||
            niceHi <= niceLo)
            break;
        // Side by side, fewer ticks while the widest label in the axis's font (larger in
        // presentation mode) would not fit its share of the axis: Qt Charts elides it to "...".
        const int ticks = static_cast<int>(std::lround((niceHi - niceLo) / step)) + 1;
        if (ticks <= 2 || labelsFit(axis, niceLo, step, ticks, length))
            break;
        target = std::min(target, ticks) - 1;
    }
    if (!std::isfinite(step) || !std::isfinite(niceLo) || !std::isfinite(niceHi) || niceHi <= niceLo) {
        axis->setRange(lo, hi);
        return;
    }
    axis->setRange(niceLo, niceHi); // emits nothing when unchanged
    axis->setTickCount(static_cast<int>(std::lround((niceHi - niceLo) / step)) + 1);
}

QString DashboardView::formatNumber(double value, int significantDigits)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    QString text = QString::number(value, 'g', std::max(1, significantDigits));
    // "1.23e-05" → "1.23e−5", "1.5e+06" → "1.5e6": shorter, and a real minus sign.
    static const QRegularExpression exponent(QStringLiteral("e([+-])0*(\\d+)"));
    const QRegularExpressionMatch match = exponent.match(text);
    if (match.hasMatch()) {
        const QString sign = match.captured(1) == QLatin1String("-") ? QStringLiteral("−") : QString();
        text.replace(match.capturedStart(), match.capturedLength(), QLatin1Char('e') + sign + match.captured(2));
    }
    if (text.startsWith(QLatin1Char('-')))
        text.replace(0, 1, QStringLiteral("−"));
    return text;
}

QString DashboardView::formatRange(double lo, double hi)
{
    return QStringLiteral("[%1, %2]").arg(formatNumber(lo), formatNumber(hi));
}

QString DashboardView::logAxisNote(const LogScale &scale)
{
    const QString bottom = formatNumber(scale.lower());
    if (scale.hasUnderflow() && scale.hasBelowFloor())
        return tr("on the bottom edge (%1): values below it, and underflow (< %2, e.g. 0)")
            .arg(bottom, formatNumber(LogScale::kUnderflow));
    if (scale.hasUnderflow())
        return tr("on the bottom edge (%1): underflow (< %2, e.g. 0)").arg(bottom, formatNumber(LogScale::kUnderflow));
    if (scale.hasBelowFloor())
        return tr("on the bottom edge (%1): values below it").arg(bottom);
    return {};
}

QString DashboardView::titleWithNote(const QString &title, const QString &note)
{
    if (note.isEmpty())
        return title;
    return QStringLiteral("<center>") + title.toHtmlEscaped() + QStringLiteral("<br><small>") + note.toHtmlEscaped() +
           QStringLiteral("</small></center>");
}

QString DashboardView::firstThatFits(const QStringList &texts, const QFont &font, qreal width)
{
    const QFontMetricsF metrics(font);
    for (const QString &text : texts)
        if (metrics.horizontalAdvance(text) <= width)
            return text;
    return texts.isEmpty() ? QString() : texts.last();
}

QString DashboardView::TextFit::operator()(const QStringList &texts, const QFont &font, qreal width)
{
    if (width != m_width || texts != m_texts || font != m_font) {
        m_answer = firstThatFits(texts, font, width);
        m_texts = texts;
        m_font = font;
        m_width = width;
    }
    return m_answer;
}

void DashboardView::fitVerticalAxisTitle(QAbstractAxis *axis, const QChart *chart, const QStringList &titles,
                                         TextFit &fit)
{
    if (titles.isEmpty())
        return;
    // Qt lays a rotated title along the plot's height and elides it a little before the end.
    constexpr qreal kSlack = 4.0;
    const qreal height = chart->plotArea().height();
    const QString title = height > 1.0 ? fit(titles, axis->titleFont(), height - kSlack) : titles.first();
    if (axis->titleText() != title)
        axis->setTitleText(title);
}

void DashboardView::fitBottomAxisTitle(QAbstractAxis *axis, const QChart *chart)
{
    const QRectF plot = chart->plotArea();
    if (plot.height() <= 1.0)
        return; // not laid out yet
    // The height Qt shares between the plot and the horizontal axes: from the plot's top (the
    // chart's title and half a label above it do not depend on the bottom axis) down to the
    // legend or the chart's bottom margin. It does not change with this axis's title, so showing
    // or hiding the title cannot make the next layout decide otherwise.
    const QLegend *legend = chart->legend();
    const qreal bottom = legend->isVisible() && legend->alignment() == Qt::AlignBottom
                             ? legend->geometry().top()
                             : chart->size().height() - chart->margins().bottom();
    // Measured with Qt 6.4: the bottom axis wants its labels' and its title's line heights and
    // about 13 px of ticks and padding; the shared height reaches about 6 px above the plot.
    constexpr qreal kAxisPadding = 13.0, kAbovePlot = 6.0, kMaxAxisPortion = 0.4;
    const qreal wanted = QFontMetricsF(axis->labelsFont()).height() + QFontMetricsF(axis->titleFont()).height() + kAxisPadding;
    const bool room = kMaxAxisPortion * (bottom - plot.top() + kAbovePlot) >= wanted;
    if (axis->isTitleVisible() != room)
        axis->setTitleVisible(room);
}

qreal DashboardView::titleWidth(const QChart *chart)
{
    // Qt lays the title out inside the chart's layout margins and its own margins, and elides
    // it a little before that width runs out.
    constexpr qreal kSlack = 4.0;
    qreal left = 0, top = 0, right = 0, bottom = 0;
    if (chart->layout())
        chart->layout()->getContentsMargins(&left, &top, &right, &bottom);
    return chart->size().width() - left - right - chart->margins().left() - chart->margins().right() - 2.0 * kSlack;
}

namespace {
/// A log axis's range and labels for `scale`.
void setLogRange(QLogValueAxis *axis, const LogScale &scale)
{
    // A base of 10^step puts one labelled tick every `step` decades on the whole-decade range.
    axis->setBase(std::pow(10.0, scale.labelExponentStep()));
    // A hair wider than the decades: Qt labels the ticks from ceil(log(min)), and log10(1e−3)
    // rounds to −2.9999999999999996, which would leave the bottom decade without its label.
    constexpr double widen = 1e-13;
    axis->setRange(scale.lower() * (1.0 - widen), scale.upper() * (1.0 + widen));
    axis->setLabelFormat(QStringLiteral("%.0e"));
}
} // namespace

QString DashboardView::logAxisShortNote(const LogScale &scale)
{
    // A short second line (a vertical title has ~150 px); logAxisNote() has the full story.
    if (scale.hasUnderflow())
        return tr("bottom: underflow");
    if (scale.hasBelowFloor())
        return tr("bottom: < %1").arg(formatNumber(scale.lower()));
    return {};
}

namespace {
/// `title` (may be empty) and `note` as a second, smaller line, in the HTML of an axis title.
QString titleAndSmallNote(const QString &title, const QString &note)
{
    if (note.isEmpty())
        return title.toHtmlEscaped();
    const QString small = QStringLiteral("<small>") + note.toHtmlEscaped() + QStringLiteral("</small>");
    return title.isEmpty() ? small : title.toHtmlEscaped() + QStringLiteral("<br>") + small;
}
} // namespace

QString DashboardView::logAxisTitle(const LogScale &scale, const QString &title)
{
    return titleAndSmallNote(title, logAxisShortNote(scale));
}

void DashboardView::fitLogAxis(QLogValueAxis *axis, const LogScale &scale, const QString &title)
{
    setLogRange(axis, scale);
    axis->setTitleText(logAxisTitle(scale, title));
}

void DashboardView::fitLogAxis(QLogValueAxis *axis, const LogScale &scale, const QString &title, const QChart *chart,
                               TextFit &fit)
{
    setLogRange(axis, scale);
    fitLogAxisTitle(axis, scale, title, chart, fit);
}

void DashboardView::fitLogAxisTitle(QLogValueAxis *axis, const LogScale &scale, const QString &title,
                                    const QChart *chart, TextFit &fit)
{
    // Qt lays a rotated title along the plot's height and elides it a little before the end.
    // The note is measured in the title's font, a little larger than its own; the chart's title
    // has the note in full (logAxisNote()).
    constexpr qreal kSlack = 4.0;
    const qreal height = chart->plotArea().height();
    QString shown = title, note = logAxisShortNote(scale);
    if (height > 1.0) {
        shown = fit({title, QString()}, axis->titleFont(), height - kSlack);
        note = firstThatFits({note, QString()}, axis->titleFont(), height - kSlack);
    }
    const QString text = titleAndSmallNote(shown, note);
    if (axis->titleText() != text)
        axis->setTitleText(text);
}

void DashboardView::setCategoryLabels(QCategoryAxis *axis, const QStringList &labels, const QList<qreal> &positions)
{
    const QStringList current = axis->categoriesLabels();
    bool same = current == labels;
    for (qsizetype i = 0; same && i < labels.size(); ++i)
        same = axis->endValue(labels[i]) == positions.value(i);
    if (same)
        return;
    for (const QString &label : current)
        axis->remove(label);
    for (qsizetype i = 0; i < labels.size() && i < positions.size(); ++i)
        axis->append(labels[i], positions[i]);
}

int DashboardView::labelStride(int slotCount, qreal axisWidth, qreal labelWidth)
{
    // Qt's room around a label (kLabelPadding), and a gap between neighbours.
    constexpr qreal padding = kLabelPadding;
    constexpr qreal gap = 8.0;
    if (slotCount <= 1 || axisWidth <= 0.0)
        return 1;
    for (int stride = 1; stride < slotCount; ++stride) {
        const int labels = (slotCount + stride - 1) / stride;
        if (labelWidth + padding <= axisWidth / (labels + 1) && labelWidth + gap <= stride * axisWidth / slotCount)
            return stride;
    }
    return slotCount;
}

void DashboardView::setLayerLabels(QCategoryAxis *axis, const QList<int> &layers, qreal axisWidth)
{
    const int count = static_cast<int>(layers.size());
    QStringList labels;
    QList<qreal> positions;
    if (count > 0) {
        const qreal widest = labelWidth(axis, {QStringLiteral("L%1").arg(layers.last())});
        const int stride = labelStride(count, axisWidth, widest);
        for (int j = 0; j < count; j += stride) {
            labels << QStringLiteral("L%1").arg(layers[j]);
            positions << j + 1;
        }
    }
    setCategoryLabels(axis, labels, positions);
}

qreal DashboardView::labelWidth(const QAbstractAxis *axis, const QStringList &labels, qreal fontScale)
{
    QFont font = axis->labelsFont();
    font.setPointSizeF(font.pointSizeF() * fontScale);
    const QFontMetricsF metrics(font);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    qreal widest = 0.0;
    for (const QString &label : labels)
        for (const QString &line : label.split(QStringLiteral("<br>")))
            widest = std::max(widest, metrics.horizontalAdvance(QString(line).remove(tags)));
    return widest;
}

QAreaSeries *DashboardView::addAreaSeries(QChart *chart, QAbstractAxis *x, QAbstractAxis *y, int colorIndex,
                                          bool withLowerSeries)
{
    auto *upper = new QLineSeries;
    auto *lower = withLowerSeries ? new QLineSeries : nullptr;
    auto *area = new QAreaSeries(upper, lower); // (its QObject parent is `upper` until the chart takes it)
    chart->addSeries(area);
    upper->setParent(area);
    if (lower)
        lower->setParent(area);
    area->attachAxis(x);
    area->attachAxis(y);
    QColor fill = seriesColor(colorIndex);
    fill.setAlphaF(0.55);
    area->setBrush(fill);
    QPen outline(seriesColor(colorIndex));
    outline.setWidthF(1.5);
    area->setPen(outline);
    return area;
}

QLineSeries *DashboardView::addLineSeries(QChart *chart, QAbstractAxis *x, QAbstractAxis *y, int colorIndex,
                                          const QString &name)
{
    auto *line = new QLineSeries;
    line->setName(name);
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    QPen pen(seriesColor(colorIndex));
    pen.setWidthF(2.0);
    line->setPen(pen);
    return line;
}

void DashboardView::discardSeries(QChart *chart, QAbstractSeries *series)
{
    chart->removeSeries(series);
    delete series;
}

} // namespace layerlens::ui
