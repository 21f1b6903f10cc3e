#pragma once

#include "core/config.h"
#include "core/history.h"
#include "core/snapshot.h"

#include <QMetaType>

#include <memory>
#include <vector>

namespace layerlens::core {
class Trainer;
} // namespace layerlens::core

namespace layerlens::ui {

/// The network's predicted class over a grid of the 2-D input plane, computed in the worker.
struct DecisionField {
    double xMin = -1.0, xMax = 1.0, yMin = -1.0, yMax = 1.0;
    int columns = 0, rows = 0;            ///< grid size; cell (c, r) has its centre at x(c), y(r)
    std::vector<int> predicted;           ///< rows × columns, row 0 at yMin
    std::vector<float> trainX, trainY;    ///< training points (at most a few thousand)
    std::vector<int> trainLabel;
    std::vector<float> testX, testY;      ///< test points
    std::vector<int> testLabel;
};

/// A few test images with the network's prediction, for image data sets.
struct ImageSamples {
    int rows = 0, cols = 0;               ///< image shape
    std::vector<std::vector<float>> pixels; ///< one row-major image per sample, values in [0, 1]
    std::vector<int> predicted, actual;
};

/// Everything a view may draw, published by the worker as one immutable value: the newest
/// snapshot, a copy of the history at that moment, and the config that produced them.
struct Frame {
    std::shared_ptr<const core::Snapshot> snapshot;
    std::shared_ptr<const core::History> history;
    core::RunConfig config;
    std::shared_ptr<const DecisionField> field;   ///< 2-D data sets only
    std::shared_ptr<const ImageSamples> images;   ///< image data sets only
    bool running = false;                          ///< the worker is training (not paused or finished)
};

/// The decision field of `trainer`'s network over its 2-D data (nullptr for other data), computed
/// in inference mode without changing the run. Costs up to ~3·10⁷ multiply-adds: call it from the
/// thread that owns the trainer.
std::shared_ptr<const DecisionField> makeDecisionField(core::Trainer &trainer);
/// Up to 16 test images with the network's predictions (nullptr for data that are not images).
std::shared_ptr<const ImageSamples> makeImageSamples(core::Trainer &trainer);
/// A complete frame of `trainer` as it is now (for a headless export: everything a view draws).
std::shared_ptr<Frame> makeFrame(core::Trainer &trainer, const core::RunConfig &config);

} // namespace layerlens::ui

Q_DECLARE_METATYPE(std::shared_ptr<const layerlens::ui::Frame>)
