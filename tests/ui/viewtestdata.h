// Hand-built snapshots and histories for the chart-view tests: known numbers, no training.
#pragma once

#include "core/history.h"
#include "core/snapshot.h"
#include "ui/frame.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QList>
#include <QPointF>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace viewtestdata {

using layerlens::core::History;
using layerlens::core::Histogram;
using layerlens::core::LayerStats;
using layerlens::core::Snapshot;
using layerlens::ui::Frame;

/// A histogram over [lo, hi] with the given counts (no values outside, none non-finite).
inline Histogram histogram(double lo, double hi, std::vector<std::uint32_t> counts)
{
    Histogram h;
    h.lo = lo;
    h.hi = hi;
    h.counts = std::move(counts);
    return h;
}

/// `samples` values of N(mean, std²) binned into `bins` bins over [lo, hi] (expected counts);
/// the tails beyond the range go to underflow/overflow.
inline Histogram gaussianHistogram(double lo, double hi, int bins, double mean, double std, std::uint64_t samples)
{
    const auto cdf = [&](double x) { return 0.5 * std::erfc(-(x - mean) / (std * std::sqrt(2.0))); };
    Histogram h;
    h.lo = lo;
    h.hi = hi;
    h.counts.resize(static_cast<std::size_t>(bins));
    const double width = (hi - lo) / bins;
    for (int b = 0; b < bins; ++b)
        h.counts[static_cast<std::size_t>(b)] =
            static_cast<std::uint32_t>(std::lround(samples * (cdf(lo + (b + 1) * width) - cdf(lo + b * width))));
    h.underflow = static_cast<std::uint64_t>(std::llround(samples * cdf(lo)));
    h.overflow = static_cast<std::uint64_t>(std::llround(samples * (1.0 - cdf(hi))));
    return h;
}

/// x > 0 rounded up to 1, 2 or 5 × 10^k, like the core's adaptive histogram range.
inline double niceRange(double x)
{
    const double decade = std::pow(10.0, std::floor(std::log10(x)));
    for (const double m : {1.0, 2.0, 5.0})
        if (m * decade >= x)
            return m * decade;
    return 10.0 * decade;
}

/// A tanh network initialised with N(0, 0.01²) weights (CS231n's picture): the std of the
/// activations shrinks layer by layer (0.2, 0.05, 0.01, …), the weight-gradient norms fall by
/// orders of magnitude toward the input, the update ratios sit far below 1e−3.
inline std::shared_ptr<Snapshot> collapsingTanh(int depth, long long step = 100, int bins = 50)
{
    auto s = std::make_shared<Snapshot>();
    s->step = step;
    double actStd = 0.2;
    for (int i = 0; i < depth; ++i) {
        LayerStats l;
        l.index = i + 1;
        l.width = 256;
        const double preStd = std::atanh(std::min(0.99, actStd)) * 1.02;
        l.pre.mean = 0.02 * actStd * (i % 3 - 1);
        l.pre.std = preStd;
        const double r = niceRange(4.0 * preStd);
        l.pre.hist = gaussianHistogram(-r, r, bins, l.pre.mean, preStd, 256 * 256);
        l.act.mean = l.pre.mean;
        l.act.std = actStd;
        l.act.hist = gaussianHistogram(-1.0, 1.0, bins, l.act.mean, actStd, 256 * 256);
        // Gradients shrink toward the input: the last layer has the largest norm.
        l.grad.weightNorm = 0.5 * std::pow(10.0, -0.8 * (depth - 1 - i)); // × ~0.16 per layer
        l.grad.updateRatio = 1e-2 * l.grad.weightNorm;
        l.weight.std = 0.01 * (1.0 + 0.02 * i);
        l.weight.mean = 0.0;
        s->layers.push_back(l);
        actStd = std::max(1e-6, actStd * (i == 0 ? 0.25 : 0.2));
    }
    return s;
}

/// `points` snapshots (steps 0, 10, 20, …) of every layer's grad_norm and update_ratio, the
/// values of `snapshot` scaled a little over time; the update ratio is 0 at step 0 as in the trainer.
inline std::shared_ptr<History> historyOf(const Snapshot &snapshot, int points)
{
    auto h = std::make_shared<History>();
    for (int p = 0; p < points; ++p) {
        const long long step = 10LL * p;
        const double drift = 1.0 + 0.1 * p;
        for (const LayerStats &l : snapshot.layers) {
            const std::string prefix = "layer" + std::to_string(l.index) + ".";
            h->append(prefix + "grad_norm", step, l.grad.weightNorm * drift);
            h->append(prefix + "update_ratio", step, p == 0 ? 0.0 : l.grad.updateRatio * drift);
            h->append(prefix + "weight_std", step, l.weight.std);
        }
    }
    return h;
}

inline Frame frameOf(std::shared_ptr<const Snapshot> snapshot, std::shared_ptr<const History> history)
{
    Frame f;
    f.snapshot = std::move(snapshot);
    f.history = std::move(history);
    return f;
}

/// Whether `line`, a history line as plotted, is what its plot can show of `all`, the series it
/// was drawn from: cut [xMin, xMax] (the step axis) into `columns` equal columns; every column
/// holds the same lowest and highest value in both, the line starts and ends with the series'
/// first and last point, and each of its points is a point of the series, unchanged (y clamped
/// from below to `floor`, for a log axis's bottom edge).
inline bool keepsEveryColumn(const QList<QPointF> &line, const std::vector<layerlens::core::Series::Point> &all,
                             int columns, double xMin, double xMax,
                             double floor = -std::numeric_limits<double>::infinity())
{
    if (columns < 1 || !(xMax > xMin) || line.isEmpty() || all.empty())
        return false;
    const double perStep = columns / (xMax - xMin);
    const auto column = [&](double x) {
        return std::clamp(static_cast<int>(std::floor((x - xMin) * perStep)), 0, columns - 1);
    };
    std::vector<double> lo(static_cast<std::size_t>(columns), INFINITY), hi(lo.size(), -INFINITY);
    std::vector<double> keptLo = lo, keptHi = hi;
    std::map<double, double> valueAt;
    for (const auto &p : all) {
        const double value = std::max(p.value, floor);
        const auto c = static_cast<std::size_t>(column(static_cast<double>(p.step)));
        lo[c] = std::min(lo[c], value);
        hi[c] = std::max(hi[c], value);
        valueAt[static_cast<double>(p.step)] = value;
    }
    for (const QPointF &p : line) {
        const auto at = valueAt.find(p.x());
        if (at == valueAt.end() || at->second != p.y())
            return false;
        const auto c = static_cast<std::size_t>(column(p.x()));
        keptLo[c] = std::min(keptLo[c], p.y());
        keptHi[c] = std::max(keptHi[c], p.y());
    }
    const auto point = [&](const layerlens::core::Series::Point &p) {
        return QPointF(static_cast<double>(p.step), std::max(p.value, floor));
    };
    return keptLo == lo && keptHi == hi && line.front() == point(all.front()) && line.back() == point(all.back());
}

/// What `chart` shows as text (its titles, labels and legend), plain, one entry per visible text item.
inline QStringList chartTexts(const QChart *chart)
{
    QStringList texts;
    for (QGraphicsItem *item : chart->scene()->items())
        if (const auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible() && chart->isAncestorOf(text))
            texts << text->toPlainText();
    return texts;
}

} // namespace viewtestdata
