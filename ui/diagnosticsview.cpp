#include "ui/diagnosticsview.h"

#include "ui/logscale.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

namespace layerlens::ui {

namespace {

QString number(double value)
{
    // Whole numbers below a million in full ("31250 times"), others with 3 significant digits.
    const double magnitude = std::abs(value);
    const int digits = std::isfinite(value) && magnitude >= 1.0 && magnitude < 1e6
                           ? static_cast<int>(std::floor(std::log10(magnitude))) + 1
                           : 3;
    return DashboardView::formatNumber(value, std::max(3, digits));
}

QString percent(double fraction)
{
    return std::isfinite(fraction) ? QString::number(100.0 * fraction, 'f', 0) : DashboardView::formatNumber(fraction);
}

const core::LayerStats *findLayer(const core::Snapshot &snapshot, int index)
{
    const auto it = std::find_if(snapshot.layers.begin(), snapshot.layers.end(),
                                 [index](const core::LayerStats &layer) { return layer.index == index; });
    return it == snapshot.layers.end() ? nullptr : &*it;
}

} // namespace

DiagnosticsView::DiagnosticsView(QWidget *parent) : DashboardView(tr("Diagnostics"), parent)
{
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("divergenceBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel#divergenceBanner { background-color: #C00000; color: white; "
                                           "padding: 12px; border-radius: 4px; }"));
    QFont bannerFont = m_banner->font();
    bannerFont.setPointSizeF(bannerFont.pointSizeF() * 1.5);
    bannerFont.setBold(true);
    m_banner->setFont(bannerFont);
    m_banner->hide();

    m_calm = new QLabel(tr("No problems detected."), this);
    m_calm->setObjectName(QStringLiteral("noProblems"));
    m_calm->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QFont calmFont = m_calm->font();
    calmFont.setPointSizeF(calmFont.pointSizeF() * 1.25);
    m_calm->setFont(calmFont);
    QPalette calmPalette = m_calm->palette();
    calmPalette.setColor(QPalette::WindowText, QColor(0x00, 0x7A, 0x4D));
    m_calm->setPalette(calmPalette);

    // A list of rich-text rows: the problem's name in bold over the explanation, wrapped to the
    // width (item views cannot wrap and size mixed-font rows by themselves).
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("diagnosticsList"));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSpacing(2);
    QFont listFont = m_list->font();
    listFont.setPointSizeF(listFont.pointSizeF() * 1.15);
    m_list->setFont(listFont);
    m_list->viewport()->installEventFilter(this);
    m_list->hide();

    // The calm line and the list take turns; whichever is shown fills the view.
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_calm, 1);
    layout->addWidget(m_list, 1);
}

void DiagnosticsView::showFrame(const Frame &frame)
{
    if (frame.snapshot == m_shown)
        return;
    m_shown = frame.snapshot;
    const core::Snapshot &snapshot = *frame.snapshot;

    // Divergence first: it ends the run and explains everything after it.
    std::vector<const core::Diagnostic *> active;
    for (const core::Diagnostic &d : snapshot.diagnostics)
        active.push_back(&d);
    std::stable_partition(active.begin(), active.end(),
                          [](const core::Diagnostic *d) { return d->kind == core::DiagnosticKind::Divergence; });

    const bool diverged = snapshot.diverged || (!active.empty() && active.front()->kind == core::DiagnosticKind::Divergence);
    if (diverged) {
        const long long step = snapshot.diverged ? snapshot.divergedAt : active.front()->since;
        const QString what = QString::fromStdString(snapshot.divergence);
        m_banner->setText(what.isEmpty() ? tr("Training diverged at step %1. Training has stopped.").arg(step)
                                         : tr("Training diverged at step %1: %2. Training has stopped.").arg(step).arg(what));
    }
    m_banner->setVisible(diverged);

    const int rows = static_cast<int>(active.size());
    while (static_cast<int>(m_rows.size()) > rows) {
        delete m_list->takeItem(m_list->count() - 1); // its row widget goes with it
        m_rows.pop_back();
    }
    while (static_cast<int>(m_rows.size()) < rows) {
        Row row;
        row.item = new QListWidgetItem(m_list);
        auto *widget = new QWidget;
        row.icon = new QLabel(widget);
        row.icon->setAlignment(Qt::AlignTop);
        row.text = new QLabel(widget);
        row.text->setObjectName(QStringLiteral("diagnosticText"));
        row.text->setWordWrap(true);
        row.text->setTextFormat(Qt::RichText);
        auto *rowLayout = new QHBoxLayout(widget);
        rowLayout->setContentsMargins(6, 6, 6, 6);
        rowLayout->setSpacing(10);
        rowLayout->addWidget(row.icon);
        rowLayout->addWidget(row.text, 1);
        m_list->setItemWidget(row.item, widget);
        m_rows.push_back(row);
    }
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize);
    for (int index = 0; index < rows; ++index) {
        const core::Diagnostic &d = *active[static_cast<std::size_t>(index)];
        Row &row = m_rows[static_cast<std::size_t>(index)];
        const QString heading = tr("%1 — %2, since step %3")
                                    .arg(kindName(d.kind), d.layer > 0 ? tr("layer %1").arg(d.layer) : tr("network"))
                                    .arg(d.since);
        const QString text = explanation(d, snapshot);
        row.plainText = heading + QLatin1Char('\n') + text;
        row.text->setText(QStringLiteral("<b>%1</b><br>%2").arg(heading.toHtmlEscaped(), text.toHtmlEscaped()));
        // The core's English sentence, for whoever wants the exact numbers.
        row.text->setToolTip(QString::fromStdString(d.message));
        const bool critical = d.kind == core::DiagnosticKind::Divergence;
        if (row.iconSize != iconSize || row.critical != critical) {
            row.icon->setPixmap(style()
                                    ->standardIcon(critical ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning)
                                    .pixmap(iconSize));
            row.critical = critical;
            row.iconSize = iconSize;
        }
    }
    fitRows();
    m_list->setVisible(rows > 0);
    m_calm->setVisible(rows == 0 && !diverged);
}

int DiagnosticsView::rowCount() const
{
    return m_list->count();
}

QString DiagnosticsView::rowText(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[static_cast<std::size_t>(row)].plainText
                                                             : QString();
}

QString DiagnosticsView::rowToolTip(int row) const
{
    return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[static_cast<std::size_t>(row)].text->toolTip()
                                                             : QString();
}

void DiagnosticsView::fitRows()
{
    // Each row as tall as its text needs at the list's width.
    const int width = m_list->viewport()->width() - 2 * m_list->spacing();
    if (width <= 0)
        return;
    for (const Row &row : m_rows) {
        QWidget *widget = m_list->itemWidget(row.item);
        row.item->setSizeHint(QSize(width, widget->heightForWidth(width)));
    }
}

bool DiagnosticsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list->viewport() && event->type() == QEvent::Resize)
        fitRows();
    return DashboardView::eventFilter(watched, event);
}

bool DiagnosticsView::divergenceShown() const
{
    return !m_banner->isHidden();
}

QString DiagnosticsView::kindName(core::DiagnosticKind kind)
{
    switch (kind) {
    case core::DiagnosticKind::VanishingGradient:
        return tr("Vanishing gradients");
    case core::DiagnosticKind::ExplodingGradient:
        return tr("Exploding gradients");
    case core::DiagnosticKind::Saturation:
        return tr("Saturation");
    case core::DiagnosticKind::DeadUnits:
        return tr("Dead units");
    case core::DiagnosticKind::Symmetry:
        return tr("Symmetric neurons");
    case core::DiagnosticKind::Divergence:
        return tr("Divergence");
    case core::DiagnosticKind::Overfitting:
        return tr("Overfitting");
    case core::DiagnosticKind::ActivationCollapse:
        return tr("Activation collapse");
    case core::DiagnosticKind::BiasShift:
        return tr("Bias shift");
    case core::DiagnosticKind::BatchNormGap:
        return tr("BatchNorm train/inference gap");
    }
    return {};
}

QString DiagnosticsView::explanation(const core::Diagnostic &d, const core::Snapshot &snapshot)
{
    namespace th = core::thresholds;
    const int depth = static_cast<int>(snapshot.layers.size());
    const QString last = depth > 0 ? QString::number(depth) : tr("the last");
    switch (d.kind) {
    case core::DiagnosticKind::VanishingGradient:
        // value = ‖∂L/∂W₁‖ / ‖∂L/∂W_last‖, below the threshold: say it as "N times smaller".
        // A first-layer norm below the float range is not a number that was measured small:
        // the gradient underflowed (with subnormals flushed it is exactly 0).
        // (The core compares with the last layer only when its norm is > 0.)
        if (const core::LayerStats *first = findLayer(snapshot, 1); first && depth > 1
            && first->grad.weightNorm >= 0.0 && first->grad.weightNorm < LogScale::kUnderflow
            && snapshot.layers.back().grad.weightNorm > 0.0)
            return tr("Layer 1's weight gradient underflowed: it is below the smallest float (%1) and reads as 0, "
                      "next to layer %2's: the first layers do not learn.")
                .arg(DashboardView::formatNumber(LogScale::kUnderflow), last);
        if (d.value > 0.0 && std::isfinite(d.value) && d.threshold > 0.0)
            return tr("Layer 1's weight gradient is %1 times smaller than layer %2's (alarm at %3 times): "
                      "the first layers hardly learn.")
                .arg(number(1.0 / d.value), last, number(1.0 / d.threshold));
        return tr("Layer 1's weight gradient is practically 0 next to layer %1's: the first layers do not learn.")
            .arg(last);
    case core::DiagnosticKind::ExplodingGradient:
        if (d.threshold == th::kExplodingGrowth)
            return tr("The largest weight gradient grew %1-fold over the last %2 snapshots (alarm at %3-fold): "
                      "the updates are blowing up.")
                .arg(number(d.value))
                .arg(th::kGrowthWindow)
                .arg(number(d.threshold));
        return tr("Layer 1's weight gradient is %1 times larger than layer %2's (alarm at %3 times): "
                  "the first layers take huge steps.")
            .arg(number(d.value), last, number(d.threshold));
    case core::DiagnosticKind::Saturation:
        return tr("%1% of the activations sit on the flat ends of the activation function (alarm above %2%), "
                  "where almost no gradient passes.")
            .arg(percent(d.value), percent(d.threshold));
    case core::DiagnosticKind::DeadUnits:
        if (const core::LayerStats *layer = findLayer(snapshot, d.layer); layer && layer->width > 0)
            return tr("%1 of %2 units output 0 for every sample (alarm above %3%): they get no gradient and "
                      "stop learning.")
                .arg(layer->deadUnits)
                .arg(layer->width)
                .arg(percent(d.threshold));
        return tr("%1% of the units output 0 for every sample (alarm above %2%): they get no gradient and "
                  "stop learning.")
            .arg(percent(d.value), percent(d.threshold));
    case core::DiagnosticKind::Symmetry:
        if (const core::LayerStats *layer = findLayer(snapshot, d.layer); layer && layer->width > 1)
            return tr("All %1 neurons have the same weights, so they compute the same thing and the layer works "
                      "like a single neuron: the initialisation did not break the symmetry.")
                .arg(layer->width);
        return tr("All neurons have the same weights, so the layer works like a single neuron: the "
                  "initialisation did not break the symmetry.");
    case core::DiagnosticKind::Divergence: {
        const QString what = QString::fromStdString(snapshot.divergence);
        return what.isEmpty() ? tr("A loss, gradient or weight became NaN or infinite; training stopped.")
                              : tr("A number became NaN or infinite (%1); training stopped.").arg(what);
    }
    case core::DiagnosticKind::Overfitting:
        return tr("The test loss rose to %1 times its best (alarm above %2 times) while the training loss kept "
                  "falling: the network memorises the training set.")
            .arg(number(d.value), number(d.threshold));
    case core::DiagnosticKind::ActivationCollapse:
        // value = std of the last hidden layer's activations / that of layer 1.
        return tr("Layer %1's activations spread only %2 times as far as layer 1's (alarm below %3 times): the "
                  "signal fades on its way through the layers.")
            .arg(last, number(d.value), number(d.threshold));
    case core::DiagnosticKind::BiasShift:
        // value = |mean| / std of the layer's activations.
        return tr("The activations sit %1 standard deviations away from 0 (alarm above %2): the next layer gets a "
                  "constant offset, and the weights of each of its units tend to move together.")
            .arg(number(d.value), number(d.threshold));
    case core::DiagnosticKind::BatchNormGap:
        return tr("%1% of the probe samples change their predicted class between batch statistics (training) and "
                  "running statistics (inference) (alarm above %2%): the training curves do not show what inference "
                  "will do.")
            .arg(percent(d.value), percent(d.threshold));
    }
    return {};
}

} // namespace layerlens::ui
