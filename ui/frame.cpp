#include "ui/frame.h"

#include "core/trainer.h"

#include <algorithm>
#include <cmath>

namespace layerlens::ui {

namespace {
// Multiply-adds one decision field may cost (grid points × parameters): 96² points for small
// networks, fewer (down to 24²) for large ones, so that it never stalls training.
constexpr double kFieldBudget = 3e7;
} // namespace

std::shared_ptr<const DecisionField> makeDecisionField(core::Trainer &trainer)
{
    const core::Dataset &data = trainer.data();
    if (!data.isPlanar())
        return nullptr;
    core::Network<float> &net = trainer.network();
    double macs = 0.0;
    for (const auto &p : net.parameters())
        macs += static_cast<double>(p.value->size());
    const int side = std::clamp(static_cast<int>(std::sqrt(kFieldBudget / std::max(1.0, macs))), 24, 96);
    auto field = std::make_shared<DecisionField>();
    const Eigen::Vector2f lo = data.trainX.rowwise().minCoeff(), hi = data.trainX.rowwise().maxCoeff();
    const float padX = 0.1f * (hi(0) - lo(0)) + 1e-3f, padY = 0.1f * (hi(1) - lo(1)) + 1e-3f;
    field->xMin = lo(0) - padX;
    field->xMax = hi(0) + padX;
    field->yMin = lo(1) - padY;
    field->yMax = hi(1) + padY;
    field->columns = field->rows = side;
    core::Matrix<float> grid(2, side * side);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            grid(0, r * side + c) = static_cast<float>(field->xMin + (c + 0.5) * (field->xMax - field->xMin) / side);
            grid(1, r * side + c) = static_cast<float>(field->yMin + (r + 0.5) * (field->yMax - field->yMin) / side);
        }
    // Inference mode changes no state of the run (no dropout draw, no BatchNorm update).
    const bool training = net.isTraining();
    net.setTraining(false);
    const core::Matrix<float> &out = net.forward(grid);
    field->predicted.resize(static_cast<std::size_t>(side) * side);
    for (Eigen::Index i = 0; i < out.cols(); ++i) {
        Eigen::Index best = 0;
        out.col(i).maxCoeff(&best);
        field->predicted[static_cast<std::size_t>(i)] = static_cast<int>(best);
    }
    net.setTraining(training);
    auto copyPoints = [](const core::Matrix<float> &x, const std::vector<int> &y, std::vector<float> &px,
                         std::vector<float> &py, std::vector<int> &label) {
        const Eigen::Index n = std::min<Eigen::Index>(x.cols(), 3000);
        for (Eigen::Index i = 0; i < n; ++i) {
            px.push_back(x(0, i));
            py.push_back(x(1, i));
            label.push_back(y[static_cast<std::size_t>(i)]);
        }
    };
    copyPoints(data.trainX, data.trainY, field->trainX, field->trainY, field->trainLabel);
    copyPoints(data.testX, data.testY, field->testX, field->testY, field->testLabel);
    return field;
}

std::shared_ptr<const ImageSamples> makeImageSamples(core::Trainer &trainer)
{
    const core::Dataset &data = trainer.data();
    if (data.imageRows <= 0 || data.testX.cols() == 0)
        return nullptr;
    auto images = std::make_shared<ImageSamples>();
    images->rows = data.imageRows;
    images->cols = data.imageCols;
    const Eigen::Index n = std::min<Eigen::Index>(16, data.testX.cols());
    const core::Matrix<float> batch = data.testX.leftCols(n);
    core::Network<float> &net = trainer.network();
    const bool training = net.isTraining();
    net.setTraining(false);
    const core::Matrix<float> &out = net.forward(batch);
    for (Eigen::Index i = 0; i < n; ++i) {
        Eigen::Index best = 0;
        out.col(i).maxCoeff(&best);
        images->predicted.push_back(static_cast<int>(best));
        images->actual.push_back(data.testY[static_cast<std::size_t>(i)]);
        // IDX pixels are row-major per image, as the loader keeps them.
        images->pixels.emplace_back(batch.col(i).data(), batch.col(i).data() + batch.rows());
    }
    net.setTraining(training);
    return images;
}

std::shared_ptr<Frame> makeFrame(core::Trainer &trainer, const core::RunConfig &config)
{
    auto frame = std::make_shared<Frame>();
    frame->snapshot = trainer.snapshot();
    frame->history = std::make_shared<const core::History>(trainer.history());
    frame->config = config;
    frame->field = makeDecisionField(trainer);
    frame->images = makeImageSamples(trainer);
    return frame;
}

} // namespace layerlens::ui
